/**
 * Fuzz seeds that once broke an invariant, pinned as regression tests (as
 * tldraw pins its fuzz seeds): each runs in `npm test` forever after. Add a
 * seed here with what it found when `npm run fuzz` reports one.
 */
export const PINNED_SEEDS: readonly { seed: number; found: string }[] = [];

/**
 * Hand-written hostile documents from the issue-16 probe, kept with the seeds:
 * each must be refused with errors naming fields, or run within its budget.
 */
export const PINNED_DOCUMENTS: readonly { name: string; doc: unknown }[] = [
  {
    name: 'bursty arrivals with 1e-7 ms bursts (120 s per simulated second before)',
    doc: { format: 'loadsketch', version: 1, nodes: [{ id: 's', kind: 'service' }], workload: { entry: 's', arrival: 'bursty', burst: { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 1e-7 } } },
  },
  {
    name: 'bursty arrivals at 1e-9 req/s (112 s for one simulated second before)',
    doc: { format: 'loadsketch', version: 1, nodes: [{ id: 's', kind: 'service' }], workload: { entry: 's', arrival: 'bursty', ratePerSec: 1e-9, burst: { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 1 } } },
  },
  {
    name: 'unknown top-level field (reported with an empty path before)',
    doc: { format: 'loadsketch', version: 1, author: 'me', nodes: [{ id: 's', kind: 'service' }], workload: { entry: 's' } },
  },
  {
    name: '1001 parallel calls per request at 1e6 req/s (71 s per simulated second before)',
    doc: {
      format: 'loadsketch',
      version: 1,
      nodes: [{ id: 'g', kind: 'gateway', concurrency: 10000, callMode: 'parallel' }, ...Array.from({ length: 1001 }, (_, i) => ({ id: `l${i}`, kind: 'service' }))],
      edges: Array.from({ length: 1001 }, (_, i) => ({ id: `e${i}`, source: 'g', target: `l${i}` })),
      workload: { entry: 'g', ratePerSec: 1_000_000 },
    },
  },
];
