/**
 * The analytic (queueing-theory) model beside every simulation: per-node
 * arrival rates from the routing, utilisation, M/G/c waits, fork–join
 * response of parallel calls, the end-to-end mean and the saturation rate.
 * Where a feature in use has no closed form here, the figures it affects
 * are null and `notCovered` says why. See docs/model.md, "Analytic model".
 */
import { largestShare, notes } from './analytic/notes';
import { responseTimes } from './analytic/response';
import { holdsDuringCalls, route } from './analytic/routing';
import { buildStations } from './analytic/stations';
import { meanBatchMs } from './batchCost';
import { llmAnalytic } from './llm/analyticLlm';
import type { AnalyticDesignResult, AnalyticNodeResult } from './results';
import type { Topology } from './schema';

/**
 * Predicts one design at a steady entry rate. Pure and deterministic; about
 * linear in nodes + edges (Erlang C costs O(√(λE[S])) per station).
 *
 * @param doc a validated document (microservices, or the derived monolith with its pool)
 * @param ratePerSec offered load at the entry, req/s (default `doc.workload.ratePerSec`; a profile is ignored)
 * @returns per-node arrival rate (req/s), utilisation (0–1, can exceed 1), mean wait and
 *   time in node (ms, null = not covered), the end-to-end mean (ms), the saturation rate
 *   (req/s at which the busiest station reaches ρ = 1) and the bottleneck node's id.
 */
