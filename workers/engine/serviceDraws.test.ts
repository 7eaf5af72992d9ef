/** Service times drawn ahead (serviceDraws.ts) are bit for bit the ones drawn one at a time. */
import { describe, expect, it } from 'vitest';
import { compileModel, sampleService } from './compile';
import { parseTopology } from './parse';
import { Rng } from './rng';
import { SERVICE_BLOCK, ServiceDraws } from './serviceDraws';

const DISTS = [
  { dist: 'exponential', meanMs: 10 },
  { dist: 'deterministic', meanMs: 7 },
  { dist: 'lognormal', meanMs: 3, cv: 0.8 },
  { dist: 'gamma', meanMs: 6, cv: 0.5 },
  { dist: 'gamma', meanMs: 6, cv: 2 },
  { dist: 'uniform', minMs: 1, maxMs: 4 },
];

describe('ServiceDraws', () => {
  it.each(DISTS)('gives the same bits, in the same order, as drawing one at a time ($dist)', (serviceTime) => {
    const r = parseTopology({
      format: 'loadsketch',
      version: 1,
      name: 'one node',
      nodes: [{ id: 's', kind: 'service', replicas: 1, concurrency: 1, serviceTime }],
      workload: { entry: 's', ratePerSec: 10 },
    });
    if (!r.ok) throw new Error('invalid test model');
    const m = compileModel(r.doc);
    const ahead = new ServiceDraws(m, 0, new Rng(12345));
    const oneByOne = new Rng(12345);
    const n = 3 * SERVICE_BLOCK + 5;
    const got = Float64Array.from({ length: n }, () => ahead.next());
    const want = Float64Array.from({ length: n }, () => sampleService(m, 0, oneByOne));
    expect(new Uint8Array(got.buffer)).toEqual(new Uint8Array(want.buffer));
    expect(new Set(got).size).toBe(serviceTime.dist === 'deterministic' ? 1 : n);
  });
});
