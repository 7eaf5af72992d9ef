/**
 * The Loadsketch topology file format, version 2 (version-1 files are
 * migrated on read, see `migrate.ts`).
 *
 * The zod schemas here are the single source of the document's TypeScript
 * types. Two shapes exist for each record:
 * - the *Spec* shape is what a user may write: every field but `id` and
 *   `kind` is optional (see `docs/format.md` for the defaults);
 * - the normalized shape (no suffix) is what {@link parseTopology} returns:
 *   every field present, defaults filled from the node's kind.
 *
 * Units are in the field names: milliseconds (`Ms`), seconds (`Sec`),
 * requests per second (`PerSec`).
 */
import { z } from 'zod';
import { int, num, positive } from './zodFields';
import { LIMITS } from './limits';
import { BatchingSchema, BatchingSpecSchema } from './batching/schema';
import { EdgeTokensSchema, KvTransferSchema, LlmServerSchema, LlmServerSpecSchema, TokensSchema } from './llm/schema';
import { ScenarioSchema } from './resilience/scenarioSchema';
import { AdmissionSchema, BackoffSchema, CircuitBreakerSchema, HedgingSchema, QueueDisciplineSchema, RetryBudgetSchema, SlowdownSchema } from './resilience/patternSchema';
import { AutoscaleSchema, AutoscaleSpecSchema, ColdStartSchema } from './autoscale/schema';

// The batching fields of a model server live with the batcher (batching/schema.ts); re-exported for the document's users.
export { type BatchCost, type BatchCostPoint, BatchCostPointSchema, BatchCostSchema, type Batching, BatchingSchema, BatchingSpecSchema } from './batching/schema';

/** Every node kind a document may use. */
export const NODE_KINDS = [
  'gateway',
  'service',
  'model-server',
  'feature-store',
  'vector-index',
  'cache',
  'database',
  'queue',
  'stream-processor',
  'offline',
  'llm-server',
] as const;
/** A node kind: decides the icon, the defaults and the default role. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** service: application compute (merged in the monolith); infra: deployed separately in any design; offline: drawn, no traffic. */
export const ROLES = ['service', 'infra', 'offline'] as const;
export type Role = (typeof ROLES)[number];

export const ARRIVALS = ['poisson', 'constant', 'bursty'] as const;

/**
 * How a node's (or pool's) replicas share its traffic. `pooled`: one shared
 * FCFS queue in front of every server of every replica (the idealised M/M/c
 * station, and the meaning of every version-1 document); the others give each
 * replica its own queue and `concurrency` servers behind a load balancer:
 * `round-robin`, `random`, `least-outstanding` (fewest requests in service or
 * waiting) and `p2c` (the better of two random replicas: Envoy's least-request).
 */
export const BALANCERS = ['pooled', 'round-robin', 'random', 'least-outstanding', 'p2c'] as const;
export type Balancer = (typeof BALANCERS)[number];

/** `each`: every outgoing edge drawn independently (probability = chance); `one`: exactly one edge per visit (probability = weight). */
export const ROUTINGS = ['each', 'one'] as const;
export type Routing = (typeof ROUTINGS)[number];

/** How the derived monolith's replica count is chosen (see docs/model.md). */
export const MONOLITH_SIZINGS = ['equal-budget', 'equal-hardware', 'replicas'] as const;
export type MonolithSizing = (typeof MONOLITH_SIZINGS)[number];
/** Where the monolith runs its llm-servers (see MonolithSchema `llm`). */
export const MONOLITH_LLM = ['colocated', 'separate'] as const;
export type MonolithLlm = (typeof MONOLITH_LLM)[number];
export type ArrivalKind = (typeof ARRIVALS)[number];

const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const id = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.idChars, { error: `must be at most ${LIMITS.idChars} characters` })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'may contain only letters, digits and _ . : -' });

