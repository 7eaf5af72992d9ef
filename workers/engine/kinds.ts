/**
 * What each node kind is: its default role, a one-line description for the
 * palette, and the realistic defaults a new node of that kind starts with.
 * Pure data, shared by the parser (defaults), the canvas and the CLI.
 */
import type { NodeKind, Role, ServiceTime } from './schema';

/** Defaults of one kind; a document may override each field per node. */
export interface KindInfo {
  /** Short human name, e.g. "Model server". */
  title: string;
  /** One sentence for the palette tooltip. */
  description: string;
  role: Role;
  replicas: number;
  concurrency: number;
  serviceTime: ServiceTime;
  /** Caches: default hit ratio; null for other kinds. */
  hitRatio: number | null;
  /** US$ per replica-hour, on-demand cloud list-price order of magnitude. */
  costPerReplicaHour: number;
}

export const KINDS: Record<NodeKind, KindInfo> = {
  gateway: {
    title: 'Gateway',
    description: 'API gateway / load balancer: authenticates and routes each request.',
    role: 'service',
    replicas: 2,
    concurrency: 8,
    serviceTime: { dist: 'exponential', meanMs: 1 },
    hitRatio: null,
    costPerReplicaHour: 0.1,
  },
  service: {
    title: 'Service',
    description: 'Application microservice: business logic between the gateway and the ML parts.',
    role: 'service',
    replicas: 3,
    concurrency: 4,
    serviceTime: { dist: 'lognormal', meanMs: 10, cv: 1 },
    hitRatio: null,
    costPerReplicaHour: 0.2,
  },
  'model-server': {
    title: 'Model server',
    description: 'Online inference (TF Serving, Triton, TorchServe); optional dynamic batching.',
    role: 'service',
    replicas: 4,
    concurrency: 1,
    serviceTime: { dist: 'gamma', meanMs: 25, cv: 0.5 },
    hitRatio: null,
    costPerReplicaHour: 0.9,
  },
  'feature-store': {
    title: 'Feature store',
    description: 'Online feature lookups (Feast, Michelangelo Palette on Cassandra).',
    role: 'infra',
    replicas: 3,
    concurrency: 16,
    serviceTime: { dist: 'lognormal', meanMs: 3, cv: 0.8 },
    hitRatio: null,
    costPerReplicaHour: 0.35,
  },
  'vector-index': {
    title: 'Vector index',
    description: 'Embedding / approximate nearest-neighbour retrieval (FAISS, ScaNN).',
    role: 'infra',
    replicas: 2,
    concurrency: 4,
    serviceTime: { dist: 'gamma', meanMs: 8, cv: 0.5 },
    hitRatio: null,
    costPerReplicaHour: 0.5,
  },
  cache: {
    title: 'Cache',
    description: 'In-memory cache (EVCache, Redis): a hit answers without calling downstream.',
    role: 'infra',
    replicas: 3,
    concurrency: 32,
    serviceTime: { dist: 'exponential', meanMs: 0.5 },
    hitRatio: 0.9,
    costPerReplicaHour: 0.15,
  },
  database: {
    title: 'Database',
    description: 'Persistent store (Cassandra, Bigtable, Postgres).',
    role: 'infra',
    replicas: 3,
    concurrency: 16,
    serviceTime: { dist: 'lognormal', meanMs: 6, cv: 1.2 },
    hitRatio: null,
    costPerReplicaHour: 0.45,
  },
  queue: {
    title: 'Message queue',
    description: 'Broker or stream (Kafka, Pub/Sub): usually fed by async calls.',
    role: 'infra',
    replicas: 3,
    concurrency: 32,
    serviceTime: { dist: 'exponential', meanMs: 0.5 },
    hitRatio: null,
    costPerReplicaHour: 0.2,
  },
  'stream-processor': {
    title: 'Stream processor',
    description: 'Nearline compute over events (Flink, Samza, Spark Streaming).',
    role: 'service',
    replicas: 2,
    concurrency: 4,
    serviceTime: { dist: 'exponential', meanMs: 15 },
    hitRatio: null,
    costPerReplicaHour: 0.3,
  },
  offline: {
    title: 'Offline job',
    description: 'Training, model registry, batch ETL, monitoring: drawn, carries no request traffic.',
    role: 'offline',
    replicas: 1,
    concurrency: 1,
    serviceTime: { dist: 'deterministic', meanMs: 1000 },
    hitRatio: null,
    costPerReplicaHour: 0,
  },
  'llm-server': {
    title: 'LLM server',
    description: 'LLM inference with continuous batching (vLLM): tokens, KV cache, TTFT and TPOT.',
    role: 'service',
    replicas: 1,
    // One engine per replica (node.llm.maxNumSeqs bounds its batch); concurrency is not used.
    concurrency: 1,
    // Not used: an iteration's time comes from node.llm (alphaMs + betaMs × tokens).
    serviceTime: { dist: 'deterministic', meanMs: 0 },
    hitRatio: null,
    // AWS g6.xlarge (1× L4 24 GB) on-demand, the kind's default machine (hardware.ts).
    costPerReplicaHour: 0.8048,
  },
};

/**
 * Defaults of a node's deployment fields when a current-version document
 * leaves them out (version-1 files are migrated to `pooled` / `each`).
 * `p2c` is Envoy's least-request balancer (the better of two random
 * replicas), the default of Istio meshes; see docs/model.md.
 */
export const NODE_DEFAULTS = { balancer: 'p2c', routing: 'each' } as const;

/** Default batch cost when a batching spec gives none: version 1's affine alpha 0.1. */
export const BATCH_COST_DEFAULT = { alpha: 0.1 } as const;

/** Default deployment of the derived monolith. */
export const MONOLITH_DEFAULTS = {
  sizing: 'equal-budget',
  replicas: null,
  hardware: null,
  threadsPerReplica: null,
  costPerHour: null,
} as const;

/** Defaults of an edge's fields. */
export const EDGE_DEFAULTS = {
  mode: 'sync',
  probability: 1,
  count: 1,
  networkMs: 0.5,
  timeoutMs: null,
  retries: 0,
  stage: null,
} as const;

/** Defaults of the workload's optional fields. */
export const WORKLOAD_DEFAULTS = {
  arrival: 'poisson',
  ratePerSec: 100,
  profile: null,
  burst: { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 1000 },
} as const;

/** Defaults of the run settings. */
export const RUN_DEFAULTS = { durationSec: 60, warmupSec: 5, seed: 1, replications: 1 } as const;

/** Default SLO: p99 under 200 ms. */
export const SLO_DEFAULT = { percentile: 'p99', thresholdMs: 200 } as const;
