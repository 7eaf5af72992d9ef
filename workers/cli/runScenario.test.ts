/** `loadsketch run` on a document with a fault scenario: the issue-11 JSON keys and the table's availability, goodput and recovery rows. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './testing';

const dir = tempDir('loadsketch-cli-scenario-');
const file = join(dir, 'scenario.json');
const doc = {
  format: 'loadsketch',
  version: 2,
  name: 'Crash',
  nodes: [
    { id: 'api', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 } },
    { id: 'logic', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 } },
    { id: 'db', kind: 'database', replicas: 4, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 3 }, balancer: 'round-robin' },
  ],
  edges: [
    { id: 'api-logic', source: 'api', target: 'logic' },
    { id: 'logic-db', source: 'logic', target: 'db', networkMs: 1, timeoutMs: 50, retries: 1 },
  ],
  workload: { entry: 'api', ratePerSec: 100 },
  run: { durationSec: 30, warmupSec: 2, seed: 4 },
  scenario: {
    events: [
      { atSec: 10, durationSec: 5, kind: 'outage', target: 'db' },
      { atSec: 10, durationSec: 5, kind: 'crash', target: 'logic', replicas: 1 },
    ],
  },
};
writeFileSync(file, JSON.stringify(doc));

describe('loadsketch run with a fault scenario', () => {
  it('JSON: availability, goodputPerSec, recoverySec, recovered; endToEnd.rejected and errorsByCause; per node timeSeries of utilization, queueLength, inFlight, errors', async () => {
    const r = await runCli(['run', file, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // Microservices: the db's outage fails requests there; the monolith (one replica, hosting logic) crashes whole, so they fail at its entry.
    for (const [design, cause, node] of [
      [j.microservices, 'outage', 'db'],
      [j.monolith, 'crash', 'api'],
    ] as const) {
      expect(design.availability).toBeGreaterThan(0.7);
      expect(design.availability).toBeLessThan(0.9);
      expect(typeof design.goodputPerSec).toBe('number');
      expect(design.recovered).toBe(true);
      expect(typeof design.recoverySec).toBe('number');
      const e = design.endToEnd;
      expect(e.rejected).toBe(0);
      expect(Object.keys(e.errorsByCause)).toEqual(['error', 'crash', 'outage', 'partition', 'timeout', 'dropped', 'rejected', 'breakerOpen']);
      expect(e.errorsByCause[cause]).toBeGreaterThan(0);
      const ts = design.nodes.find((n: { id: string }) => n.id === node).timeSeries;
      expect(ts.utilization).toHaveLength(60);
      expect(ts.queueLength).toHaveLength(60);
      // In flight = busy servers + waiting, window by window.
      const servers = design === j.monolith ? null : 16; // db: 4 replicas × 4
      for (let k = 0; k < ts.inFlight.length; k++) {
        expect(ts.inFlight[k]).toBeGreaterThanOrEqual(ts.queueLength[k] - 1e-9);
        if (servers !== null) expect(ts.inFlight[k]).toBeCloseTo(ts.utilization[k] * servers + ts.queueLength[k], 9);
      }
      expect(Math.max(...ts.errors)).toBeGreaterThan(0);
      expect(design.nodes[0].faultSeries).toBeUndefined();
    }
    expect(j.monolith.deployment.scenarioNotes).toHaveLength(1);
  });

  it('the table shows availability, goodput, recovery and failures by cause; the monolith mapping in words', async () => {
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^availability \(%\) +[\d.]+ +[\d.]+$/m);
    expect(r.out).toMatch(/^goodput within SLO \(req\/s\) +[\d.]+ +[\d.]+$/m);
    expect(r.out).toMatch(/^recovery after last event \(s\) +[\d.]+ +[\d.]+$/m);
    expect(r.out).toMatch(/^failed by cause +.*outage \d+/m);
    expect(r.out).toMatch(/the scenario in the monolith:\n {2}- events\[1\] \(crash of logic\)/);
  });

  it('a document without a scenario prints none of these', async () => {
    const plain = join(dir, 'plain.json');
    const { scenario: _s, ...rest } = doc;
    writeFileSync(plain, JSON.stringify(rest));
    const r = await runCli(['run', plain, '--json']);
    const j = JSON.parse(r.out);
    expect(j.microservices.availability).toBeUndefined();
    expect(j.microservices.endToEnd.errorsByCause).toBeUndefined();
    expect(j.microservices.nodes[0].timeSeries).toBeUndefined();
  });
});
