/**
 * Triton's dynamic batcher through the simulator (issue 13): hand-built arrival sequences
 * (constant arrivals every 2 ms, a 1 ms batch whatever its size: cost alpha 0) and the batches the
 * rules of triton-inference-server/server docs/user_guide/batcher.md give. With one batch of b
 * taking 1 ms, busy time / 1 ms counts the batches, so served / batches is the mean batch size,
 * and the mean wait follows from each request's place in its batch.
 */
import { describe, expect, it } from 'vitest';
import { simulateDesign } from '../run';
import { testDoc2 } from '../testing/docs';

function tritonDoc(batching: Record<string, unknown>, serviceMs = 1, ratePerSec = 500) {
  return testDoc2({
    nodes: [{ id: 'm', kind: 'model-server', replicas: 1, balancer: 'round-robin', serviceTime: { dist: 'deterministic', meanMs: serviceMs }, batching: { cost: { alpha: 0 }, ...batching } }],
    workload: { entry: 'm', arrival: 'constant', ratePerSec },
  });
}

const RUN = { durationSec: 20, warmupSec: 1 };

function batches(doc: ReturnType<typeof tritonDoc>, serviceMs = 1) {
  const r = simulateDesign(doc, RUN);
  const n = r.nodes[0];
  const measuredMs = (RUN.durationSec - RUN.warmupSec) * 1000;
  const count = (n.utilization * measuredMs) / serviceMs;
  return { r, n, meanBatch: r.endToEnd.completed / count };
}

describe('Triton dynamic batcher in the simulator', () => {
  it('forms the largest preferred batch at once: [4] with a long delay gives batches of 4 (waits 6, 4, 2, 0 ms)', () => {
    const { n, meanBatch } = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 1000, triton: { preferredBatchSizes: [4] } }));
    expect(meanBatch).toBeCloseTo(4, 1);
    expect(n.meanWaitMs).toBeCloseTo(3, 1);
    expect(n.meanTimeInNodeMs).toBeCloseTo(4, 1);
  });

  it('without preferred sizes, waits for the maximum (8: waits 14 … 0 ms), like the plain batcher', () => {
    const { n, meanBatch } = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 1000, triton: {} }));
    expect(meanBatch).toBeCloseTo(8, 1);
    expect(n.meanWaitMs).toBeCloseTo(7, 1);
  });

  it('sends what waits when the oldest has waited max_queue_delay (5 ms: batches of 3, waits 5, 3, 1)', () => {
    const { n, meanBatch } = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 5, triton: {} }));
    expect(meanBatch).toBeCloseTo(3, 1);
    expect(n.meanWaitMs).toBeCloseTo(3, 1);
  });

  it('with no delay, every request goes at once when an instance is free', () => {
    const { n, meanBatch } = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 0, triton: { preferredBatchSizes: [4] } }));
    expect(meanBatch).toBeCloseTo(1, 6);
    expect(n.meanWaitMs).toBeCloseTo(0, 9);
  });

  it('a busy instance lets a backlog build: 10 ms batches take the largest preferred size that fits (4 of the 5 waiting)', () => {
    // Every 10 ms five requests arrive; each batch of 4 leaves one more behind: the queue grows and the node saturates.
    const { r, meanBatch } = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 0, triton: { preferredBatchSizes: [4] } }, 10), 10);
    // completed counts requests that arrived after the warm-up; the batches also served the backlog from before it.
    expect(Math.abs(meanBatch - 4)).toBeLessThan(0.1);
    expect(r.saturated).toBe(true);
  });

  it('two instances per replica share one queue', () => {
    // 10 ms batches, no delay, max 8: two instances alternate, each taking the ~5 requests that came since the other began.
    const { n } = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 0, triton: { instancesPerReplica: 2 } }, 10), 10);
    expect(n.utilization).toBeGreaterThan(0.9);
    const one = batches(tritonDoc({ maxBatch: 8, maxWaitMs: 0, triton: {} }, 10), 10);
    expect(one.n.meanWaitMs).toBeGreaterThan(n.meanWaitMs);
  });

  it('max_queue_size refuses arrivals at a full queue; every request is accounted for', () => {
    const r = simulateDesign(tritonDoc({ maxBatch: 1, maxWaitMs: 0, triton: { maxQueueSize: 2 } }, 100), RUN);
    const e = r.endToEnd;
    expect(e.dropped).toBeGreaterThan(0.9 * e.arrivals);
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
    expect(r.nodes[0].dropped).toBe(e.dropped);
  });

  it('REJECT: a request still queued after its timeout fails at the next decision', () => {
    const r = simulateDesign(tritonDoc({ maxBatch: 1, maxWaitMs: 0, triton: { defaultTimeoutMs: 5 } }, 100), RUN);
    const e = r.endToEnd;
    // One instance, 100 ms per request: each free instance serves the newest request not yet timed out (at most 5 ms old).
    expect(e.completed).toBeGreaterThan(150);
    expect(e.completed).toBeLessThan(200);
    expect(e.errors).toBeGreaterThan(0.9 * e.arrivals);
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
    expect(r.nodes[0].meanWaitMs).toBeLessThanOrEqual(5 + 1e-9);
  });

  it('DELAY: timed-out requests are served after the others, never rejected', () => {
    const r = simulateDesign(tritonDoc({ maxBatch: 4, maxWaitMs: 0, triton: { defaultTimeoutMs: 5, timeoutAction: 'delay' } }, 10, 300), RUN);
    expect(r.endToEnd.errors).toBe(0);
    expect(r.endToEnd.completed).toBeGreaterThan(5000);
  });
});
