/**
 * The analytic line of a closed workload (`workload.model: "closed"`): mean-
 * value analysis at N users over the stations the design's requests visit.
 * The stations, visit ratios and service moments are the open model's
 * (routing.ts, stations.ts); each station's service demand is D_k = Σ visits
 * × mean service time of its members; network hops of synchronous calls are
 * a pure delay per request; the users' think time is the delay station Z
 * (MVA's results do not depend on its distribution). See docs/model.md,
 * "Closed workloads: sweeps and MVA".
 */
import type { AnalyticDesignResult, AnalyticNodeResult } from '../results';
import type { Topology } from '../schema';
import { closedNotes } from './closedNotes';
import { type MvaCentre, mvaCentres } from './closedMva';
import { largestShare } from './notes';
import { callFactor, edgeShare, holdsDuringCalls, route } from './routing';
import { serviceMoments } from './serviceMoments';
import { buildStations } from './stations';

/** Mean think time Z (ms) of a closed document (0 when it has none). */
export function meanThinkMs(doc: Topology): number {
  const t = doc.workload.thinkTime;
  return t === undefined ? 0 : serviceMoments(t).meanMs;
}

/** Network delay per request (ms): Σ over synchronous edges of the visits that take them × count × networkMs. */
function networkDelayMs(doc: Topology, routing: ReturnType<typeof route>): number {
  let sum = 0;
  for (const i of routing.order) {
    const perVisit = routing.visits[i] * callFactor(doc, i);
    if (perVisit === 0) continue;
    for (const e of routing.out[i]) if (e.mode === 'sync') sum += perVisit * edgeShare(doc, routing.out[i], i, e) * e.count * e.networkMs;
  }
  return sum;
}

/**
 * Predicts one design under its closed workload at `users` users (default
 * `workload.users`). Figures MVA does not cover are null (an llm-server, a
 * node holding its worker during calls, timeouts, bounded queues, a cycle);
 * where MVA is only an approximation (multi-server stations, non-exponential
 * service, parallel calls, asynchronous messages, batching, per-replica
 * queues) the figures are given and `notCovered` says so.
 */
export function analyzeClosed(doc: Topology, users: number = doc.workload.users ?? 1): AnalyticDesignResult {
  const routing = route(doc);
  const { visits } = routing;
  const { stations, stationOf, moments } = buildStations(doc, routing, 0);
  const meanMs = moments.map((m) => m.meanMs);
  const thinkMs = meanThinkMs(doc);
  const delayMs = networkDelayMs(doc, routing);
  const notes: string[] = [];
  let covered = routing.acyclic;
  let exact = true;
  if (!routing.acyclic) notes.push(closedNotes.cycle());

  const centres: MvaCentre[] = stations.map((st) => ({ demandMs: st.rhoPerRate * 1000 * st.servers * st.replicas, servers: st.servers, copies: st.replicas }));
  stations.forEach((st) => {
    if (st.rhoPerRate === 0) return;
    if (st.servers > 1) {
      notes.push(closedNotes.multiServer(doc, st));
      exact = false;
    }
    if (st.replicas > 1) {
      notes.push(closedNotes.replicas(doc, st));
      exact = false;
    }
  });
  doc.nodes.forEach((node, i) => {
    if (visits[i] === 0 || node.role === 'offline') return;
    const m = moments[i];
    if (meanMs[i] > 0 && node.serviceTime.dist !== 'exponential') {
      notes.push(closedNotes.nonExponential(node, m.scv));
      exact = false;
    }
    if (node.batching != null && node.batching.maxBatch > 1) notes.push(closedNotes.batching(node));
    if (node.kind === 'llm-server') {
      notes.push(closedNotes.llm(node));
      covered = false;
    }
    if (holdsDuringCalls(doc, routing, i)) {
      notes.push(closedNotes.hold(node));
      covered = false;
    }
    if (node.queueCapacity != null) {
      notes.push(closedNotes.bounded(node));
      covered = false;
    }
    const out = routing.out[i].filter((e) => e.probability > 0);
    const sync = out.filter((e) => e.mode === 'sync');
    if (sync.some((e) => e.timeoutMs != null)) {
      notes.push(closedNotes.timeout(node));
      covered = false;
    }
    const forks = node.routing !== 'one' && node.callMode === 'parallel' && sync.reduce((k, e) => k + e.count, 0) > 1;
    if (forks) {
      notes.push(closedNotes.parallel(node));
      exact = false;
    }
    if (out.some((e) => e.mode !== 'sync')) {
      notes.push(closedNotes.async(node));
      exact = false;
    }
  });

  const sol = mvaCentres(Math.max(1, Math.round(users)), centres, delayMs, thinkMs);
  const x = sol.throughputPerMs;
  const totalDemandMs = delayMs + centres.reduce((a, c) => a + c.demandMs, 0);
  let busiest = -1;
  let maxDemandMs = 0;
  centres.forEach((c, k) => {
    const perServer = c.demandMs / (c.servers * c.copies);
    if (perServer > maxDemandMs) [busiest, maxDemandMs] = [k, perServer];
  });
  if (!covered) exact = false;

  const nodes = doc.nodes.map((node, i): AnalyticNodeResult => {
    const s = stationOf[i];
    if (s < 0 || visits[i] === 0) return { id: node.id, arrivalRatePerSec: 0, utilization: 0, meanWaitMs: 0, meanTimeInNodeMs: 0 };
    const st = stations[s];
    let visitSum = 0;
    for (const j of st.members) visitSum += visits[j];
    // Wait per visit: the station's residence beyond its demand, shared over its visits.
    const waitMs = visitSum > 0 ? Math.max(0, sol.residenceMs[s] - centres[s].demandMs) / visitSum : 0;
    return {
      id: node.id,
      arrivalRatePerSec: x * 1000 * visits[i],
      utilization: (x * visits[i] * meanMs[i]) / (st.servers * st.replicas),
      meanWaitMs: covered ? waitMs : null,
      meanTimeInNodeMs: covered ? waitMs + meanMs[i] : null,
    };
  });
  const bottleneckNode = busiest >= 0 ? largestShare(stations[busiest], visits, meanMs) : -1;
  return {
    meanMs: covered ? sol.responseMs : null,
    saturationRatePerSec: maxDemandMs > 0 ? 1000 / maxDemandMs : null,
    bottleneck: bottleneckNode >= 0 ? doc.nodes[bottleneckNode].id : null,
    bottleneckPool: bottleneckNode >= 0 ? stations[busiest].poolId : null,
    nodes,
    notCovered: [...new Set(notes)],
    closed: {
      users,
      thinkMs,
      throughputPerSec: covered ? x * 1000 : null,
      responseMs: covered ? sol.responseMs : null,
      totalDemandMs,
      maxDemandMs,
      exact,
    },
  };
}