export function analyze(doc: Topology, ratePerSec: number = doc.workload.ratePerSec): AnalyticDesignResult {
  const notCovered: string[] = [];
  const routing = route(doc);
  const { visits, index } = routing;
  const { stations, stationOf, moments } = buildStations(doc, routing, ratePerSec);
  const active = (i: number) => visits[i] > 0;
  const meanMs = moments.map((m) => m.meanMs);

  if (!routing.acyclic) notCovered.push(notes.cycle());
  const w = doc.workload;
  if (w.profile != null) notCovered.push(notes.profile(ratePerSec));
  if (w.arrival === 'bursty') notCovered.push(notes.bursty(doc));
  if (w.arrival === 'constant') notCovered.push(notes.constant());

  // Which stations' waits the formulas cover.
  const waitCovered = stations.map((st) => st.waitMs !== null && st.waitCovered && w.arrival !== 'bursty' && routing.acyclic);
  for (const st of stations) {
    if (!st.waitCovered && st.waitMs !== null) notCovered.push(notes.balancer(doc, st));
    if (st.unit !== null && st.replicas > 1) {
      notCovered.push(notes.unit(doc, st));
      waitCovered[stations.indexOf(st)] = false;
    }
  }
  doc.nodes.forEach((node, i) => {
    if (!active(i)) return;
    const s = stationOf[i];
    // A batch of at most 1 is no batching at all.
    const batches = node.batching != null && node.batching.maxBatch > 1;
    const holds = holdsDuringCalls(doc, routing, i);
    if (holds) notCovered.push(notes.hold(node));
    if (batches) notCovered.push(notes.batching(node));
    if (node.batching?.triton) notCovered.push(notes.triton(node));
    if (node.queueCapacity != null) notCovered.push(notes.bounded(node));
    if (holds || batches || node.batching?.triton || node.kind === 'llm-server' || node.queueCapacity != null || routing.loadUncertain[i]) {
      waitCovered[s] = false;
    }
    for (const e of routing.out[i]) {
      if (e.mode === 'sync' && e.timeoutMs != null && e.probability > 0) notCovered.push(notes.timeout(e));
    }
  });
  const saturated = stations.filter((st) => st.waitMs === null);
  for (const st of saturated) notCovered.push(notes.saturated(doc, st, ratePerSec));

  const timeInNodeMs = new Float64Array(doc.nodes.length).fill(Number.NaN);
  doc.nodes.forEach((_, i) => {
    const s = stationOf[i];
    if (s >= 0 && waitCovered[s]) timeInNodeMs[i] = stations[s].waitMs! + meanMs[i];
  });
  const { responseMs, callsMs } = responseTimes({ doc, routing, stations, stationOf, timeInNodeMs });

  const nodes = doc.nodes.map((node, i): AnalyticNodeResult => {
    const s = stationOf[i];
    const rate = ratePerSec * visits[i];
    if (s < 0 || !active(i)) {
      return { id: node.id, arrivalRatePerSec: 0, utilization: 0, meanWaitMs: 0, meanTimeInNodeMs: 0 };
    }
    // A held worker stays busy for the calls too: count their expected time where it is known.
    const held = holdsDuringCalls(doc, routing, i) && Number.isFinite(callsMs[i]) ? callsMs[i] : 0;
    const covered = waitCovered[s];
    const servers = stations[s].servers * stations[s].replicas;
    let utilization = (rate * (meanMs[i] + held)) / 1000 / servers;
    const b = node.batching;
    if (b != null && b.maxBatch > 1) {
      // Batches of one while one-at-a-time service keeps up (busy share ≤ 1); beyond that the servers stay
      // busy and batches grow, up to full batches at the saturation rate (meanMs[i] is T(b)/b there).
      const single = (rate * meanBatchMs(b, node.serviceTime, 1)) / 1000 / servers;
      utilization = Math.max(Math.min(single, 1), utilization);
    }
    return {
      id: node.id,
      arrivalRatePerSec: rate,
      utilization,
      meanWaitMs: covered ? stations[s].waitMs : null,
      meanTimeInNodeMs: covered ? timeInNodeMs[i] : null,
    };
  });

  // Saturation: ρ is linear in the entry rate, so it reaches 1 at 1 / max(ρ per req/s).
  let busiest = -1;
  stations.forEach((st, s) => {
    if (busiest < 0 || st.rhoPerRate > stations[busiest].rhoPerRate) busiest = s;
  });
  const top = busiest >= 0 ? stations[busiest] : null;
  const saturationRatePerSec = top && top.rhoPerRate > 0 ? 1 / top.rhoPerRate : null;
  if (top && saturationRatePerSec === null) notCovered.push(notes.noWork());
  const heldIds = doc.nodes.filter((_, i) => active(i) && holdsDuringCalls(doc, routing, i)).map((n) => n.id);
  if (heldIds.length > 0 && saturationRatePerSec !== null) notCovered.push(notes.holdSaturation(heldIds));
  const bottleneckNode = top && saturationRatePerSec !== null ? largestShare(top, visits, meanMs) : -1;

  const entry = index.get(doc.workload.entry);
  const end = entry === undefined ? Number.NaN : responseMs[entry];
  const result: AnalyticDesignResult = {
    // Any saturated station (even one only fed asynchronously) means no steady state for the design.
    meanMs: Number.isFinite(end) && saturated.length === 0 ? end : null,
    saturationRatePerSec,
    bottleneck: bottleneckNode >= 0 ? doc.nodes[bottleneckNode].id : null,
    bottleneckPool: bottleneckNode >= 0 ? top!.poolId : null,
    nodes,
    notCovered: [...new Set(notCovered)],
  };
  return doc.nodes.some((n) => n.kind === 'llm-server') ? withLlm(doc, result, visits, ratePerSec) : result;
}

/** The llm-servers' part (llm/analyticLlm.ts): guidance, utilisation against their ceilings, and the saturation rate they set. */
function withLlm(doc: Topology, r: AnalyticDesignResult, visits: ArrayLike<number>, ratePerSec: number): AnalyticDesignResult {
  const a = llmAnalytic(doc, visits, ratePerSec);
  const nodes = r.nodes.map((n) => (a.util.has(n.id) ? { ...n, utilization: a.util.get(n.id)!, meanWaitMs: null, meanTimeInNodeMs: null } : n));
  const llmFirst = a.bottleneck !== null && (r.saturationRatePerSec === null || a.saturationRatePerSec < r.saturationRatePerSec);
  return {
    ...r,
    meanMs: null,
    nodes,
    saturationRatePerSec: llmFirst ? a.saturationRatePerSec : r.saturationRatePerSec,
    bottleneck: llmFirst ? a.bottleneck : r.bottleneck,
    bottleneckPool: llmFirst ? null : r.bottleneckPool,
    notCovered: [...new Set([...r.notCovered, ...a.notCovered, ...a.guidance.flatMap((g) => g.guidance?.notCovered.map((t) => `Node "${g.id}": ${t}`) ?? [`Node "${g.id}": ${g.problem}`])])],
    llm: a.guidance,
  };
}
