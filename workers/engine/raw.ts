/**
 * The raw, mergeable output of one simulated replication of one design:
 * counters, sums and histograms in typed arrays (transferable between
 * workers, merged by addition). Field offsets are the constants below.
 */

import { mergeLlmBlocks } from './llm/llmMetrics';

/** Offsets into {@link DesignRaw.totals}. Counts cover requests that arrived after the warm-up. */
export const T_ARRIVALS = 0;
export const T_COMPLETED = 1;
export const T_ERRORS = 2;
/** Requests refused at the entry (full queue or safety cap). */
export const T_DROPPED = 3;
/** Call attempts that timed out after the warm-up. */
export const T_TIMEOUTS = 4;
/** Requests still in flight when the run ended. */
export const T_IN_FLIGHT = 5;
/** Sum and max of successful end-to-end latencies, ms. */
export const T_LAT_SUM = 6;
export const T_LAT_MAX = 7;
/** Arrivals, messages and calls refused because the safety cap on visits in flight was reached. */
export const T_CAP_DROPS = 8;
/** 1 when saturated (cap reached or a station at utilisation ≥ 0.99 with a growing queue). */
export const T_SATURATED = 9;
/** Index of the saturated node, -1 if none. */
export const T_SAT_NODE = 10;
/** Length of the measured interval (duration − warm-up), ms; sums over merged replications. */
export const T_MEASURED_MS = 11;
/** Events processed and node visits started (whole run, warm-up included): for benchmarks. */
export const T_EVENTS = 12;
export const T_VISITS = 13;
/** Sum of squared successful latencies (ms²), for the per-replication variance. */
export const T_LAT_SUM_SQ = 14;
/** Replications cut short by the work budget (events and arrival-process steps, see SimBudget), and by the wall-clock deadline. */
export const T_CUT_BUDGET = 15;
export const T_CUT_DEADLINE = 16;
/** Simulated time reached (ms; the duration unless cut short); sums over merged replications. */
export const T_SIMULATED_MS = 17;
export const TOTALS_FIELDS = 18;

/** Offsets into {@link DesignRaw.nodeStats} (per node, after the warm-up). */
export const N_VISITS = 0;
export const N_DROPPED = 1;
/** Visits whose service finished (their wait and time in node are in the sums). */
export const N_SERVED = 2;
export const N_WAIT_SUM = 3;
export const N_TIN_SUM = 4;
/** ∫ busy servers dt of this node's work (ms), and ∫ waiting requests dt (ms). */
export const N_BUSY_AREA = 5;
export const N_QUEUE_AREA = 6;
export const NODE_FIELDS = 7;

/** Offsets into {@link DesignRaw.series} (per window; whole run, warm-up included). */
export const S_ARRIVALS = 0;
export const S_COMPLETED = 1;
export const S_ERRORS = 2;
/** ∫ requests waiting in all queues dt over the window (ms). */
export const S_QUEUE_AREA = 3;
export const SERIES_FIELDS = 4;

/** Sub-buckets per octave of the per-window latency histograms (coarse: ~3% bucket width). */
export const SERIES_SUB_BUCKETS = 16;

/** Raw data of one design in one (or several merged) replication(s). */
export interface DesignRaw {
  totals: Float64Array;
  /** End-to-end latency histogram of successful requests (FINE_SUB_BUCKETS per octave). */
  latency: Float64Array;
  nodeStats: Float64Array;
  /** Per-node time-in-node histograms, `nodeSubBuckets` per octave, node-major. */
  nodeHist: Uint32Array;
  nodeSubBuckets: number;
  windowMs: number;
  series: Float64Array;
  /** Per-window latency histograms (SERIES_SUB_BUCKETS per octave), window-major. */
  seriesHist: Uint32Array;
  /**
   * ∫ busy servers dt (ms, after the warm-up) of each node on each replica, for nodes
   * whose replicas are balanced (own queue per replica); slot = nodeReplicaBase[i] + replica.
   */
  replicaBusy: Float64Array;
  /**
   * Present only when the design has llm-server nodes: one LLM metrics block (llm/llmMetrics.ts,
   * LLM_BLOCK long) per llm-server node in document order, then one for the whole design.
   */
  llm?: Float64Array;
  /**
   * Autoscaled groups (empty without autoscaling): per autoscaled group, in
   * compiled order, ELASTIC_FIELDS totals then per-window billed
   * replica-seconds, ready replica-seconds and starting (cold-start)
   * replica-seconds (see autoscale/elasticResults.ts, elasticOffset).
   */
  elastic: Float64Array;
  /** Present only for a design with scenario events: the fault statistics (resilience/faultRaw.ts). */
  fault?: Float64Array;
  /** Present only for a design with circuit breakers: per breaker (resilience/patternResults.ts) the times it opened and the attempts it refused, whole run. */
  breakers?: Float64Array;
  /** Present only for a design with retry budgets: per budget (resilience/patternBudget.ts) the retries it allowed and refused, whole run. */
  retryBudgets?: Float64Array;
}

