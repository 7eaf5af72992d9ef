/** The benchmark's models, as engine documents and as the SimPy script's chain description. */
import { parseTopology } from '../engine/parse';
import type { Topology } from '../engine/schema';
import { loadTemplate, TEMPLATES } from '../templates/index';

/** A model both simulators run. */
export interface BenchModel {
  name: string;
  doc: Topology;
  /** Requests the engine simulates per timed run, and SimPy (slower) per run. */
  engineRequests: number;
  simpyRequests: number;
}

/** M/M/c at utilisation 0.9 with 10 ms service. */
export function mmc(c: number): Topology {
  const r = parseTopology({
    format: 'loadsketch',
    version: 1,
    name: `M/M/${c} at ρ = 0.9`,
    nodes: [{ id: 's', kind: 'service', replicas: 1, concurrency: c, serviceTime: { dist: 'exponential', meanMs: 10 } }],
    workload: { entry: 's', ratePerSec: 90 * c },
  });
  if (!r.ok) throw new Error('bench model invalid');
  return r.doc;
}

/** The retrieve → rank → re-rank template, or null when it is not shipped. */
export function rankTemplate(): Topology | null {
  return TEMPLATES.some((t) => t.id === 'retrieve-rank-rerank') ? loadTemplate('retrieve-rank-rerank') : null;
}

/** The SimPy model of a document whose calls are all sync, sequential, probability 1, count 1, without timeouts/batching/holding/bounded queues/pools. */
export function simpyChain(doc: Topology, requests: number, seed: number) {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const path: [number, number][] = [];
  const visit = (id: string, net: number) => {
    const n = doc.nodes[index.get(id)!];
    if (n.callMode !== 'sequential' || n.holdWorkerDuringCalls || n.batching || n.queueCapacity !== null || n.pool || n.hitRatio) {
      throw new Error(`node ${id}: feature not in the SimPy chain model`);
    }
    path.push([net, index.get(id)!]);
    for (const e of doc.edges.filter((x) => x.source === id)) {
      if (e.mode !== 'sync' || e.probability !== 1 || e.count !== 1 || e.timeoutMs !== null) throw new Error(`edge ${e.id}: not in the SimPy chain model`);
      visit(e.target, e.networkMs);
    }
  };
  visit(doc.workload.entry, 0);
  const stations = doc.nodes.map((n) => {
    const st = n.serviceTime;
    if (st.dist === 'uniform') throw new Error('uniform not in the SimPy chain model');
    return { servers: n.replicas * n.concurrency, dist: st.dist, meanMs: st.meanMs, cv: 'cv' in st ? st.cv : 1 };
  });
  return { stations, path, ratePerSec: doc.workload.ratePerSec, requests, seed };
}
