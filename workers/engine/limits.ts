/**
 * Bounds on every number and string a document may hold. They keep a run
 * within bounded time and memory and turn absurd input (a rate of 1e12, a
 * 50 MB label) into a clear error instead of a hung tab.
 */
export const LIMITS = {
  idChars: 64,
  labelChars: 200,
  nameChars: 200,
  descriptionChars: 5000,
  maxNodes: 2000,
  maxEdges: 10000,
  maxReplicas: 10000,
  maxConcurrency: 10000,
  /** replicas × concurrency of one node, and the monolith's servers. */
  maxServers: 100000,
  maxQueueCapacity: 1_000_000,
  /** Users of a closed workload (workload.users). */
  maxClosedUsers: 100_000,
  /** One hour, in ms: the longest service time, timeout or burst. */
  maxServiceMs: 3_600_000,
  maxCv: 20,
  maxBatch: 1024,
  maxBatchCostPoints: 256,
  /** Highest call stage number. */
  maxStage: 1000,
  maxCpuCores: 1024,
  maxGpus: 64,
  /** Memory of one GPU, GB. */
  maxGpuMemoryGb: 1024,
  maxHardware: 200,
  maxBatchWaitMs: 60_000,
  maxCostPerReplicaHour: 10_000,
  maxCallCount: 100,
  maxNetworkMs: 60_000,
  maxRetries: 10,
  /** Requests per second at the entry (and in a profile point). */
  maxRatePerSec: 1_000_000,
  maxProfilePoints: 1000,
  /** One day of simulated time. */
  maxDurationSec: 86_400,
  maxReplications: 100,
  maxCoordinate: 1_000_000,
  /**
   * Work budget of one replication of one design: events processed plus
   * arrival-process steps. About 10–40 s of one core; a run that reaches it
   * stops and says it was cut short (RunResult.cutShort).
   */
  maxEventsPerReplication: 400_000_000,
  /** Shortest mean burst and mean quiet period of bursty arrivals, ms: shorter states make no physical sense. */
  minBurstStateMs: 1,
} as const;
