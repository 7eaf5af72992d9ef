/** `loadsketch sweep` on a closed workload: the rows are users N, --from/--to are users, N/X − Z is printed beside the mean. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mvaClosed } from '../engine/resilience/closedWorkload';
import { runCli, tempDir } from './testing';

const dir = tempDir('loadsketch-cli-closed-');
const file = join(dir, 'closed.json');
writeFileSync(
  file,
  JSON.stringify({
    format: 'loadsketch',
    version: 2,
    name: 'Closed one',
    nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } }],
    edges: [],
    workload: { entry: 'api', ratePerSec: 1, model: 'closed', users: 4, thinkTime: { dist: 'exponential', meanMs: 50 } },
    run: { durationSec: 100, warmupSec: 5, seed: 1 },
  }),
);

describe('loadsketch sweep, closed workload', () => {
  it('sweeps the users given by --from/--to and prints X, N/X − Z and the MVA mean per row', async () => {
    const r = await runCli(['sweep', file, '--from', '2', '--to', '10', '--steps', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/closed-workload sweep over users N/);
    const rows = r.out.split('\n').filter((l) => /^(2|6|10) +\d/.test(l));
    expect(rows.map((l) => Number(l.split(/ +/)[0]))).toEqual([2, 6, 10]);
    for (const l of rows) {
      const [n, mean, , x, law, , , , mva] = l.trim().split(/ +/).map(Number);
      // The MVA column is exact MVA for one exponential station (S = 10 ms, Z = 50 ms).
      expect(mva).toBeCloseTo(mvaClosed(n, [10], 50).responseMs, 1);
      // The response-time law on the printed X, within the rounding of the columns and think-time noise.
      expect(Math.abs(law - mean)).toBeLessThan(0.03 * (mean + 50));
      expect(x).toBeGreaterThan(0);
    }
    expect(r.out).toMatch(/meets the SLO up to .* users/);
  });

  it('--json carries each point\'s users and the MVA figures', async () => {
    const r = await runCli(['sweep', file, '--from', '3', '--to', '3', '--steps', '1', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { points: { users: number; analytic: { microservices: { closed: { users: number; exact: boolean } } } }[] };
    expect(j.points.map((p) => p.users)).toEqual([3]);
    expect(j.points[0].analytic.microservices.closed).toMatchObject({ users: 3, exact: true });
  });

  it('names a bad users range', async () => {
    const r = await runCli(['sweep', file, '--from', '0.5', '--to', '4']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/from must be a whole number of users/);
  });
});
