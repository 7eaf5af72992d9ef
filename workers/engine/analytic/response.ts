/**
 * Mean response times: a visit to node i takes R_i = W_i + E[S_i] + the
 * expected time of its synchronous calls (the server is released before the
 * calls). Computed callees-first; NaN marks a figure the formulas do not
 * cover and propagates to every caller.
 */
import type { Topology, TopologyEdge } from '../schema';
import { expectedMaxMs, type ForkBranch, nelsonTantawiMs } from './forkJoin';
import { callFactor, edgeShare, type Routing } from './routing';
import type { Station } from './stations';

const REL = 1e-9;
const same = (x: number, y: number) => Math.abs(x - y) <= REL * Math.max(Math.abs(x), Math.abs(y));

/** Context the response pass reads. */
export interface ResponseInput {
  doc: Topology;
  routing: Routing;
  stations: Station[];
  stationOf: Int32Array;
  /** Time in node W_i + E[S_i] per node, ms; NaN = not covered. */
  timeInNodeMs: Float64Array;
}

/** Per node: R_i (ms) and the expected call time per visit (ms, weighted by the cache miss ratio). NaN = not covered. */
export function responseTimes(input: ResponseInput): { responseMs: Float64Array; callsMs: Float64Array } {
  const { doc, routing, timeInNodeMs } = input;
  const n = doc.nodes.length;
  const responseMs = new Float64Array(n).fill(Number.NaN);
  const callsMs = new Float64Array(n).fill(Number.NaN);
  for (let k = routing.order.length - 1; k >= 0; k--) {
    const i = routing.order[k];
    const calls = callTimeMs(input, i, responseMs, callsMs);
    callsMs[i] = calls;
    responseMs[i] = timeInNodeMs[i] + calls;
  }
  return { responseMs, callsMs };
}

function callTimeMs(input: ResponseInput, i: number, responseMs: Float64Array, callsMs: Float64Array): number {
  const { doc, routing } = input;
  const factor = callFactor(doc, i);
  if (factor === 0) return 0;
  const out = routing.out[i];
  const sync = out.filter((e) => e.mode === 'sync' && e.probability > 0);
  if (sync.length === 0) return 0;
  if (sync.some((e) => e.timeoutMs != null)) return Number.NaN;
  const node = doc.nodes[i];
  const staged = out.some((e) => e.stage != null);
  const serial = !staged && node.callMode === 'sequential';
  const rOf = (e: TopologyEdge) => responseMs[routing.index.get(e.target)!];
  if (node.routing === 'one') {
    // Exactly one edge per visit, with chance p_e / Σp: the mean is the weighted mean of each edge
    // made alone (its count calls one after another in a sequential node, forked otherwise).
    let sum = 0;
    for (const e of sync) {
      const alone = serial ? e.count * (e.networkMs + rOf(e)) : forkMs(input, [{ ...e, probability: 1 }], responseMs, callsMs);
      sum += edgeShare(doc, out, i, e) * alone;
    }
    return factor * sum;
  }
  if (serial) {
    let sum = 0;
    for (const e of sync) sum += e.probability * e.count * (e.networkMs + rOf(e));
    return factor * sum;
  }
  // Stages run one after another: the mean is the sum of each stage's fork–join mean.
  const stages = new Map<number, TopologyEdge[]>();
  for (const e of sync) {
    const k = e.stage ?? 0;
    const list = stages.get(k);
    if (list) list.push(e);
    else stages.set(k, [e]);
  }
  let sum = 0;
  for (const list of stages.values()) sum += forkMs(input, list, responseMs, callsMs);
  return factor * sum;
}

/** Mean time until the slowest of a fork of sync calls has answered (Nelson–Tantawi where it applies, else expectedMaxMs). */
function forkMs(input: ResponseInput, sync: TopologyEdge[], responseMs: Float64Array, callsMs: Float64Array): number {
  const rOf = (e: TopologyEdge) => responseMs[input.routing.index.get(e.target)!];
  if (sync.some((e) => Number.isNaN(rOf(e)))) return Number.NaN;
  const nt = nelsonTantawiCase(input, sync, callsMs);
  if (nt) return nt.networkMs + nelsonTantawiMs(sync.length, nt.rho, nt.r1Ms);
  const branches: ForkBranch[] = sync.map((e) => ({
    probability: e.probability,
    count: e.count,
    networkMs: e.networkMs,
    responseMs: rOf(e),
  }));
  return expectedMaxMs(branches);
}

/**
 * The Nelson–Tantawi case: K ≥ 2 calls, each made once for sure, to K
 * distinct single-server exponential stations (no pool) that make no calls
 * of their own, all with the same service mean, utilisation and network cost.
 */
function nelsonTantawiCase(
  input: ResponseInput,
  sync: TopologyEdge[],
  callsMs: Float64Array,
): { rho: number; r1Ms: number; networkMs: number } | null {
  const { doc, routing, stations, stationOf, timeInNodeMs } = input;
  if (sync.length < 2) return null;
  const seen = new Set<number>();
  let ref: Station | null = null;
  for (const e of sync) {
    const t = routing.index.get(e.target)!;
    const st = stations[stationOf[t]];
    const node = doc.nodes[t];
    if (e.probability !== 1 || e.count !== 1 || seen.has(t)) return null;
    if (st.poolId != null || st.servers !== 1 || st.replicas !== 1 || node.serviceTime.dist !== 'exponential' || callsMs[t] !== 0) return null;
    if (e.networkMs !== sync[0].networkMs) return null;
    if (ref && !(same(st.rho, ref.rho) && same(st.moments.meanMs, ref.moments.meanMs))) return null;
    ref ??= st;
    seen.add(t);
  }
  const first = routing.index.get(sync[0].target)!;
  return ref ? { rho: ref.rho, r1Ms: timeInNodeMs[first], networkMs: sync[0].networkMs } : null;
}
