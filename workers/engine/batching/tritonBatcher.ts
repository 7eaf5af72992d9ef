/**
 * NVIDIA Triton's dynamic batcher, as triton-inference-server/server `docs/user_guide/batcher.md`
 * ("Dynamic Batcher") documents it, for one replica (one model with `instanceCount` instances
 * sharing one scheduler queue: "The dynamically created batches are distributed to all model
 * instances configured for the model").
 *
 * The decision, made whenever an instance is free ("Preferred Batch Sizes": "When a model
 * instance becomes available for inferencing, the dynamic batcher will attempt to create
 * batches from the requests that are available in the scheduler. Requests are added to the
 * batch in the order the requests were received."):
 * 1. a batch of the largest preferred size that the queue can fill, at once;
 * 2. else a batch of `maxBatchSize` at once if that many wait ("Delayed Batching": the delay
 *    only applies "when a maximum size (or preferred size) batch cannot be created");
 * 3. else, with `maxQueueDelayMs` = 0 (the default: "will not delay when forming batches"),
 *    every waiting request at once;
 * 4. else every waiting request once the oldest has waited `maxQueueDelayMs` ("delay sending
 *    the batch as long as no request is delayed longer than the configured
 *    max_queue_delay_microseconds"), and until then wait until that instant (an arrival in
 *    between that completes a preferred or maximum batch sends it at once: call decide again).
 *
 * Queue policy ("Queue Policy"; fields of `ModelQueuePolicy` in triton-inference-server/common
 * `protobuf/model_config.proto`): `maxQueueSize` (0 = unbounded) rejects a request at once when
 * the queue (timed-out DELAY requests included, `PolicyQueue::Size()` in core
 * `src/scheduler_utils.cc`) is full; a request still queued strictly after its
 * `defaultTimeoutMs` (0 = none) is rejected (REJECT, the default) or moved behind every
 * unexpired request (DELAY: "Delay the request until all other requests at the same (or higher)
 * priority levels that have not reached their timeouts are processed").
 * Priority levels, custom batching and ragged/shape checks are not modelled.
 */
import { TimedRing } from './timedRing';

/** Timed-out requests are rejected (Triton's default `timeout_action`). */
export const TIMEOUT_REJECT = 0;
/** Timed-out requests are served after every unexpired request. */
export const TIMEOUT_DELAY = 1;

/** One replica's dynamic-batcher settings (times in ms; Triton's own fields are in µs). */
export interface TritonBatcherSpec {
  /** `max_batch_size` (≥ 1). */
  maxBatchSize: number;
  /** `preferred_batch_size`, each in [1, maxBatchSize]; empty = none (Triton's advice for most models). */
  preferredBatchSizes: readonly number[];
  /** `max_queue_delay_microseconds` / 1000; default 0. */
  maxQueueDelayMs: number;
  /** `default_queue_policy.max_queue_size`; 0 = unbounded (default). */
  maxQueueSize: number;
  /** `timeout_action`: TIMEOUT_REJECT (default) or TIMEOUT_DELAY. */
  timeoutAction: number;
  /** `default_timeout_microseconds` / 1000; 0 = no timeout (default). */
  defaultTimeoutMs: number;
  /** `instance_group` count on this replica (≥ 1; Triton's default is one per GPU). */
  instanceCount: number;
}

/** A replica's batching queue and its free instances. Plain numbers in and out, no allocation per request. */
export class TritonBatcher {
  private readonly main: TimedRing;
  private readonly delayed: TimedRing;
  private readonly preferred: Int32Array;
  /** Instances not running a batch (negative while a cut instance count drains: its batches run on). */
  freeInstances: number;
  /** Instances configured now (`instanceCount`, or what a fault scenario left: setInstances). */
  instances: number;
  /** After decide() returned 0: when to decide again (ms); +Infinity = only on an arrival or a freed instance. */
  waitUntilMs = Number.POSITIVE_INFINITY;
  /** Ids rejected for timeout by the last decide(), in [0, rejectedCount). */
  rejected: Int32Array = new Int32Array(16);
  rejectedCount = 0;

  constructor(private readonly spec: TritonBatcherSpec) {
    if (!(spec.maxBatchSize >= 1)) throw new RangeError('maxBatchSize must be at least 1');
    for (const p of spec.preferredBatchSizes) {
      if (!(p >= 1 && p <= spec.maxBatchSize)) throw new RangeError('preferredBatchSizes must lie in [1, maxBatchSize]');
    }
    if (!(spec.instanceCount >= 1)) throw new RangeError('instanceCount must be at least 1');
    this.preferred = Int32Array.from(spec.preferredBatchSizes).sort();
    this.freeInstances = spec.instanceCount;
    this.instances = spec.instanceCount;
    this.main = new TimedRing(64);
    this.delayed = new TimedRing(16);
  }

