/**
 * One side of `npm run bench:ab` (scripts/benchAb.ts), in its own process:
 * runs one template with the engine of the tree at ROOT and prints a JSON line
 * with the CPU milliseconds of the simulation alone and a fingerprint of its
 * result (so the two trees' results can be compared for identity).
 * Usage: node --import tsx scripts/benchAbChild.ts ROOT TEMPLATE SECONDS
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, template, seconds] = process.argv.slice(2);
if (!root || !template || !seconds) throw new Error('usage: benchAbChild.ts ROOT TEMPLATE SECONDS');
const mod = (p: string) => import(pathToFileURL(resolve(root, p)).href);
const { parseTopology } = await mod('workers/engine/parse.ts');
const { simulateDesign } = await mod('workers/engine/run.ts');
const parsed = parseTopology(JSON.parse(readFileSync(resolve(root, 'workers/templates', `${template}.json`), 'utf8')));
if (!parsed.ok) throw new Error(`${template}: ${JSON.stringify(parsed.errors)}`);
const opts = { durationSec: Number(seconds), replications: 1 };
simulateDesign(parsed.doc, { ...opts, durationSec: Math.min(5, Number(seconds)) }); // warm the JIT
const c0 = process.cpuUsage();
const result = simulateDesign(parsed.doc, opts);
const c = process.cpuUsage(c0);
const fingerprint = createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
process.stdout.write(`${JSON.stringify({ cpuMs: (c.user + c.system) / 1000, fingerprint })}\n`);
