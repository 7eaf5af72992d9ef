import type { Topology } from './schema';

/** One line about a document, e.g. `Netflix recommender: 14 nodes (3 offline), 16 edges; 200 req/s poisson at gateway`. */
export function summarizeTopology(doc: Topology): string {
  const offline = doc.nodes.filter((n) => n.role === 'offline').length;
  const asyncEdges = doc.edges.filter((e) => e.mode === 'async').length;
  const w = doc.workload;
  const profile = w.profile ? `, profile of ${w.profile.length} points` : '';
  return (
    `${doc.name}: ${doc.nodes.length} node${doc.nodes.length === 1 ? '' : 's'}` +
    (offline ? ` (${offline} offline)` : '') +
    `, ${doc.edges.length} edge${doc.edges.length === 1 ? '' : 's'}` +
    (asyncEdges ? ` (${asyncEdges} async)` : '') +
    `; ${w.ratePerSec} req/s ${w.arrival} at ${w.entry}${profile}; ${doc.run.durationSec} s run, seed ${doc.run.seed}`
  );
}