/** Service-time distributions, by mean (ms) and, where it applies, coefficient of variation. */
export const ServiceTimeSchema = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('exponential'), meanMs: positive(LIMITS.maxServiceMs) }).strict(),
  z.object({ dist: z.literal('deterministic'), meanMs: num(0, LIMITS.maxServiceMs) }).strict(),
  z
    .object({ dist: z.literal('lognormal'), meanMs: positive(LIMITS.maxServiceMs), cv: positive(LIMITS.maxCv) })
    .strict(),
  z.object({ dist: z.literal('gamma'), meanMs: positive(LIMITS.maxServiceMs), cv: positive(LIMITS.maxCv) }).strict(),
  z.object({ dist: z.literal('uniform'), minMs: num(0, LIMITS.maxServiceMs), maxMs: num(0, LIMITS.maxServiceMs) }).strict(),
]);
/** A service-time distribution (times in milliseconds). */
export type ServiceTime = z.infer<typeof ServiceTimeSchema>;
export type DistName = ServiceTime['dist'];


/**
 * A machine type: what one replica runs on. `gpuMemoryGb` is the memory of
 * one GPU; `costPerHour` is US$ per machine-hour.
 */
export const HardwareSchema = z
  .object({
    id,
    label: text(LIMITS.labelChars),
    cpuCores: int(0, LIMITS.maxCpuCores),
    gpus: int(0, LIMITS.maxGpus),
    gpuMemoryGb: num(0, LIMITS.maxGpuMemoryGb),
    costPerHour: num(0, LIMITS.maxCostPerReplicaHour),
  })
  .strict();
export type Hardware = z.infer<typeof HardwareSchema>;
export const HardwareSpecSchema = HardwareSchema.partial().required({ id: true }).strict();

export const PositionSchema = z
  .object({ x: num(-LIMITS.maxCoordinate, LIMITS.maxCoordinate), y: num(-LIMITS.maxCoordinate, LIMITS.maxCoordinate) })
  .strict();

/** A station: `replicas × concurrency` servers, a FCFS queue, a service time, then outgoing calls. */
export const NodeSchema = z
  .object({
    id,
    kind: z.enum(NODE_KINDS),
    label: text(LIMITS.labelChars),
    position: PositionSchema,
    role: z.enum(ROLES),
    replicas: int(1, LIMITS.maxReplicas),
    concurrency: int(1, LIMITS.maxConcurrency),
    serviceTime: ServiceTimeSchema,
    /** Waiting room size (not counting requests in service); null = unbounded. */
    queueCapacity: int(0, LIMITS.maxQueueCapacity).nullable(),
    callMode: z.enum(['sequential', 'parallel']),
    holdWorkerDuringCalls: z.boolean(),
    /** Caches only: share of requests answered without calling downstream. */
    hitRatio: num(0, 1).nullable(),
    /** Model servers only. */
    batching: BatchingSchema.nullable(),
    /** US$ per replica-hour; null = the price of the node's machine type (`hardware`). */
    costPerReplicaHour: num(0, LIMITS.maxCostPerReplicaHour).nullable(),
    /** Id of a shared server pool (see `pools`); null = the node has its own servers. */
    pool: id.nullable(),
    /** Machine type one replica runs on: an id of the document's `hardware` or of the built-in catalogue; null = none given. */
    hardware: id.nullable(),
    /** Model servers only: GPU memory the model needs, GB (must fit the machine). */
    modelMemoryGb: num(0, LIMITS.maxGpuMemoryGb * LIMITS.maxGpus).nullable(),
    /** How the replicas share traffic (see BALANCERS). */
    balancer: z.enum(BALANCERS),
    /** How the outgoing edges are chosen on a visit (see ROUTINGS). */
    routing: z.enum(ROUTINGS),
    /** llm-server nodes only: the continuous-batching engine of each replica (llm/schema.ts); absent on other kinds. */
    llm: LlmServerSchema.nullable().optional(),
    /** The node's autoscaler (HPA or KPA, every field filled); absent = a fixed `replicas`. Nodes with their own servers only (not pool members). */
    autoscale: AutoscaleSchema.optional(),
    /** Time a new replica takes to become ready (seconds); absent = the kind's default (see autoscale/coldStart.ts). Used only with `autoscale`. */
    coldStart: ColdStartSchema.optional(),
    /**
     * Deployable unit the node's replicas belong to, as `pools[].unit`: a request that reaches the node from a
     * member of the same unit stays on the replica index it entered. Absent = none. The derived monolith sets it on
     * the llm-servers it co-locates (docs/model.md, "LLM servers in the monolith").
     */
    unit: id.nullable().optional(),
    /** Admission control (resilience/patternSchema.ts): over the limit a request is rejected at once. Absent = none. */
    admission: AdmissionSchema.optional(),
    /** Which waiting request a free server takes: `fifo` (the oldest) or `lifo` (the newest). Absent = fifo. */
    queueDiscipline: QueueDisciplineSchema.optional(),
    /** Load-dependent service time (resilience/patternSchema.ts, slowdown.ts): slower as the replica gets busier. Absent = none. */
    slowdown: SlowdownSchema.optional(),
  })
  .strict();
