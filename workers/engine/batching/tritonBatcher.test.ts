/**
 * The batches Triton's dynamic batcher forms on hand-built arrival sequences. Each expected batch
 * names the rule of triton-inference-server/server docs/user_guide/batcher.md that gives it:
 * [preferred] "Preferred Batch Sizes" (largest preferred batch that can be formed, at once),
 * [max] a maximum-size batch is sent at once ("Delayed Batching": the delay only applies when a
 * maximum or preferred batch cannot be formed), [nodelay] max_queue_delay 0: everything waiting
 * at once ("will not delay when forming batches"), [delay] the oldest has waited
 * max_queue_delay: "If the delay expires the dynamic batcher sends the batch as is".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMEOUT_DELAY, TIMEOUT_REJECT, TritonBatcher, type TritonBatcherSpec } from './tritonBatcher';

const base: TritonBatcherSpec = {
  maxBatchSize: 4,
  preferredBatchSizes: [],
  maxQueueDelayMs: 0,
  maxQueueSize: 0,
  timeoutAction: TIMEOUT_REJECT,
  defaultTimeoutMs: 0,
  instanceCount: 1,
};

interface Trace {
  batches: { atMs: number; ids: number[] }[];
  rejected: { atMs: number; id: number }[];
  refused: number[];
  /** For the property test: the queue size and oldest wait when each batch was decided. */
  context: { queued: number; oldestWaitMs: number }[];
}

/**
 * A one-replica driver: request i arrives at arrivalsMs[i]; a batch occupies an instance for
 * serviceMs. decide() runs on an arrival, when an instance frees, and at waitUntilMs.
 */
function drive(spec: TritonBatcherSpec, arrivalsMs: number[], serviceMs: number): Trace {
  const b = new TritonBatcher(spec);
  const trace: Trace = { batches: [], rejected: [], refused: [], context: [] };
  const busyUntil: number[] = [];
  const enqAt = new Map<number, number>();
  const out = new Int32Array(spec.maxBatchSize);
  let next = 0;
  const decideAll = (t: number) => {
    for (;;) {
      const n = b.decide(t);
      for (let k = 0; k < b.rejectedCount; k++) trace.rejected.push({ atMs: t, id: b.rejected[k] });
      if (n === 0) return;
      b.dispatch(n, out);
      const ids = Array.from(out.subarray(0, n));
      trace.context.push({ queued: b.size + n, oldestWaitMs: t - Math.min(...ids.map((id) => enqAt.get(id)!)) });
      trace.batches.push({ atMs: t, ids });
      busyUntil.push(t + serviceMs);
    }
  };
  for (let guard = 0; ; guard++) {
    if (guard > 10_000) throw new Error('driver made no progress');
    const tArr = next < arrivalsMs.length ? arrivalsMs[next] : Number.POSITIVE_INFINITY;
    const tFree = busyUntil.length > 0 ? Math.min(...busyUntil) : Number.POSITIVE_INFINITY;
    const tWait = b.size > 0 ? b.waitUntilMs : Number.POSITIVE_INFINITY;
    const t = Math.min(tArr, tFree, tWait);
    if (t === Number.POSITIVE_INFINITY) break;
    if (t === tFree) {
      busyUntil.splice(busyUntil.indexOf(tFree), 1);
      b.release();
    } else if (t === tArr) {
      enqAt.set(next, t);
      if (!b.enqueue(next, t)) trace.refused.push(next);
      next++;
    }
    decideAll(t);
  }
  return trace;
}

