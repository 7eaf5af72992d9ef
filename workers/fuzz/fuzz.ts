/**
 * `npm run fuzz [-- --count N] [--seed S]`: N seeded hostile documents
 * (workers/fuzz/hostileDocs.ts) through parseTopology and a bounded run,
 * checking the invariants of workers/fuzz/check.ts. Prints the figures and
 * every failing seed (pin those in workers/fuzz/pinned.ts); exits 1 on a failure.
 */
import { checkDocument } from './check';
import { hostileDocument } from './hostileDocs';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return v;
}

const count = flag('count', 2000);
const first = flag('seed', 1);
const t0 = process.hrtime.bigint();
let valid = 0;
let ran = 0;
let cut = 0;
let slowestMs = 0;
let slowestSeed = first;
const failing: { seed: number; failures: string[] }[] = [];
for (let seed = first; seed < first + count; seed++) {
  const s0 = process.hrtime.bigint();
  const r = checkDocument(hostileDocument(seed));
  const ms = Number(process.hrtime.bigint() - s0) / 1e6;
  if (ms > slowestMs) {
    slowestMs = ms;
    slowestSeed = seed;
  }
  if (r.valid) valid++;
  if (r.ran) ran++;
  if (r.cutShort) cut++;
  if (r.failures.length) failing.push({ seed, failures: r.failures });
  if ((seed - first + 1) % 2000 === 0) process.stderr.write(`${seed - first + 1} / ${count}\n`);
}
const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`fuzz: ${count} hostile documents, seeds ${first}–${first + count - 1}, ${wallSec.toFixed(1)} s`);
console.log(`  valid ${valid} (refused with errors ${count - valid}), ran ${valid === 0 ? 0 : ran} (refused by run options ${valid - ran}), cut short by the work budget ${cut}`);
console.log(`  slowest document: seed ${slowestSeed}, ${slowestMs.toFixed(0)} ms`);
console.log(`  failing seeds: ${failing.length}`);
for (const f of failing.slice(0, 20)) console.log(`  seed ${f.seed}: ${f.failures.slice(0, 3).join(' | ')}`);
process.exit(failing.length ? 1 : 0);