export type TopologyNode = z.infer<typeof NodeSchema>;
export const NodeSpecSchema = NodeSchema.extend({
  batching: BatchingSpecSchema.nullable(),
  llm: LlmServerSpecSchema.nullable(),
  autoscale: AutoscaleSpecSchema.nullable(),
  coldStart: ColdStartSchema.nullable(),
})
  .partial()
  .required({ id: true, kind: true })
  .strict();
export type NodeSpec = z.infer<typeof NodeSpecSchema>;

/** A call from `source` to `target`: sync calls are awaited, async calls add load only. */
export const EdgeSchema = z
  .object({
    id,
    source: id,
    target: id,
    mode: z.enum(['sync', 'async']),
    /** Chance the call is made on a visit to `source`. */
    probability: num(0, 1),
    /** How many times the call is made when it is made. */
    count: int(1, LIMITS.maxCallCount),
    /** Network cost of one call attempt: added once to a sync call's response time (the round trip), and to an async message's delivery. */
    networkMs: num(0, LIMITS.maxNetworkMs),
    /** Sync only: give up waiting after this long; null = wait forever. */
    timeoutMs: positive(LIMITS.maxServiceMs).nullable(),
    /** Sync only: extra attempts after a timeout. */
    retries: int(0, LIMITS.maxRetries),
    /**
     * Call stage: the source's calls in one stage run in parallel (fork–join),
     * stages run one after another in ascending order. null = from the
     * source's `callMode` (sequential: each edge its own stage in document
     * order; parallel: all edges in one stage).
     */
    stage: int(0, LIMITS.maxStage).nullable(),
    /** Sync edges into an llm-server only: token counts of this edge's calls, overriding the workload's (absent = the workload's). */
    tokens: EdgeTokensSchema.nullable().optional(),
    /** Sync edges into an llm-server only: the call returns at the first token (absent = false: at the last). */
    streaming: z.boolean().optional(),
    /** Edges from a prefill-mode to a decode-mode llm-server only: the prompt-KV transfer time added to the call. */
    kvTransfer: KvTransferSchema.nullable().optional(),
    /** Sync edges only: a Resilience4j circuit breaker on the calls (resilience/patternSchema.ts). Absent = none. */
    circuitBreaker: CircuitBreakerSchema.optional(),
    /** Sync edges with retries only: the wait before each retry (resilience/backoff.ts, Envoy's defaults). Absent = retry at once. */
    backoff: BackoffSchema.optional(),
    /** Sync edges with retries only: a retry budget (resilience/retryBudget.ts): Envoy's concurrency budget or gRPC's retry throttling. Absent = none. */
    retryBudget: RetryBudgetSchema.optional(),
    /** Sync edges without retries, timeout or breaker only: hedged requests (resilience/hedging.ts, gRPC A6 hedgingPolicy). Absent = none. */
    hedging: HedgingSchema.optional(),
  })
  .strict();
export type TopologyEdge = z.infer<typeof EdgeSchema>;
export const EdgeSpecSchema = EdgeSchema.partial().required({ id: true, source: true, target: true }).strict();
export type EdgeSpec = z.infer<typeof EdgeSpecSchema>;

/** Arrival-rate profile point; the rate is interpolated linearly between points (two points at one time make a step). */
export const ProfilePointSchema = z
  .object({ atSec: num(0, LIMITS.maxDurationSec), ratePerSec: num(0, LIMITS.maxRatePerSec) })
  .strict();
export type ProfilePoint = z.infer<typeof ProfilePointSchema>;