describe('Triton dynamic batcher: hand-built arrival sequences', () => {
  it('no preferred sizes, no delay: everything waiting, up to max_batch_size', () => {
    const t = drive(base, [0, 1, 2, 3, 4, 5, 12], 10);
    expect(t.batches).toEqual([
      { atMs: 0, ids: [0] }, // [nodelay] one waits, instance free
      { atMs: 10, ids: [1, 2, 3, 4] }, // [max] five wait at 10: a batch of max_batch_size 4
      { atMs: 20, ids: [5, 6] }, // [nodelay] two wait at 20
    ]);
  });

  it('preferred sizes [2, 4] with a 5 ms delay', () => {
    const spec = { ...base, maxBatchSize: 8, preferredBatchSizes: [4, 2], maxQueueDelayMs: 5 };
    const t = drive(spec, [0, 1, 2, 3, 4, 20, 40], 10);
    expect(t.batches).toEqual([
      { atMs: 1, ids: [0, 1] }, // [preferred] r1 completes a batch of 2 during r0's delay: sent at once
      { atMs: 11, ids: [2, 3] }, // [preferred] three wait: the largest preferred that fits is 2
      { atMs: 21, ids: [4, 5] }, // [preferred] r4, r5
      { atMs: 45, ids: [6] }, // [delay] r6 alone; its 5 ms delay expires at 45
    ]);
  });

  it('largest preferred batch wins over a larger non-preferred one', () => {
    const spec = { ...base, maxBatchSize: 8, preferredBatchSizes: [2, 4], maxQueueDelayMs: 100 };
    const t = drive(spec, [0, 0, 0, 0, 0, 0, 0], 10);
    // Seven arrive at 0, one after another. r0 alone waits (no preferred size fits 1).
    expect(t.batches).toEqual([
      { atMs: 0, ids: [0, 1] }, // [preferred] r1 completes a batch of 2 at once
      { atMs: 10, ids: [2, 3, 4, 5] }, // [preferred] five wait: the largest preferred ≤ 5 is 4, not 5
      { atMs: 100, ids: [6] }, // [delay] r6 alone at 20 has waited 20 < 100 ms: sent at 0 + 100
    ]);
  });

  it('delay without preferred sizes: a maximum batch goes at once, a partial one when the delay expires', () => {
    const spec = { ...base, maxBatchSize: 4, maxQueueDelayMs: 3 };
    const t = drive(spec, [0, 1, 2, 2.5, 10, 11], 10);
    expect(t.batches).toEqual([
      { atMs: 2.5, ids: [0, 1, 2, 3] }, // [max] the fourth arrival completes max_batch_size before 0 + 3
      { atMs: 13, ids: [4, 5] }, // [delay] free at 12.5, r4 (at 10) has waited 3 ms at 13
    ]);
  });

  it('two instances share one queue (instance_group count 2)', () => {
    const spec = { ...base, maxBatchSize: 2, instanceCount: 2 };
    const t = drive(spec, [0, 1, 2, 3, 4], 10);
    expect(t.batches).toEqual([
      { atMs: 0, ids: [0] }, // [nodelay] instance A
      { atMs: 1, ids: [1] }, // [nodelay] instance B
      { atMs: 10, ids: [2, 3] }, // [max] A frees
      { atMs: 11, ids: [4] }, // [nodelay] B frees
    ]);
  });

  it('max_queue_size refuses a request at once when the queue is full', () => {
    const spec = { ...base, maxBatchSize: 1, maxQueueSize: 2 };
    const t = drive(spec, [0, 1, 2, 3, 4], 10);
    expect(t.refused).toEqual([3, 4]); // r0 in service, r1 r2 fill the queue of 2
    expect(t.batches.map((x) => x.ids[0])).toEqual([0, 1, 2]);
  });

  it('timeout REJECT: requests queued past default_timeout are rejected when the batcher next looks', () => {
    const spec = { ...base, maxBatchSize: 4, defaultTimeoutMs: 5 };
    const t = drive(spec, [0, 1, 2, 8], 10);
    expect(t.batches).toEqual([
      { atMs: 0, ids: [0] },
      { atMs: 10, ids: [3] }, // r1 (deadline 6) and r2 (7) have timed out; r3 (13) has not
    ]);
    expect(t.rejected).toEqual([
      { atMs: 10, id: 1 },
      { atMs: 10, id: 2 },
    ]);
  });

  it('timeout DELAY: timed-out requests are served after every unexpired one, and still count toward max_queue_size', () => {
    const spec = { ...base, maxBatchSize: 1, defaultTimeoutMs: 5, timeoutAction: TIMEOUT_DELAY, maxQueueSize: 3 };
    const t = drive(spec, [0, 1, 2, 8, 9], 10);
    expect(t.refused).toEqual([4]); // r1, r2 (delayed) and r3 fill the queue of 3
    expect(t.batches.map((x) => [x.atMs, x.ids[0]])).toEqual([
      [0, 0],
      [10, 3], // r3 has not timed out: it goes before the delayed r1, r2
      [20, 1],
      [30, 2],
    ]);
    expect(t.rejected).toEqual([]);
  });

  it('rejects settings Triton rejects', () => {
    expect(() => new TritonBatcher({ ...base, preferredBatchSizes: [5] })).toThrow(/preferredBatchSizes/);
    expect(() => new TritonBatcher({ ...base, maxBatchSize: 0 })).toThrow(/maxBatchSize/);
    expect(() => new TritonBatcher({ ...base, instanceCount: 0 })).toThrow(/instanceCount/);
  });
});

