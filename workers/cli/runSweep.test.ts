/** `loadsketch run` and `loadsketch sweep`, in-process through main(argv, io). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './testing';

const dir = tempDir('loadsketch-cli-');
const mm1 = join(dir, 'mm1.json');
writeFileSync(
  mm1,
  JSON.stringify({
    format: 'loadsketch',
    version: 1,
    name: 'One queue',
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 1 } },
      { id: 's', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [{ id: 'e', source: 'gw', target: 's' }],
    workload: { entry: 'gw', ratePerSec: 50 },
    run: { durationSec: 20, warmupSec: 2 },
  }),
);
const invalid = join(dir, 'bad.json');
writeFileSync(invalid, JSON.stringify({ format: 'loadsketch', version: 1, nodes: [{ id: 's', kind: 'service', replicas: 0 }], workload: { entry: 's' } }));

const cli = (...argv: string[]) => runCli(argv);

describe('loadsketch run', () => {
  it('prints a table with both designs and the analytic prediction', async () => {
    const r = await cli('run', mm1, '--rate', '40');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/One queue at 40\.0 req\/s, seed 1, 1 replication/);
    expect(r.out).toMatch(/microservices +monolith +analytic micro +analytic mono/);
    expect(r.out).not.toMatch(/µs/);
    expect(r.out).toMatch(/^saturated +no +no$/m);
    expect(r.out).toMatch(/^saturation rate \(req\/s\) +100\.0 +[\d.,]+$/m); // s: 1 server × 10 ms; the analytic rates are in their own row
    expect(r.out).toMatch(/^s +\d/m);
    expect(r.err).toBe('');
  });

  it('--json prints one document with the documented fields; typed arrays become lists and NaN null', async () => {
    const r = await cli('run', mm1, '--json', '--rate=30', '--duration', '10', '--seed', '9', '--replications', '2');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ratePerSec: 30, seed: 9, replications: 2 });
    for (const d of ['microservices', 'monolith']) {
      const e = j[d].endToEnd;
      for (const k of ['completed', 'throughputPerSec', 'meanMs', 'p50Ms', 'p90Ms', 'p95Ms', 'p99Ms', 'p999Ms', 'maxMs', 'errors', 'timeouts', 'dropped']) {
        expect(typeof e[k], `${d}.endToEnd.${k}`).toBe('number');
      }
      expect(Object.keys(e.ci95)).toEqual(['throughputPerSec', 'meanMs', 'p50Ms', 'p90Ms', 'p95Ms', 'p99Ms', 'p999Ms']);
      expect(Object.keys(j[d].nodes[0])).toEqual(['id', 'arrivalRatePerSec', 'utilization', 'utilizationMin', 'utilizationMax', 'meanQueueLength', 'meanWaitMs', 'meanTimeInNodeMs', 'p99TimeInNodeMs', 'dropped']);
      expect(typeof j[d].saturated).toBe('boolean');
      expect(typeof j[d].costPerHour).toBe('number');
      expect(typeof j[d].costPerMillionRequests).toBe('number');
      expect(Array.isArray(j[d].timeSeries.p99Ms)).toBe(true);
      expect(j[d].latencyHistogram).toBeUndefined();
      expect(j.analytic[d]).toHaveProperty('saturationRatePerSec');
      expect(j.analytic[d].nodes[1]).toHaveProperty('meanTimeInNodeMs');
      expect(Array.isArray(j.analytic[d].notCovered)).toBe(true);
    }
    // The same seed gives the same bytes.
    expect((await cli('run', mm1, '--json', '--rate=30', '--duration', '10', '--seed', '9', '--replications', '2')).out).toBe(r.out);
  });

  it.each([
    [['run', mm1, '--rate', 'fast'], /--rate must be a number \(got "fast"\)/],
    [['run', mm1, '--rate'], /--rate needs a number/],
    [['run', mm1, '--speed', '3'], /unknown option --speed/],
    [['run', mm1, '--rate', '1e12'], /ratePerSec must be greater than 0 and at most 1000000/],
    [['run', mm1, '--replications', '1.5'], /replications must be a whole number/],
    [['run', mm1, '--rate', '1000000', '--duration', '86400'], /offers 8\.64e\+10 requests; at most 50,000,000 per replication/],
    [['run', mm1, '--duration', '0'], /durationSec must be greater than 0/],
    [['run'], /usage: loadsketch run FILE/],
  ])('rejects bad input %j with a message and exit 64, no stack trace', async (argv, message) => {
    const r = await cli(...(argv as string[]));
    expect(r.code).toBe(64);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('an invalid document exits 1 naming the field; a missing file exits 2', async () => {
    const bad = await cli('run', invalid);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/nodes\[0\]\.replicas/);
    const missing = await cli('run', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
  });
});

describe('loadsketch sweep', () => {
  it('--json prints { points: [ { ratePerSec, microservices, monolith, analytic } ] } in ascending load', async () => {
    const r = await cli('sweep', mm1, '--from', '10', '--to', '70', '--steps', '4', '--duration', '5', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.points.map((p: { ratePerSec: number }) => p.ratePerSec)).toEqual([10, 30, 50, 70]);
    expect(Object.keys(j.points[0])).toEqual(expect.arrayContaining(['ratePerSec', 'microservices', 'monolith', 'analytic']));
  });

  it('by default runs 10 loads up to 1.2 × the analytic saturation rate, as a table', async () => {
    const r = await cli('sweep', mm1, '--duration', '4');
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').slice(2, 12);
    expect(rows[9]).toMatch(/^120\.0 /); // saturation at 100 req/s (10 ms service, one server)
    expect(rows[9]).toMatch(/ micro(\+mono)?$/);
    expect(r.out).not.toMatch(/µs/);
    expect(r.out).toMatch(/At p\d+ ≤ [\d.]+ m?s, .*(meets the SLO|neither design)/);
  });

  it('rejects an inverted range', async () => {
    const r = await cli('sweep', mm1, '--from', '50', '--to', '10');
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/to \(10\) must not be below from \(50\)/);
  });
});
