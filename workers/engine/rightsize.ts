/**
 * Right-sizing: for a target rate and the document's SLO, the cheapest
 * configuration of each design that meets the SLO — replicas per node for
 * the microservices, the replica count of the monolith's unit (with the
 * microservices' right-sized infra, which both designs share). Searched
 * with the analytic model, then confirmed by simulation (one replica more
 * where the simulation misses). See docs/model.md, "Right-sizing".
 */
import { analyze } from './analytic';
import { meetsSlo, sloValueMs } from './capacity';
import { detLog } from './detmath';
import { replicaPricePerHour } from './hardware';
import { LIMITS } from './limits';
import { deriveMonolithDeployment } from './monolith';
import type { AnalyticDesignResult, DesignResult, RunOptions } from './results';
import { simulateDesign } from './run';
import type { Slo, Topology } from './schema';

/** Highest share of the analytic saturation rate a right-sized design may run at when its mean is not covered. */
export const RIGHTSIZE_MAX_LOAD = 0.85;
/** At most this many simulations confirm one design (each miss adds a replica). */
export const RIGHTSIZE_CONFIRMATIONS = 4;

/**
 * The analytic stand-in for a percentile: ln(1 / (1 − p)) × mean, the
 * quantile of an exponential response time (an M/M/1 sojourn time is
 * exponential); 1 for the mean itself.
 */
export const PERCENTILE_FACTOR: Record<Slo['percentile'], number> = {
  mean: 1,
  p50: detLog(2),
  p90: detLog(10),
  p95: detLog(20),
  p99: detLog(100),
  p999: detLog(1000),
};

/** Whether the analytic prediction at `ratePerSec` meets the SLO (stable, and the percentile estimate within the threshold). */
export function analyticMeets(a: AnalyticDesignResult, ratePerSec: number, slo: Slo): boolean {
  const sat = a.saturationRatePerSec;
  if (sat === null || !(ratePerSec < sat)) return false;
  if (a.meanMs === null) return ratePerSec <= RIGHTSIZE_MAX_LOAD * sat;
  return a.meanMs * PERCENTILE_FACTOR[slo.percentile] <= slo.thresholdMs;
}

/** One design's right size. */
export interface RightSizedDesign {
  /** Replicas per node id (microservices: every node that carries traffic and is not in a pool; monolith: its infra). */
  replicas: Record<string, number>;
  /** Monolith only: replicas of the unit, and its machine type. */
  unitReplicas?: number;
  hardware?: string | null;
  costPerHour: number;
  /** Whether the analytic search found a configuration (false: none within the limits). */
  found: boolean;
  /** The analytic mean at that configuration, ms (null = not covered). */
  analyticMeanMs: number | null;
  /** The simulated SLO figure (ms) and whether the simulation met the SLO. */
  simulatedMs: number | null;
  confirmed: boolean;
  /** Simulations run for this design. */
  simulations: number;
}

export interface RightSizeResult {
  ratePerSec: number;
  slo: Slo;
  microservices: RightSizedDesign;
  monolith: RightSizedDesign;
}

const withReplicas = (doc: Topology, replicas: Record<string, number>): Topology => ({
  ...doc,
  nodes: doc.nodes.map((n) => (replicas[n.id] !== undefined ? { ...n, replicas: replicas[n.id] } : n)),
});

/** Nodes whose replicas the search sets: carrying traffic, not in a pool. */
function sizable(doc: Topology, a: AnalyticDesignResult): string[] {
  const visited = new Set(a.nodes.filter((n) => n.arrivalRatePerSec > 0).map((n) => n.id));
  return doc.nodes.filter((n) => n.role !== 'offline' && n.pool === null && visited.has(n.id)).map((n) => n.id);
}

/**
 * The cheapest replicas per node that the analytic model says meet the SLO
 * at `ratePerSec`: every node starts at one replica; the bottleneck gets
 * replicas while the design is not stable enough; then the replica that
 * lowers the mean most per dollar, until the percentile estimate is met;
 * then each node gives back replicas it does not need.
 */
