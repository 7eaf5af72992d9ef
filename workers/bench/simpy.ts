/** Finding SimPy 3 (Debian python3-simpy3) and running the reference model. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./simpy_bench.py', import.meta.url));

/** SimPy's version, installing python3-simpy3 with apt-get if it is missing; null (and why) if it cannot. */
export function findSimpy(): { version: string | null; note: string } {
  const probe = () => spawnSync(PYTHON, ['-c', 'import simpy; print(simpy.__version__)'], { encoding: 'utf8' });
  let r = probe();
  if (r.status === 0) return { version: r.stdout.trim(), note: `found SimPy ${r.stdout.trim()} (${PYTHON})` };
  const apt = spawnSync('apt-get', ['install', '-y', '-qq', 'python3-simpy3'], { encoding: 'utf8' });
  r = probe();
  if (r.status === 0) return { version: r.stdout.trim(), note: `installed python3-simpy3 with apt-get: SimPy ${r.stdout.trim()}` };
  return { version: null, note: `SimPy not available and apt-get install python3-simpy3 failed: ${(apt.stderr || String(apt.error ?? '')).trim().slice(0, 200)}` };
}

/** Result of one SimPy run. */
export interface SimpyRun {
  wallSec: number;
  requests: number;
  visits: number;
  meanMs: number;
}

/** Runs the SimPy script on a chain model (see models.ts). */
export function runSimpy(model: unknown): SimpyRun {
  const dir = mkdtempSync(join(tmpdir(), 'loadsketch-bench-'));
  const file = join(dir, 'model.json');
  writeFileSync(file, JSON.stringify(model));
  const r = spawnSync(PYTHON, [SCRIPT, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`SimPy run failed: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout) as SimpyRun;
}