/** Bursty arrivals: a two-state modulated Poisson process with the same mean rate. */
export const BurstSchema = z
  .object({
    peakFactor: num(1, 100),
    burstFraction: z.number().gt(0, { error: 'must be greater than 0 and less than 1' }).lt(1, {
      error: 'must be greater than 0 and less than 1',
    }),
    meanBurstMs: positive(LIMITS.maxServiceMs),
  })
  .strict();
export type Burst = z.infer<typeof BurstSchema>;

export const WorkloadSchema = z
  .object({
    entry: id,
    arrival: z.enum(ARRIVALS),
    ratePerSec: positive(LIMITS.maxRatePerSec),
    profile: z.array(ProfilePointSchema).max(LIMITS.maxProfilePoints).nullable(),
    burst: BurstSchema,
    /** Input and output tokens of each request (needed when the design has an llm-server; absent otherwise). */
    tokens: TokensSchema.nullable().optional(),
    /** `open` (requests at `ratePerSec`, the default when absent) or `closed`: `users` who each send one request, await it, think, repeat (resilience/closedWorkload.ts). */
    model: z.enum(['open', 'closed']).optional(),
    /** Closed workload only: the number of users, each with at most one request in flight. */
    users: int(1, LIMITS.maxClosedUsers).optional(),
    /** Closed workload only: a user's think time between a response and its next request (ms), a distribution like `serviceTime`. */
    thinkTime: ServiceTimeSchema.optional(),
  })
  .strict();
export type Workload = z.infer<typeof WorkloadSchema>;
export const WorkloadSpecSchema = WorkloadSchema.partial().required({ entry: true }).strict();
export type WorkloadSpec = z.infer<typeof WorkloadSpecSchema>;

export const RunSettingsSchema = z
  .object({
    durationSec: positive(LIMITS.maxDurationSec),
    warmupSec: num(0, LIMITS.maxDurationSec),
    seed: int(0, 0xffffffff),
    replications: int(1, LIMITS.maxReplications),
  })
  .strict();
export type RunSettings = z.infer<typeof RunSettingsSchema>;
export const RunSettingsSpecSchema = RunSettingsSchema.partial().strict();

/**
 * A service-level objective on end-to-end latency; with llm-servers, optionally on time to first
 * token and time per output token too (ms): an LLM request is good (goodput) when it meets both that are set.
 */
export const SloSchema = z
  .object({
    percentile: z.enum(['mean', 'p50', 'p90', 'p95', 'p99', 'p999']),
    thresholdMs: positive(LIMITS.maxServiceMs),
    ttftMs: positive(LIMITS.maxServiceMs).nullable().optional(),
    tpotMs: positive(LIMITS.maxServiceMs).nullable().optional(),
  })
  .strict();
export type Slo = z.infer<typeof SloSchema>;

/**
 * How the derived monolith is deployed (see docs/model.md, "The monolith
 * baseline"). `sizing`: `equal-budget` (as many replicas as the
 * microservices' hourly cost buys, at least one), `equal-hardware`, or
 * `replicas` (exactly `replicas`). `hardware`: the machine type of one
 * replica (null = the smallest catalogue type that fits the merged
 * components). `threadsPerReplica`: worker threads of one replica (null =
 * derived). `costPerHour`: the price of one replica, overriding the machine's.
 */
export const MonolithSchema = z
  .object({
    sizing: z.enum(MONOLITH_SIZINGS),
    replicas: int(1, LIMITS.maxReplicas).nullable(),
    hardware: id.nullable(),
    threadsPerReplica: int(1, LIMITS.maxServers).nullable(),
    costPerHour: num(0, LIMITS.maxCostPerReplicaHour * LIMITS.maxReplicas).nullable(),
    /**
     * The monolith's autoscaler: it scales as a whole, in whole replicas (units) of its machine type, on the
     * unit's aggregated metric; absent = a fixed replica count (see `sizing`).
     */
    autoscale: AutoscaleSchema.optional(),
    /** A new unit's cold start (seconds); absent = the heaviest merged component's (see autoscale/monolithScale.ts). */
    coldStart: ColdStartSchema.optional(),
    /**
     * Where the llm-servers on the request path run in the monolith: `colocated` (absent = this), an LLM engine on
     * each unit's own GPUs, scaled with the unit; `separate`, their own deployment as in the microservice design.
     */
    llm: z.enum(MONOLITH_LLM).optional(),
  })
  .strict();
