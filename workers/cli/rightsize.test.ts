/** The CLI's deployment keys (`run --json`) and `loadsketch rightsize`, in process through main(argv, io). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './testing';

const rag = fileURLToPath(new URL('../templates/rag-llm.json', import.meta.url));
const dir = tempDir('loadsketch-rightsize-');
const small = join(dir, 'small.json');
writeFileSync(
  small,
  JSON.stringify({
    format: 'loadsketch',
    version: 2,
    name: 'Two tiers',
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 2, hardware: 'c7i.large', serviceTime: { dist: 'exponential', meanMs: 4 } },
      { id: 'svc', kind: 'service', replicas: 1, concurrency: 1, hardware: 'm7i.xlarge', serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [{ id: 'e', source: 'gw', target: 'svc' }],
    workload: { entry: 'gw', ratePerSec: 100 },
    run: { durationSec: 20, warmupSec: 2 },
    slo: { percentile: 'mean', thresholdMs: 40 },
  }),
);

describe('loadsketch run --json: costs and the monolith deployment', () => {
  it('has microservices.costPerHour, monolith.costPerHour, monolith.deployment and per-node utilisation spread', async () => {
    const r = await runCli(['run', rag, '--json', '--rate', '10', '--duration', '5']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.microservices.costPerHour).toBeCloseTo(2 * 0.08925 + 4 * 0.2016 + 2 * 0.1785 + 2 * 0.4032 + 4 * 3.6733, 9);
    expect(j.monolith.costPerHour).toBeCloseTo(4 * 3.6733 + 2 * 0.4032, 9);
    expect(j.monolith.deployment).toMatchObject({ hardware: 'a2-highgpu-1g', replicas: 4, threadsPerReplica: 76, gpusPerReplica: 1, fits: true });
    for (const n of j.microservices.nodes) {
      expect(typeof n.utilizationMin).toBe('number');
      expect(typeof n.utilizationMax).toBe('number');
    }
    expect(j.microservices.deployment).toBeUndefined();
  });

  it('states the deployment in the text output', async () => {
    const r = await runCli(['run', rag, '--rate', '10', '--duration', '5']);
    expect(r.out).toMatch(/monolith deployment: a2-highgpu-1g, 4 replica\(s\), 76 threads and 1 GPU\(s\) per replica, \$14\.69\/h/);
  });
});

describe('loadsketch rightsize', () => {
  it('--json gives both designs: replicas, cost per hour, the simulation that confirms them', async () => {
    const r = await runCli(['rightsize', small, '--rate', '150', '--json', '--duration', '20']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ratePerSec: 150, slo: { percentile: 'mean', thresholdMs: 40 } });
    for (const d of ['microservices', 'monolith']) {
      for (const k of ['replicas', 'costPerHour', 'found', 'analyticMeanMs', 'simulatedMs', 'confirmed', 'simulations']) expect(j[d], `${d}.${k}`).toHaveProperty(k);
      expect(j[d].found).toBe(true);
    }
    expect(Object.keys(j.microservices.replicas).sort()).toEqual(['gw', 'svc']);
    expect(j.monolith).toHaveProperty('unitReplicas');
    expect(j.monolith).toHaveProperty('hardware');
  });

  it('prints both costs side by side', async () => {
    const r = await runCli(['rightsize', small, '--rate', '150', '--duration', '20']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Two tiers: cheapest configuration meeting mean ≤ 40 ms at 150 req\/s$/m);
    expect(r.out).toMatch(/^microservices: \$\d+\.\d\d\/h$/m);
    expect(r.out).toMatch(/^monolith: \$\d+\.\d\d\/h$/m);
  });

  it.each([
    [['rightsize', small], /--rate is required/],
    [['rightsize', small, '--rate', '0'], /--rate must be greater than 0/],
    [['rightsize'], /usage: loadsketch rightsize FILE --rate R/],
  ])('rejects %j with exit 64', async (argv, message) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(message);
  });
});
