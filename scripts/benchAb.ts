/**
 * `npm run bench:ab -- OLD_ROOT [TEMPLATE…]`: the engine of this tree against
 * the engine of another checkout (e.g. `git worktree add --detach /tmp/old
 * <commit>`, with node_modules linked), on the same templates, in separate
 * processes taking turns, so machine noise hits both sides alike. Prints per
 * template the median CPU time of each side, their ratio (new / old) and
 * whether the results are identical (a fingerprint of the whole result).
 * A benchmark, not a test: it prints figures (docs/performance.md).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROUNDS = Number(process.env.AB_ROUNDS ?? 5);
const SECONDS = process.env.AB_SECONDS ?? '120';
const [oldRoot, ...rest] = process.argv.slice(2);
if (!oldRoot) {
  console.error('usage: npm run bench:ab -- OLD_ROOT [TEMPLATE…]   (AB_ROUNDS, AB_SECONDS in the environment)');
  process.exit(2);
}
const templates = rest.length ? rest : ['netflix', 'retrieve-rank-rerank', 'netflix-autoscaled', 'ranker-gpu-loss', 'retry-storm-breaker'];
const here = resolve('.');
const child = resolve(here, 'scripts/benchAbChild.ts');

function side(root: string, template: string): { cpuMs: number; fingerprint: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, root, template, SECONDS], { cwd: here, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${root} ${template}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

console.log(`A/B: new ${here} vs old ${resolve(oldRoot)}, ${ROUNDS} alternating rounds, ${SECONDS} s simulated, CPU ms of the simulation`);
console.log('template                     old ms    new ms   new/old  results');
for (const t of templates) {
  const olds: number[] = [];
  const news: number[] = [];
  const prints = new Set<string>();
  for (let i = 0; i < ROUNDS; i++) {
    const [a, b] = i % 2 === 0 ? [oldRoot, here] : [here, oldRoot];
    const ra = side(a, t);
    const rb = side(b, t);
    (a === here ? news : olds).push(ra.cpuMs);
    (b === here ? news : olds).push(rb.cpuMs);
    prints.add(ra.fingerprint).add(rb.fingerprint);
  }
  const o = median(olds);
  const n = median(news);
  console.log(`${t.padEnd(26)} ${o.toFixed(0).padStart(8)}  ${n.toFixed(0).padStart(8)}  ${(n / o).toFixed(3).padStart(7)}  ${prints.size === 1 ? 'identical' : 'DIFFER'}`);
}