export type MonolithSettings = z.infer<typeof MonolithSchema>;

/**
 * A server pool shared by several nodes: `replicas` copies of `servers`
 * servers each, behind `balancer`; its members' own replicas, concurrency
 * and cost are ignored. With `balancer: pooled` the members queue FCFS for
 * all replicas × servers (version 1's meaning, where replicas is 1). Pools
 * with the same `unit` are parts of one deployable unit: a request that
 * moves between their members stays on the replica it entered (the derived
 * monolith's CPU threads and GPUs are two such pools).
 */
export const PoolSchema = z
  .object({
    id,
    label: text(LIMITS.labelChars),
    /** Servers of one replica. */
    servers: int(1, LIMITS.maxServers),
    /** US$ per hour for the whole pool (all replicas). */
    costPerHour: num(0, LIMITS.maxCostPerReplicaHour * LIMITS.maxReplicas),
    replicas: int(1, LIMITS.maxReplicas),
    balancer: z.enum(BALANCERS),
    /** Deployable unit this pool belongs to; null = none. */
    unit: id.nullable(),
    /** Machine type of one replica, for display; null = none given. */
    hardware: id.nullable(),
  })
  .strict();
export type Pool = z.infer<typeof PoolSchema>;
export const PoolSpecSchema = PoolSchema.partial().required({ id: true, servers: true }).strict();

export const FORMAT_NAME = 'loadsketch';
export const FORMAT_VERSION = 2;

export const TopologySchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    version: z.literal(FORMAT_VERSION),
    name: text(LIMITS.nameChars),
    description: text(LIMITS.descriptionChars),
    nodes: z.array(NodeSchema).max(LIMITS.maxNodes, { error: `must have at most ${LIMITS.maxNodes} nodes` }),
    edges: z.array(EdgeSchema).max(LIMITS.maxEdges, { error: `must have at most ${LIMITS.maxEdges} edges` }),
    workload: WorkloadSchema,
    run: RunSettingsSchema,
    pools: z.array(PoolSchema).max(LIMITS.maxNodes),
    slo: SloSchema,
    monolith: MonolithSchema,
    /** Machine types of this document (they shadow built-in ones with the same id). */
    hardware: z.array(HardwareSchema).max(LIMITS.maxHardware),
    /** Timed faults of a run (issue 11, resilience/scenarioSchema.ts); absent = a steady-state run, and the key is not written. */
    scenario: ScenarioSchema.optional(),
  })
  .strict();
/** A validated, normalized document: every field present (`scenario` only when given). */
export type Topology = z.infer<typeof TopologySchema>;

export const TopologySpecSchema = z
  .object({
    format: z.literal(FORMAT_NAME, { error: `must be "${FORMAT_NAME}"` }),
    version: z.literal(FORMAT_VERSION),
    name: text(LIMITS.nameChars).optional(),
    description: text(LIMITS.descriptionChars).optional(),
    nodes: z.array(NodeSpecSchema).max(LIMITS.maxNodes, { error: `must have at most ${LIMITS.maxNodes} nodes` }),
    edges: z
      .array(EdgeSpecSchema)
      .max(LIMITS.maxEdges, { error: `must have at most ${LIMITS.maxEdges} edges` })
      .optional(),
    workload: WorkloadSpecSchema,
    run: RunSettingsSpecSchema.optional(),
    pools: z.array(PoolSpecSchema).max(LIMITS.maxNodes).optional(),
    slo: SloSchema.optional(),
    monolith: MonolithSchema.extend({ autoscale: AutoscaleSpecSchema.nullable(), coldStart: ColdStartSchema.nullable() }).partial().optional(),
    hardware: z
      .array(HardwareSpecSchema)
      .max(LIMITS.maxHardware, { error: `must have at most ${LIMITS.maxHardware} machine types` })
      .optional(),
    scenario: ScenarioSchema.optional(),
  })
  .strict();
/** What a user may write: a current-version document with optional fields left out. */
export type TopologySpec = z.infer<typeof TopologySpecSchema>;