export function analyticMicroSize(doc: Topology, ratePerSec: number): { replicas: Record<string, number>; found: boolean } {
  const ids = sizable(doc, analyze(doc, ratePerSec));
  const replicas: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 1]));
  const price = new Map(doc.nodes.map((n) => [n.id, Math.max(1e-9, replicaPricePerHour(doc, n))]));
  const concurrency = new Map(doc.nodes.map((n) => [n.id, n.concurrency]));
  const at = () => analyze(withReplicas(doc, replicas), ratePerSec);
  const fits = (id: string) => (replicas[id] + 1) * concurrency.get(id)! <= LIMITS.maxServers && replicas[id] < LIMITS.maxReplicas;
  let a = at();
  for (let step = 0; !analyticMeets(a, ratePerSec, doc.slo); step++) {
    if (step > 5000) return { replicas, found: false };
    const unstable = a.saturationRatePerSec === null || !(ratePerSec < a.saturationRatePerSec) || a.meanMs === null;
    let pick: string | null = null;
    if (unstable) pick = a.bottleneck !== null && replicas[a.bottleneck] !== undefined && fits(a.bottleneck) ? a.bottleneck : null;
    else {
      let best = 0;
      for (const id of ids) {
        if (!fits(id)) continue;
        replicas[id]++;
        const m = at().meanMs;
        replicas[id]--;
        const gain = m === null ? 0 : (a.meanMs! - m) / price.get(id)!;
        if (gain > best) [best, pick] = [gain, id];
      }
    }
    if (pick === null) return { replicas, found: false };
    replicas[pick]++;
    a = at();
  }
  const meets = () => analyticMeets(at(), ratePerSec, doc.slo);
  // Local search: give back a replica, and buy cheaper ones elsewhere (best gain per dollar) while that costs less.
  for (let improved = true, rounds = 0; improved && rounds < 100; rounds++) {
    improved = false;
    for (const id of [...ids].sort((x, y) => price.get(y)! - price.get(x)!)) {
      if (replicas[id] <= 1) continue;
      const before = { ...replicas };
      replicas[id]--;
      let spent = 0;
      while (!meets() && spent < price.get(id)!) {
        const base = at();
        let best = -1;
        let pick: string | null = null;
        for (const other of ids) {
          if (other === id || !fits(other)) continue;
          replicas[other]++;
          const m = at();
          replicas[other]--;
          const gain = (m.saturationRatePerSec ?? 0) > (base.saturationRatePerSec ?? 0) && (base.meanMs === null || m.meanMs === null) ? 1e9 : base.meanMs !== null && m.meanMs !== null ? (base.meanMs - m.meanMs) / price.get(other)! : 0;
          if (gain > best) [best, pick] = [gain, other];
        }
        if (pick === null || best <= 0) break;
        replicas[pick]++;
        spent += price.get(pick)!;
      }
      if (meets() && spent < price.get(id)! - 1e-12) improved = true;
      else Object.assign(replicas, before);
    }
  }
  return { replicas, found: true };
}

/** The monolith of `doc` with `unitReplicas` replicas of its unit (its machine kept). */
function monolithWith(doc: Topology, unitReplicas: number, hardware: string | null): Topology {
  return { ...doc, monolith: { ...doc.monolith, sizing: 'replicas', replicas: unitReplicas, hardware: hardware ?? doc.monolith.hardware } };
}

