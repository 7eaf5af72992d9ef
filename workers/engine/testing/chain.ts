/** A chain of n nodes for depth tests: n0 → n1 → … sync calls, no network time, 0.01 ms deterministic service. */
import type { Topology } from '../schema';
import { testDoc2 } from './docs';

export function chainDoc(n: number, ratePerSec = 20): Topology {
  return testDoc2({
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      kind: 'service',
      replicas: 1,
      concurrency: 4,
      serviceTime: { dist: 'deterministic', meanMs: 0.01 },
    })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, networkMs: 0 })),
    workload: { entry: 'n0', ratePerSec },
  });
}
