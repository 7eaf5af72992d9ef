/**
 * The batching fields of a model server: the plain batcher (`batching {maxBatch, maxWaitMs, cost}`,
 * at the end) and Triton-style dynamic batching (issue 13): an opt-in `triton`
 * block beside the existing `batching {maxBatch, maxWaitMs, cost}` of a model server, whose
 * maxBatch is `max_batch_size` and maxWaitMs `max_queue_delay_microseconds` / 1000. Defaults
 * are Triton's (triton-inference-server/common protobuf/model_config.proto, ModelDynamicBatching
 * and ModelQueuePolicy): no preferred sizes, no queue limit, REJECT, no timeout.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { int, num, positive } from '../zodFields';
import { TIMEOUT_DELAY, TIMEOUT_REJECT, type TritonBatcherSpec } from './tritonBatcher';

const wholeFrom = (min: number, max: number) =>
  z
    .number()
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });

/** `batching.triton`: the parts of Triton's dynamic batcher the plain batcher lacks. */
export const TritonBatchingSchema = z
  .object({
    /** `preferred_batch_size`; each ≤ maxBatch. Triton advises none for most models. */
    preferredBatchSizes: z.array(wholeFrom(1, 100_000)).max(16).default([]),
    /** `default_queue_policy.max_queue_size`; 0 = unbounded. */
    maxQueueSize: wholeFrom(0, 10_000_000).default(0),
    /** `default_queue_policy.timeout_action`. */
    timeoutAction: z.enum(['reject', 'delay']).default('reject'),
    /** `default_queue_policy.default_timeout_microseconds` / 1000; 0 = none. */
    defaultTimeoutMs: z.number().min(0).max(3_600_000).default(0),
    /** `instance_group` count per replica. */
    instancesPerReplica: wholeFrom(1, 64).default(1),
  })
  .strict();

export type TritonBatching = z.infer<typeof TritonBatchingSchema>;

/** The batcher spec for one replica from the plain batching fields and the `triton` block. */
export function tritonSpec(maxBatch: number, maxWaitMs: number, t: TritonBatching): TritonBatcherSpec {
  return {
    maxBatchSize: maxBatch,
    preferredBatchSizes: t.preferredBatchSizes,
    maxQueueDelayMs: maxWaitMs,
    maxQueueSize: t.maxQueueSize,
    timeoutAction: t.timeoutAction === 'delay' ? TIMEOUT_DELAY : TIMEOUT_REJECT,
    defaultTimeoutMs: t.defaultTimeoutMs,
    instanceCount: t.instancesPerReplica,
  };
}

/** One measured point of a batch-latency curve: a batch of `size` requests takes `ms` (like perf_analyzer's output). */
export const BatchCostPointSchema = z.object({ size: int(1, LIMITS.maxBatch), ms: positive(LIMITS.maxServiceMs) }).strict();
export type BatchCostPoint = z.infer<typeof BatchCostPointSchema>;

/**
 * The cost of a batch of b: affine, one service time × (1 + alpha × (b − 1));
 * or a measured table, interpolated linearly between its points.
 */
export const BatchCostSchema = z.union([
  z.object({ alpha: num(0, 10) }).strict(),
  z
    .object({
      table: z
        .array(BatchCostPointSchema)
        .min(1, { error: 'must have at least one point' })
        .max(LIMITS.maxBatchCostPoints, { error: `must have at most ${LIMITS.maxBatchCostPoints} points` }),
    })
    .strict(),
]);
export type BatchCost = z.infer<typeof BatchCostSchema>;

/**
 * Dynamic batching on a model server: a batch starts when `maxBatch` wait or the oldest has waited `maxWaitMs`.
 * With `triton`, NVIDIA Triton's dynamic batcher instead (preferred sizes, queue policy, instances;
 * batching/tritonBatcher.ts): maxBatch is `max_batch_size`, maxWaitMs `max_queue_delay_microseconds` / 1000.
 */
export const BatchingSchema = z
  .object({
    maxBatch: int(1, LIMITS.maxBatch),
    maxWaitMs: num(0, LIMITS.maxBatchWaitMs),
    cost: BatchCostSchema,
    /** Triton's dynamic batcher; absent or null = the plain batcher. */
    triton: TritonBatchingSchema.nullable().optional(),
  })
  .strict();
export type Batching = z.infer<typeof BatchingSchema>;
export const BatchingSpecSchema = BatchingSchema.partial().required({ maxBatch: true, maxWaitMs: true }).strict();
