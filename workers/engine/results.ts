/**
 * The shapes a run returns: the contract between the engine, the worker
 * pool, the charts, the reports and the CLI. Times in ms, rates per second.
 * Large series travel as typed arrays (transferable), never as arrays of
 * per-request objects.
 */
import type { LlmGuidance } from './llm/analytic';
import type { LlmMetricsResult } from './llm/llmMetrics';
import type { MonolithDeployment } from './monolith';

export type { LatencySummary, LlmMetricsResult } from './llm/llmMetrics';

/** One llm-server node's LLM figures (see {@link LlmMetricsResult}). */
export interface LlmNodeResult extends LlmMetricsResult {
  id: string;
}

/** The analytic guidance of one llm-server node, per replica; null guidance when it cannot be computed (`problem` says why). */
export interface LlmNodeGuidanceResult {
  id: string;
  replicas: number;
  /** Mean input and output tokens of the requests reaching the node (an edge override, else the workload's). */
  meanInTokens: number;
  meanOutTokens: number;
  guidance: LlmGuidance | null;
  problem: string | null;
}

/** What to run: every field overrides the document's own workload/run settings. */
export interface RunOptions {
  ratePerSec?: number;
  durationSec?: number;
  warmupSec?: number;
  seed?: number;
  replications?: number;
  /** A load profile for a single run; null = constant `ratePerSec`. */
  profile?: { atSec: number; ratePerSec: number }[] | null;
  /** Width of a time-series interval, seconds (default: the engine picks about 60 windows). */
  windowSec?: number;
  /** Work budget of one replication of one design: events plus arrival steps (default and most: LIMITS.maxEventsPerReplication). */
  maxEventsPerReplication?: number;
  /** Closed workloads only: the number of users at this point (default `workload.users`); a closed sweep varies it. */
  users?: number;
}

/**
 * Why and where a run stopped before its end. Present only on a run that
 * was cut short; its figures then cover the simulated time only.
 */
export interface CutShort {
  /** `work-budget`: a replication reached maxEventsPerReplication; `deadline`: the caller's wall-clock deadline passed. */
  reason: 'work-budget' | 'deadline';
  /** Replications (of either design) that stopped early, and those never started (deadline). */
  replicationsCut: number;
  replicationsSkipped: number;
  /** Shortest simulated time reached by a replication, seconds (of `durationSec`). */
  simulatedSec: number;
  durationSec: number;
  /** The same in one sentence, for the studio and the CLI. */
  message: string;
}

/** Half-widths of 95% confidence intervals, present when replications > 1. */
export type Ci95 = Partial<Record<'throughputPerSec' | 'meanMs' | 'p50Ms' | 'p90Ms' | 'p95Ms' | 'p99Ms' | 'p999Ms', number>>;

/** End-to-end statistics of completed requests (warm-up excluded). */
export interface EndToEndResult {
  completed: number;
  throughputPerSec: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  /** Requests that finished with a failed call (timeout after retries, or a drop downstream). */
  errors: number;
  /** Call attempts that timed out (a request may have several). */
  timeouts: number;
  /** Requests or messages refused by a full queue. */
  dropped: number;
  /** Requests that arrived after the warm-up: arrivals = completed + errors + dropped + inFlight. */
  arrivals: number;
  /** Requests still in flight when the run ended. */
  inFlight: number;
  ci95?: Ci95;
  /**
   * Scenario and resilience-pattern runs only: requests whose last failed attempt was refused by admission
   * control (not counted in `errors`); arrivals = completed + errors + dropped + rejected + inFlight.
   */
  rejected?: number;
  /**
   * Scenario runs only: requests that did not complete, by the cause of their last failed attempt
   * (keys of resilience/failureCauses.ts, every key present): `error`, `crash`, `outage`, `partition`,
   * `timeout`, `dropped` (a full queue or the safety cap, at the entry or downstream), `rejected`, `breakerOpen`.
   * Their sum is errors + dropped + rejected.
   */
  errorsByCause?: Record<string, number>;
}

/** Per-node statistics (per pool member for pooled nodes). */
export interface NodeResult {
  id: string;
  arrivalRatePerSec: number;
  /** Busy servers / servers, time-averaged; for a pooled node, its share of the pool. */
  utilization: number;
  /**
   * Lowest and highest utilisation of one replica (busy servers / that replica's servers,
   * time-averaged) when each replica has its own queue (balancer other than `pooled`);
   * for a pooled node both equal `utilization`.
   */
  utilizationMin: number;
  utilizationMax: number;
  meanQueueLength: number;
  meanWaitMs: number;
  meanTimeInNodeMs: number;
  p99TimeInNodeMs: number;
  dropped: number;
  /** Autoscaled nodes only (`autoscale` set): replicas over time, per result interval. */
  timeSeries?: NodeTimeSeriesResult;
  /** Autoscaled nodes only: cold starts, replica-hours and cost of this node. */
  elasticity?: NodeElasticityResult;
  /** Scenario runs only: this node per result interval (windows as in {@link TimeSeriesResult}). */
  faultSeries?: NodeFaultSeriesResult;
}