describe('Triton dynamic batcher: properties on random arrivals', () => {
  const specArb = fc
    .record({
      maxBatchSize: fc.integer({ min: 1, max: 8 }),
      pref: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }),
      maxQueueDelayMs: fc.constantFrom(0, 2, 7),
      maxQueueSize: fc.constantFrom(0, 3, 10),
      timeoutAction: fc.constantFrom(TIMEOUT_REJECT, TIMEOUT_DELAY),
      defaultTimeoutMs: fc.constantFrom(0, 15),
      instanceCount: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ pref, ...s }) => ({ ...s, preferredBatchSizes: pref.filter((p) => p <= s.maxBatchSize) }));
  const arrivalsArb = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));

  it('every batch follows one documented rule; nothing is lost; same input, same batches', () => {
    fc.assert(
      fc.property(specArb, arrivalsArb, fc.integer({ min: 1, max: 12 }), (spec, arrivals, serviceMs) => {
        const t = drive(spec, arrivals, serviceMs);
        t.batches.forEach((batch, k) => {
          const size = batch.ids.length;
          const { queued, oldestWaitMs } = t.context[k];
          expect(size).toBeLessThanOrEqual(spec.maxBatchSize);
          const largestPref = Math.max(0, ...spec.preferredBatchSizes.filter((p) => p <= Math.min(queued, spec.maxBatchSize)));
          if (largestPref > 0) expect(size).toBe(largestPref);
          else if (size !== spec.maxBatchSize) {
            expect(size).toBe(queued);
            if (spec.maxQueueDelayMs > 0) expect(oldestWaitMs).toBeGreaterThanOrEqual(spec.maxQueueDelayMs - 1e-9);
          }
        });
        const served = t.batches.reduce((s, x) => s + x.ids.length, 0);
        expect(served + t.rejected.length + t.refused.length).toBe(arrivals.length);
        if (spec.timeoutAction === TIMEOUT_REJECT) {
          const order = t.batches.flatMap((x) => x.ids);
          expect(order).toEqual([...order].sort((a, b) => a - b)); // FIFO
        }
        expect(drive(spec, arrivals, serviceMs)).toEqual(t);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the batcher under a fault scenario (instances cut or crashed, queue emptied)', () => {
  it('a cut below the running batches starts nothing until enough of them end; a raise starts at once', () => {
    const b = new TritonBatcher({ ...base, instanceCount: 2 });
    const out = new Int32Array(4);
    for (let id = 0; id < 8; id++) b.enqueue(id, 0);
    expect(b.decide(0)).toBe(4);
    b.dispatch(4, out);
    expect(b.decide(0)).toBe(4);
    b.dispatch(4, out);
    for (let id = 8; id < 12; id++) b.enqueue(id, 1);
    b.setInstances(1); // two batches run on one instance's worth: one must end before anything starts
    expect(b.freeInstances).toBe(-1);
    b.release();
    expect(b.decide(2)).toBe(0);
    b.release();
    expect(b.decide(3)).toBe(4);
    b.dispatch(4, out);
    expect(Array.from(out)).toEqual([8, 9, 10, 11]);
    b.setInstances(2);
    expect(b.freeInstances).toBe(1);
  });

  it('a crash: 0 instances decide nothing; drain gives every queued id oldest first, DELAY-ed ones last', () => {
    const b = new TritonBatcher({ ...base, maxBatchSize: 8, maxQueueDelayMs: 100, defaultTimeoutMs: 5, timeoutAction: TIMEOUT_DELAY, instanceCount: 1 });
    b.enqueue(0, 0);
    b.enqueue(1, 0);
    expect(b.decide(0)).toBe(0);
    b.enqueue(2, 10);
    expect(b.decide(10)).toBe(0); // 0 and 1 timed out: moved behind 2
    b.setInstances(0);
    b.enqueue(3, 11);
    expect(b.decide(200)).toBe(0);
    expect(b.drain()).toEqual([2, 3, 0, 1]);
    expect(b.size).toBe(0);
    b.setInstances(1);
    b.enqueue(4, 300);
    expect(b.decide(300 + 100)).toBe(1);
  });
});
