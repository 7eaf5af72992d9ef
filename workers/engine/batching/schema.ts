/**
 * Proposed document fields for Triton-style dynamic batching (issue 13): an opt-in `triton`
 * block beside the existing `batching {maxBatch, maxWaitMs, cost}` of a model server, whose
 * maxBatch is `max_batch_size` and maxWaitMs `max_queue_delay_microseconds` / 1000. Defaults
 * are Triton's (triton-inference-server/common protobuf/model_config.proto, ModelDynamicBatching
 * and ModelQueuePolicy): no preferred sizes, no queue limit, REJECT, no timeout.
 */
import { z } from 'zod';
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