/** The fewest monolith replicas the analytic model says meet the SLO (doubling, then bisection), or null. */
export function analyticMonolithSize(doc: Topology, ratePerSec: number, hardware: string | null): number | null {
  const ok = (r: number) => analyticMeets(analyze(deriveMonolithDeployment(monolithWith(doc, r, hardware)).doc, ratePerSec), ratePerSec, doc.slo);
  let hi = 1;
  while (!ok(hi)) {
    if (hi >= LIMITS.maxReplicas) return null;
    hi = Math.min(LIMITS.maxReplicas, hi * 2);
  }
  let lo = Math.floor(hi / 2);
  if (hi === 1) return 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

type Simulate = (doc: Topology) => DesignResult;

function costOf(doc: Topology): number {
  return doc.nodes.reduce((sum, n) => sum + (n.pool !== null ? 0 : n.replicas * replicaPricePerHour(doc, n)), 0) + doc.pools.reduce((s, p) => s + p.costPerHour, 0);
}

/**
 * Right-sizes both designs of `doc` for `ratePerSec` and `doc.slo`:
 * analytic search, then up to {@link RIGHTSIZE_CONFIRMATIONS} simulations
 * per design with `opts` (each miss adds one replica: to the simulated
 * busiest node, or to the monolith's unit).
 */
export function rightSize(doc: Topology, ratePerSec: number, opts: RunOptions = {}): RightSizeResult {
  if (doc.workload.model === 'closed') {
    throw new RangeError('right-sizing searches for a target rate, and this document has a closed workload (its users set the load, not a rate): set workload.model to "open" to right-size it, or sweep its users');
  }
  const run: RunOptions = { ...opts, ratePerSec, profile: null };
  const sim: Simulate = (d) => simulateDesign(d, run);
  const micro = analyticMicroSize(doc, ratePerSec);
  const replicas = { ...micro.replicas };
  let microDoc = withReplicas(doc, replicas);
  let microSim: DesignResult | null = null;
  let microRuns = 0;
  if (micro.found) {
    for (; microRuns < RIGHTSIZE_CONFIRMATIONS; ) {
      microSim = sim(microDoc);
      microRuns++;
      if (meetsSlo(microSim, doc.slo)) break;
      const busiest = [...microSim.nodes].filter((n) => replicas[n.id] !== undefined).sort((x, y) => y.utilization - x.utilization)[0];
      if (!busiest || microRuns === RIGHTSIZE_CONFIRMATIONS) break;
      replicas[busiest.id]++;
      microDoc = withReplicas(doc, replicas);
    }
  }
  const hardware = deriveMonolithDeployment(microDoc).deployment.hardware;
  let unit = analyticMonolithSize(microDoc, ratePerSec, hardware);
  let monoSim: DesignResult | null = null;
  let monoRuns = 0;
  let monoDoc = monolithWith(microDoc, unit ?? 1, hardware);
  if (unit !== null) {
    for (; monoRuns < RIGHTSIZE_CONFIRMATIONS; ) {
      monoSim = sim(deriveMonolithDeployment(monoDoc).doc);
      monoRuns++;
      if (meetsSlo(monoSim, doc.slo) || monoRuns === RIGHTSIZE_CONFIRMATIONS) break;
      unit = Math.min(LIMITS.maxReplicas, unit + 1);
      monoDoc = monolithWith(microDoc, unit, hardware);
    }
  }
  const mono = deriveMonolithDeployment(monoDoc);
  const infra = Object.fromEntries(Object.entries(replicas).filter(([id]) => !mono.deployment.cpuNodes.includes(id) && !mono.deployment.gpuNodes.includes(id) && !mono.deployment.llmNodes.includes(id)));
  const design = (d: Topology, found: boolean, s: DesignResult | null, runs: number): RightSizedDesign => ({
    replicas: {},
    costPerHour: costOf(d),
    found,
    analyticMeanMs: analyze(d, ratePerSec).meanMs,
    simulatedMs: s ? sloValueMs(s, doc.slo) : null,
    confirmed: s !== null && meetsSlo(s, doc.slo),
    simulations: runs,
  });
  return {
    ratePerSec,
    slo: { ...doc.slo },
    microservices: { ...design(microDoc, micro.found, microSim, microRuns), replicas },
    monolith: { ...design(mono.doc, unit !== null, monoSim, monoRuns), replicas: infra, unitReplicas: mono.deployment.replicas, hardware: mono.deployment.hardware },
  };
}