/** Per-interval series of one node in a run with a fault scenario, averaged over replications. */
export interface NodeFaultSeriesResult {
  /** Busy servers / the node's configured servers (all replicas), time-averaged over the interval. */
  utilization: Float64Array;
  /** Requests waiting at the node, time-averaged over the interval. */
  queueLength: Float64Array;
  /** Requests at the node, in service (a worker held during the node's calls included) or waiting: busy servers + queueLength, time-averaged over the interval. */
  inFlight: Float64Array;
  /** Visits to the node that failed there in the interval: a fault (error, crash, outage), a partitioned edge into it, or a full queue. */
  errors: Float64Array;
}

/** Per-interval series of one autoscaled node (windows as in {@link TimeSeriesResult}). */
export interface NodeTimeSeriesResult {
  /** Mean replicas billed in each interval (starting, ready or draining), averaged over replications. */
  replicas: Float64Array;
  /** Mean ready replicas (taking new requests) in each interval. */
  readyReplicas: Float64Array;
  /** Mean replicas in their cold start (billed, taking no traffic yet) in each interval. */
  startingReplicas: Float64Array;
  /** Mean draining replicas (removed, finishing the requests they hold) in each interval: replicas − ready − starting. */
  drainingReplicas: Float64Array;
}

/** The monolith's autoscaled unit on its own (its remote infra nodes not included), averaged over replications. */
export interface ElasticUnitResult {
  timeSeries: NodeTimeSeriesResult;
  elasticity: NodeElasticityResult;
}

/** One autoscaled node's totals over the measured interval (after the warm-up), averaged over replications. */
export interface NodeElasticityResult {
  /** Replicas started (each waited a cold start). */
  coldStarts: number;
  /** Billed replica-hours. */
  replicaHours: number;
  /** US$: replica-hours × the node's price per replica-hour. */
  costTotal: number;
  /** Fewest and most replicas billed at any moment of the run. */
  minReplicas: number;
  maxReplicas: number;
}

/** Per-interval series of one run, one entry per interval, as typed arrays. */
export interface TimeSeriesResult {
  windowSec: number;
  startSec: Float64Array;
  offeredPerSec: Float64Array;
  throughputPerSec: Float64Array;
  p50Ms: Float64Array;
  p99Ms: Float64Array;
  /** Requests waiting in all queues: the time-average over each interval. */
  queueLength: Float64Array;
  errors: Float64Array;
  /** Mean replicas billed in each interval, every group of the design (autoscaled or fixed, pools included). */
  replicas: Float64Array;
  /** US$ spent in each interval (replica-seconds × price). */
  cost: Float64Array;
  /** US$ per million completed requests in each interval (NaN when none completed). */
  costPerMillionRequests: Float64Array;
  /** Seconds of each interval counted as SLO violation (see DesignResult.sloViolationSec). */
  sloViolationSec: Float64Array;
}

/**
 * A log-linear latency histogram: `counts[i]` requests fell in bucket i;
 * bucket bounds come from `histogramBucketBounds(i)` in the stats module.
 * Mergeable across replications and workers by adding counts.
 */
export interface LatencyHistogramResult {
  subBuckets: number;
  counts: Float64Array;
}

/** One edge's circuit breaker over a run (warm-up included), summed over replications. */
export interface RetryBudgetResult {
  /** The edge's id. */
  edge: string;
  /** The budget's kind: Envoy's concurrency budget or gRPC's retry throttle. */
  kind: 'envoy' | 'grpc-throttle';
  /** Retries the budget allowed (the call had retries left and the budget had room). */
  retriesAllowed: number;
  /** Retries it refused: the call failed at once with the cause of the attempt that failed. */
  retriesRefused: number;
}

export interface BreakerResult {
  /** The edge's id. */
  edge: string;
  /** Times the breaker went to OPEN (from CLOSED or HALF_OPEN). */
  opened: number;
  /** Attempts it refused (OPEN, or HALF_OPEN with no trial call left): nothing was sent for them. */
  refused: number;
}

