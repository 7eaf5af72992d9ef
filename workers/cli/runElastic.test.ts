/** `loadsketch run` on an autoscaled document: the issue-12 JSON keys, the table's elasticity rows, progress on stderr for long runs. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './testing';

const dir = tempDir('loadsketch-cli-elastic-');
const file = join(dir, 'elastic.json');
writeFileSync(
  file,
  JSON.stringify({
    format: 'loadsketch',
    version: 2,
    name: 'Autoscaled',
    nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 20 }, autoscale: { policy: 'hpa', maxReplicas: 10 }, coldStart: { dist: 'deterministic', meanSec: 5 } }],
    workload: { entry: 'api', ratePerSec: 150, profile: [{ atSec: 0, ratePerSec: 20 }, { atSec: 1800, ratePerSec: 150 }, { atSec: 3600, ratePerSec: 20 }] },
    run: { durationSec: 3600, warmupSec: 0, seed: 3 },
  }),
);

describe('loadsketch run with autoscaling', () => {
  it('JSON: per node timeSeries.replicas, per design costTotal, replicaHours, sloViolationSec, coldStarts; progress on stderr', async () => {
    const r = await runCli(['run', file, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const m = j.microservices;
    for (const k of ['costTotal', 'replicaHours', 'sloViolationSec', 'coldStarts']) expect(typeof m[k]).toBe('number');
    expect(m.coldStarts).toBeGreaterThan(0);
    expect(m.nodes[0].timeSeries.replicas).toHaveLength(60);
    expect(Math.max(...m.nodes[0].timeSeries.replicas)).toBeGreaterThan(1);
    expect(m.timeSeries.cost).toHaveLength(60);
    // An hour of simulated time: a progress line per tenth.
    expect(r.err).toMatch(/loadsketch run: 50% of 3600 s simulated/);
  });

  it('the table shows cost over the run, replica-hours, cold starts and SLO-violation minutes', async () => {
    const r = await runCli(['run', file, '--duration', '600']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^cost over the run \(\$\) +[\d.]+ +[\d.]+$/m);
    expect(r.out).toMatch(/^cold starts +\d+ +0$/m);
    expect(r.err).toBe('');
  });
});
