/**
 * A standalone harness: drives one autoscaler (HPA or KPA) with a replica
 * set and cold starts from a synthetic offered load, second by second, as a
 * fluid model (no engine): each ready replica serves `capacityPerSec`
 * requests per second, the excess waits in a backlog shared by the ready
 * replicas, and at zero replicas requests wait for the activator. It shows a
 * controller's trajectory on its own (tests, docs) and is the shape of the
 * simulator's calls: sync/tick on a timer, ready events, scaleTo.
 */
import { ReplicaMeter } from './cost';
import { HpaController } from './hpa';
import { KpaController } from './kpa';
import { R_PROVISIONING, ReplicaSet } from './replicaSet';
import type { Autoscale } from './schema';

/** What to drive. */
export interface HarnessSpec {
  autoscale: Autoscale;
  /** Offered load at second t, requests per second. */
  loadPerSec: ArrayLike<number>;
  /** Requests per second one ready replica completes. */
  capacityPerSec: number;
  /** Mean service time, seconds (for the concurrency metric: in service = throughput × service time). */
  serviceSec: number;
  initialReplicas: number;
  coldStart: { nextMs(): number };
}

/** Per-second trajectory. */
export interface HarnessResult {
  /** Replicas wanted (ready + starting) at the end of each second. */
  replicas: Int32Array;
  ready: Int32Array;
  coldStarts: number;
  replicaSeconds: number;
  /** Wait of the first request that arrived at zero replicas (ms from its arrival to a ready replica); NaN if none. */
  firstWaitAtZeroMs: number;
}

/** Runs the harness for `loadPerSec.length` seconds. Deterministic. */
export function runHarness(h: HarnessSpec): HarnessResult {
  const a = h.autoscale;
  const n = h.loadPerSec.length;
  const meter = new ReplicaMeter(1000, n);
  const rs = new ReplicaSet(a.maxReplicas + 1, h.initialReplicas, meter);
  const hpa = a.policy === 'hpa' ? new HpaController(a) : null;
  const kpa = a.policy === 'kpa' ? new KpaController(a, h.initialReplicas) : null;
  const syncSec = a.policy === 'hpa' ? a.syncPeriodSec : a.tickIntervalSec;
  const out: HarnessResult = { replicas: new Int32Array(n), ready: new Int32Array(n), coldStarts: 0, replicaSeconds: 0, firstWaitAtZeroMs: Number.NaN };
  let backlog = 0;
  let zeroArrivalMs = Number.NaN;
  for (let s = 0; s < n; s++) {
    const nowMs = s * 1000;
    for (let i = 0; rs.provisioning > 0 && i < rs.capacity; i++)
      if (rs.state[i] === R_PROVISIONING && rs.readyAtMs[i] <= nowMs && rs.markReady(i, rs.token[i], rs.readyAtMs[i]) && !Number.isNaN(zeroArrivalMs)) {
        if (Number.isNaN(out.firstWaitAtZeroMs)) out.firstWaitAtZeroMs = rs.readyAtMs[i] - zeroArrivalMs;
        zeroArrivalMs = Number.NaN;
      }
    const load = h.loadPerSec[s];
    const served = Math.min(load + backlog, rs.ready * h.capacityPerSec);
    backlog += load - served;
    const inSystem = served * h.serviceSec + backlog;
    if (kpa) {
      const value = a.metric === 'rps' ? load : inSystem;
      if (rs.current === 0 && load > 0) {
        // A request at zero: the activator holds it and pokes the autoscaler.
        if (Number.isNaN(zeroArrivalMs)) zeroArrivalMs = nowMs;
        rs.scaleTo(kpa.poke(nowMs, value, 0, 0), nowMs, h.coldStart);
      } else kpa.recordSecond(s, value);
    }
    if (s % syncSec === 0) {
      if (hpa) {
        const perReplica = rs.ready > 0 ? metricPerReplica(a.metric, load, served, inSystem, backlog, rs.ready, h.capacityPerSec) : 0;
        rs.scaleTo(hpa.sync(nowMs, { currentReplicas: rs.current, ready: rs.ready, notReady: rs.provisioning, metricSum: perReplica * rs.ready }), nowMs, h.coldStart);
      } else if (kpa) rs.scaleTo(kpa.tick(nowMs, rs.ready, rs.current), nowMs, h.coldStart);
    }
    out.replicas[s] = rs.current;
    out.ready[s] = rs.ready;
  }
  meter.finish(n * 1000);
  out.coldStarts = rs.coldStarts;
  out.replicaSeconds = meter.replicaSeconds;
  return out;
}

/** The HPA's metric for one ready replica in the fluid model. */
function metricPerReplica(metric: Autoscale['metric'], load: number, served: number, inSystem: number, backlog: number, ready: number, capacity: number): number {
  switch (metric) {
    case 'utilization':
      return Math.min(1, served / (ready * capacity));
    case 'rps':
      return load / ready;
    case 'concurrency':
      return inSystem / ready;
    default:
      // Queue delay, ms: the backlog ahead of a new request, drained at the ready replicas' rate.
      return (backlog / (ready * capacity)) * 1000;
  }
}
