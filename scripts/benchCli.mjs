// CLI start-up benchmark (a command, not a test): wall time of `node -e 0`, then of the CLI built
// (build/cli, what bin/loadsketch.mjs runs) and through tsx (LOADSKETCH_CLI_TSX=1: TypeScript compiled
// on each start, the CLI before the bundle), for `--version` and `validate` on a small file.
// Rounds alternate the variants; prints each one's median and its excess over `node -e 0`.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 9);
const bin = 'bin/loadsketch.mjs';
const small = 'workers/templates/mm1.json';

execFileSync(process.execPath, ['scripts/buildCli.mjs'], { cwd: root, stdio: 'inherit' });

const variants = [
  ['node -e 0', ['-e', '0'], {}],
  ['bundle: --version', [bin, '--version'], {}],
  ['bundle: validate mm1.json', [bin, 'validate', small], {}],
  ['tsx: --version', [bin, '--version'], { LOADSKETCH_CLI_TSX: '1' }],
  ['tsx: validate mm1.json', [bin, 'validate', small], { LOADSKETCH_CLI_TSX: '1' }],
];
const times = new Map(variants.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, args, env] of r % 2 ? [...variants].reverse() : variants) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 0) throw new Error(`${name} exited ${res.status}`);
    times.get(name).push(ms);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const base = median(times.get('node -e 0'));
console.log(`CLI start-up, median of ${rounds} rounds (ms), Node ${process.version}`);
for (const [name, xs] of times) {
  const m = median(xs);
  console.log(`${name.padEnd(28)} ${m.toFixed(0).padStart(6)}   ${name === 'node -e 0' ? '' : `+${(m - base).toFixed(0)} over node -e 0`}`);
}