/** One design's (microservices' or monolith's) simulated result. */
export interface DesignResult {
  endToEnd: EndToEndResult;
  nodes: NodeResult[];
  /** True when a queue hit the safety cap or a node ran at utilisation ≈ 1 with a growing queue. */
  saturated: boolean;
  saturatedNode: string | null;
  costPerHour: number;
  costPerMillionRequests: number;
  /** US$ over the measured interval (after the warm-up): Σ replica-seconds × price, averaged over replications. */
  costTotal: number;
  /** Billed replica-hours over the measured interval (pools: their replicas), averaged over replications. */
  replicaHours: number;
  /**
   * Seconds of the measured interval in windows whose latency at the SLO's
   * percentile (`slo.percentile`, from that interval's histogram) exceeds
   * `slo.thresholdMs`, or that completed nothing while requests arrived.
   */
  sloViolationSec: number;
  /** Replicas started by autoscalers (each a cold start), averaged over replications; 0 without autoscaling. */
  coldStarts: number;
  timeSeries: TimeSeriesResult;
  latencyHistogram: LatencyHistogramResult;
  /** The monolith only: how it is deployed (machine type, replicas, threads and GPUs per replica, whether it fits). */
  deployment?: MonolithDeployment;
  /**
   * Present only when the design has llm-server nodes: every LLM generation that ended in the
   * measured interval (a disaggregated prefill → decode pair counts once, at the decode node).
   */
  llm?: LlmMetricsResult;
  /** Present only when the design has llm-server nodes: the same figures per llm-server node, in document order. */
  llmNodes?: LlmNodeResult[];
  /** The monolith only, and only when `monolith.autoscale` is set: its units' replicas, cold starts and cost (the design's `timeSeries.replicas` also counts the remote infra). */
  unit?: ElasticUnitResult;
  /** Designs with circuit breakers only: each breaker's counts, in edge order. */
  breakers?: BreakerResult[];
  /** Designs with retry budgets only: each budget's counts, in edge order. */
  retryBudgets?: RetryBudgetResult[];
  /** Scenario runs only: completed / arrivals (requests that arrived after the warm-up); NaN when none arrived. */
  availability?: number;
  /** Scenario runs only: requests that arrived after the warm-up and completed within the SLO threshold (`slo.thresholdMs`), per measured second. */
  goodputPerSec?: number;
  /**
   * Scenario runs only: seconds from the end of the last event until the windowed SLO percentile (failed
   * requests counted as infinitely slow) stays within the threshold for RECOVERY_STABLE_WINDOWS (5) windows
   * in a row (the start of that run of windows; 0 if within the SLO at once); null = did not recover.
   */
  recoverySec?: number | null;
  /** Scenario runs only: false when the run ended without recovering (the metastable case). */
  recovered?: boolean;
}

/** The analytic (queueing-theory) prediction of one node. Null = not covered. */
export interface AnalyticNodeResult {
  id: string;
  arrivalRatePerSec: number;
  utilization: number;
  meanWaitMs: number | null;
  meanTimeInNodeMs: number | null;
}

/** The analytic prediction of one design. Null figures are not covered; `notCovered` says why. */
export interface AnalyticDesignResult {
  meanMs: number | null;
  saturationRatePerSec: number | null;
  bottleneck: string | null;
  /** When the bottleneck station is a shared pool: its id (`bottleneck` is then the member with the largest share). */
  bottleneckPool?: string | null;
  nodes: AnalyticNodeResult[];
  notCovered: string[];
  /** Present only when the design has llm-server nodes: KV capacity, concurrent sequences and throughput ceilings per node. */
  llm?: LlmNodeGuidanceResult[];
  /** Closed workloads only: the mean-value analysis at the point's users (analytic/closed.ts). */
  closed?: ClosedAnalyticResult;
}

/** The closed-network prediction of one design at N users (MVA), with the asymptotic bounds' inputs. */
export interface ClosedAnalyticResult {
  users: number;
  /** Mean think time Z, ms. */
  thinkMs: number;
  /** MVA throughput X(N), req/s; null when not covered. */
  throughputPerSec: number | null;
  /** MVA response time R(N), ms (also `meanMs`); null when not covered. */
  responseMs: number | null;
  /** D: total demand per request (every station's visits × mean service, plus network delays), ms. */
  totalDemandMs: number;
  /** Dmax: the largest demand per server of one station, ms (1/Dmax bounds the throughput). */
  maxDemandMs: number;
  /** True when MVA is exact for the design (single-server exponential stations, no feature noted in `notCovered`). */
  exact: boolean;
}

export interface AnalyticResult {
  microservices: AnalyticDesignResult;
  monolith: AnalyticDesignResult;
}

/** A run at one offered load: both designs, on the same arrivals and seeds, with the prediction. */
export interface RunResult {
  /** The offered load (req/s); for a closed workload the document's rate, which its users ignore (see `users`). */
  ratePerSec: number;
  /** Closed workloads only: the number of users N at this point (a closed sweep varies N, not the rate). */
  users?: number;
  seed: number;
  replications: number;
  microservices: DesignResult;
  monolith: DesignResult;
  analytic: AnalyticResult;
  /** Present only when the run stopped before its end (work budget or deadline). */
  cutShort?: CutShort;
}

/** A load sweep: one RunResult per offered load, ascending. */
export interface SweepResult {
  points: RunResult[];
}