/** Offsets of one autoscaled group's totals in {@link DesignRaw.elastic}. */
export const E_COLD_STARTS = 0;
/** Billed replica-seconds after the warm-up. */
export const E_REPLICA_SEC = 1;
/** Fewest and most replicas wanted (ready or starting) at once (merged by adding, averaged over replications in results). */
export const E_MIN_REPLICAS = 2;
export const E_MAX_REPLICAS = 3;
/** Ready replica-seconds after the warm-up (for the node's utilisation). */
export const E_READY_SEC = 4;
export const ELASTIC_FIELDS = 5;

/** One replication of both designs: the unit a worker computes and sends back. */
export interface ReplicationResult {
  replication: number;
  seed: number;
  microservices: DesignRaw;
  monolith: DesignRaw;
}

/** Adds `b` into `a` (same document and options): counts add, maxima take the max. */
export function mergeDesignRaw(a: DesignRaw, b: DesignRaw): void {
  const at = a.totals;
  const bt = b.totals;
  const max = Math.max(at[T_LAT_MAX], bt[T_LAT_MAX]);
  const node = at[T_SATURATED] > 0 ? at[T_SAT_NODE] : bt[T_SATURATED] > 0 ? bt[T_SAT_NODE] : -1;
  const saturated = at[T_SATURATED] > 0 || bt[T_SATURATED] > 0 ? 1 : 0;
  for (let i = 0; i < TOTALS_FIELDS; i++) at[i] += bt[i];
  at[T_LAT_MAX] = max;
  at[T_SATURATED] = saturated;
  at[T_SAT_NODE] = node;
  addInto(a.latency, b.latency);
  addInto(a.nodeStats, b.nodeStats);
  addInto(a.nodeHist, b.nodeHist);
  addInto(a.series, b.series);
  addInto(a.seriesHist, b.seriesHist);
  addInto(a.replicaBusy, b.replicaBusy);
  if (a.llm && b.llm) mergeLlmBlocks(a.llm, b.llm);
  addInto(a.elastic, b.elastic);
  if (a.fault && b.fault) addInto(a.fault, b.fault);
  if (a.breakers && b.breakers) addInto(a.breakers, b.breakers);
  if (a.retryBudgets && b.retryBudgets) addInto(a.retryBudgets, b.retryBudgets);
}

function addInto(a: Float64Array | Uint32Array, b: Float64Array | Uint32Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

/** A deep copy (merging then never mutates a worker's result). */
export function cloneDesignRaw(r: DesignRaw): DesignRaw {
  return {
    ...r,
    totals: r.totals.slice(),
    latency: r.latency.slice(),
    nodeStats: r.nodeStats.slice(),
    nodeHist: r.nodeHist.slice(),
    series: r.series.slice(),
    seriesHist: r.seriesHist.slice(),
    replicaBusy: r.replicaBusy.slice(),
    ...(r.llm ? { llm: r.llm.slice() } : {}),
    elastic: r.elastic.slice(),
    ...(r.fault ? { fault: r.fault.slice() } : {}),
    ...(r.breakers ? { breakers: r.breakers.slice() } : {}),
    ...(r.retryBudgets ? { retryBudgets: r.retryBudgets.slice() } : {}),
  };
}

/** The typed-array buffers of one design's raw result (the elastic, LLM, fault, breaker and retry-budget blocks included when present), to move between threads. */
export function rawBuffers(d: DesignRaw): ArrayBuffer[] {
  const arrays = [d.totals, d.latency, d.nodeStats, d.nodeHist, d.series, d.seriesHist, d.replicaBusy, d.elastic];
  if (d.llm) arrays.push(d.llm);
  if (d.fault) arrays.push(d.fault);
  if (d.breakers) arrays.push(d.breakers);
  if (d.retryBudgets) arrays.push(d.retryBudgets);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
