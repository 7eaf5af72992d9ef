/** The sentences that say which figures the analytic model does not cover, and why. */
import type { Topology, TopologyEdge, TopologyNode } from '../schema';
import type { Station } from './stations';

/** A number for a sentence: whole numbers as they are, others to 3 significant digits. */
export function fmt(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(3)));
}

export const notes = {
  hold: (n: TopologyNode) =>
    `Node "${n.id}" holds its worker during calls: its service time depends on downstream waits; no closed form for its wait or for the response of anything that calls it (its utilisation counts the expected call time, an estimate).`,
  triton: (n: TopologyNode) =>
    `Node "${n.id}" uses Triton's dynamic batcher (preferred batch sizes, queue policy, ${n.batching!.triton!.instancesPerReplica} instance(s) per replica): batch sizes and waits are simulated, not predicted.`,
  batching: (n: TopologyNode) =>
    `Node "${n.id}" batches requests (up to ${n.batching!.maxBatch}, waiting at most ${fmt(n.batching!.maxWaitMs)} ms): batch service has no closed form here; its wait and the response of its callers are not predicted. The saturation rate counts full batches of ${n.batching!.maxBatch} (servers × b / batch time at b = ${n.batching!.maxBatch}); its utilisation is an estimate: one request per batch while that keeps up, then growing batches up to full ones at the saturation rate.`,
  balancer: (doc: Topology, st: Station) =>
    `${stationName(doc, st)} has ${st.replicas} replicas behind ${st.balancer}${st.balancer === 'round-robin' ? ` with ${st.servers === 1 ? 'non-exponential service' : `${st.servers} servers each`}` : ''}: no closed form for the wait at one replica here (${st.balancer === 'round-robin' ? 'E_n/G/c' : 'state-dependent routing'}); its wait and the response of its callers are not predicted (the simulation shows it between random and pooled).`,
  unit: (doc: Topology, st: Station) =>
    `${stationName(doc, st)} is part of deployable unit "${st.unit}": a request stays on the replica it entered, so its per-replica arrivals are not those of its own balancer; its wait is not predicted.`,
  bounded: (n: TopologyNode) =>
    `Node "${n.id}" has a bounded queue (${n.queueCapacity} waiting places): drops shorten its wait and lower the load after it; the M/G/c formulas assume an unbounded queue, so its wait and the waits downstream are not predicted (arrival rates there are upper bounds).`,
  timeout: (e: TopologyEdge) =>
    `Edge "${e.id}" (${e.source} → ${e.target}) times out after ${fmt(e.timeoutMs!)} ms${e.retries > 0 ? ` with ${e.retries} ${e.retries === 1 ? 'retry' : 'retries'}` : ''}: responses are cut at the timeout${e.retries > 0 ? ' and retries add load' : ''}; no closed form for the response of "${e.source}", and loads after it are estimates.`,
  bursty: (doc: Topology) =>
    `Arrivals are bursty (×${fmt(doc.workload.burst.peakFactor)} for ${fmt(doc.workload.burst.burstFraction * 100)}% of the time): the M/G/c waits assume Poisson arrivals, so no wait or mean response is predicted; utilisations are long-run averages.`,
  constant: () =>
    'Arrivals are constant-rate: the M/G/c figures treat them as Poisson, which overstates the waits (a conservative prediction).',
  profile: (rate: number) =>
    `The load profile is not modelled: the figures are for a steady ${fmt(rate)} req/s.`,
  saturated: (doc: Topology, st: Station, rate: number) =>
    `The design is saturated at ${fmt(rate)} req/s: ${stationName(doc, st)} would run at utilisation ${fmt(st.rho)} (≥ 1), its queue grows without bound, so no mean response time exists.`,
  holdSaturation: (ids: string[]) =>
    `The saturation rate counts only service time at ${ids.map((id) => `"${id}"`).join(', ')}, whose workers are also held during calls: the real saturation comes earlier.`,
  noWork: () => 'No station does any work (all service times are 0): there is no saturation rate.',
  cycle: () => 'Calls form a cycle: the traffic equations have no solution here.',
};

/** `node "x"` or `pool "p" (nodes "a", "b")`. */
export function stationName(doc: Topology, st: Station): string {
  if (st.poolId == null) return `node "${doc.nodes[st.members[0]].id}"`;
  const ids = st.members.map((i) => `"${doc.nodes[i].id}"`).join(', ');
  return `pool "${st.poolId}" (nodes ${ids})`;
}

/** The member of a station doing the most work per entry request (first in document order on a tie). */
export function largestShare(st: Station, visits: Float64Array, meanMs: readonly number[]): number {
  let best = st.members[0];
  for (const i of st.members) if (visits[i] * meanMs[i] > visits[best] * meanMs[best]) best = i;
  return best;
}