  /** Requests queued (timed-out DELAY requests included). */
  get size(): number {
    return this.main.size + this.delayed.size;
  }

  /** A request arrives at `nowMs`. false = rejected at once because the queue is full (`max_queue_size`). */
  enqueue(reqId: number, nowMs: number): boolean {
    const { maxQueueSize, defaultTimeoutMs } = this.spec;
    if (maxQueueSize > 0 && this.size >= maxQueueSize) return false;
    this.main.push(reqId, nowMs, defaultTimeoutMs > 0 ? nowMs + defaultTimeoutMs : Number.POSITIVE_INFINITY);
    return true;
  }

  /**
   * Applies the timeout policy at `nowMs`, then decides for one free instance: returns the size of
   * the batch to send now (take it with {@link dispatch}), or 0 to wait (see {@link waitUntilMs}).
   */
  decide(nowMs: number): number {
    this.rejectedCount = 0;
    this.waitUntilMs = Number.POSITIVE_INFINITY;
    // Triton's batcher thread waits for a free payload slot before it scans the queue
    // (BatcherThread → WaitForPayloadSlotAvailable → GetDynamicBatch), so timeouts too are
    // applied only when an instance can take a batch.
    if (this.freeInstances <= 0) return 0;
    this.expire(nowMs);
    const n = this.size;
    if (n === 0) return 0;
    const { maxBatchSize, maxQueueDelayMs } = this.spec;
    const cap = Math.min(n, maxBatchSize);
    for (let i = this.preferred.length - 1; i >= 0; i--) if (this.preferred[i] <= cap) return this.preferred[i];
    if (cap === maxBatchSize || maxQueueDelayMs <= 0) return cap;
    // The oldest request of the batch that would be sent: unexpired ones first, then DELAY-ed ones.
    let oldest = this.main.size > 0 ? this.main.enqAt(0) : Number.POSITIVE_INFINITY;
    if (this.main.size < cap && this.delayed.enqAt(0) < oldest) oldest = this.delayed.enqAt(0);
    const sendAt = oldest + maxQueueDelayMs;
    if (nowMs >= sendAt) return cap;
    // Triton also wakes at the closest timeout of the pending batch (GetDynamicBatch, ClosestTimeout).
    const firstDeadline = this.main.size > 0 ? this.main.deadlineAt(0) : Number.POSITIVE_INFINITY;
    this.waitUntilMs = Math.min(sendAt, firstDeadline);
    return 0;
  }

  /**
   * Takes the `count` oldest requests (unexpired first, then DELAY-ed ones) into `out` and
   * occupies one instance. Returns `count`.
   */
  dispatch(count: number, out: Int32Array): number {
    for (let i = 0; i < count; i++) out[i] = this.main.size > 0 ? this.main.shift() : this.delayed.shift();
    this.freeInstances--;
    return count;
  }

  /** An instance finished its batch. */
  release(): void {
    this.freeInstances++;
  }

  /**
   * A fault scenario sets the instances to `count` (≥ 0): batches running beyond it run on (free
   * instances stay negative until they end), and no batch starts until an instance is free under it.
   */
  setInstances(count: number): void {
    this.freeInstances += count - this.instances;
    this.instances = count;
  }

  /** Empties the queue (a crashed server's): its requests' ids, oldest first (unexpired, then DELAY-ed). */
  drain(): number[] {
    const ids: number[] = [];
    while (this.main.size > 0) ids.push(this.main.shift());
    while (this.delayed.size > 0) ids.push(this.delayed.shift());
    this.waitUntilMs = Number.POSITIVE_INFINITY;
    return ids;
  }

  /** Requests whose deadline is strictly before `nowMs` (`now > timeout`, PolicyQueue::ApplyPolicy) time out. */
  private expire(nowMs: number): void {
    // Every request has the same default timeout, so deadlines follow enqueue order: expired ones are a prefix.
    while (this.main.size > 0 && this.main.deadlineAt(0) < nowMs) {
      const enq = this.main.enqAt(0);
      const id = this.main.shift();
      if (this.spec.timeoutAction === TIMEOUT_DELAY) this.delayed.push(id, enq, Number.POSITIVE_INFINITY);
      else {
        if (this.rejectedCount === this.rejected.length) {
          const next = new Int32Array(this.rejected.length * 2);
          next.set(this.rejected);
          this.rejected = next;
        }
        this.rejected[this.rejectedCount++] = id;
      }
    }
  }
}
