/**
 * Traces of documents with fault events and resilience patterns: recorded by
 * the simulator a normal run uses (scenario, pattern), so failures show with
 * the engine's causes, at the times the scenario says.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates';
import type { ScenarioEvent, ScenarioEventSpec } from './resilience/scenarioSchema';
import { simulateDesign } from './run';
import type { Topology } from './schema';
import { CALL_FAILED, CALL_TIMEOUT, CAUSE_NAMES, type CauseName, REQ_DROPPED, REQ_FAILED, REQ_OK, type TraceResult, traceDocument } from './trace';

const cause = (name: CauseName) => CAUSE_NAMES.indexOf(name);

/** Arrivals at `rate` for `sec` seconds, then none, with the given fault events. */
function faulted(id: string, rate: number, sec: number, events: ScenarioEventSpec[]): Topology {
  const doc = loadTemplate(id);
  return {
    ...doc,
    workload: { ...doc.workload, ratePerSec: rate, profile: [{ atSec: 0, ratePerSec: rate }, { atSec: sec, ratePerSec: 0 }] },
    scenario: { events: events as ScenarioEvent[] },
  };
}

/** Requests per outcome cause: failed and dropped ones by their recorded cause. */
function causeCounts(t: TraceResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (let r = 0; r < t.requests; r++) {
    if (t.reqStatus[r] === REQ_OK) {
      expect(t.reqCause![r]).toBe(-1);
      continue;
    }
    expect([REQ_FAILED, REQ_DROPPED]).toContain(t.reqStatus[r]);
    const c = t.reqCause![r];
    expect(c, `request ${r} failed without a cause`).toBeGreaterThanOrEqual(0);
    out[CAUSE_NAMES[c]] = (out[CAUSE_NAMES[c]] ?? 0) + 1;
  }
  return out;
}

describe('traces under a fault scenario', () => {
  it('ranker-gpu-loss: starts just before the crash; requests fail with cause crash at the crash and none before it', () => {
    const doc = loadTemplate('ranker-gpu-loss');
    const crash = doc.scenario!.events[0];
    const atMs = crash.atSec * 1000;
    const endMs = (crash.atSec + crash.durationSec) * 1000;
    const t = traceDocument(doc);
    expect(t.startMs).toBeLessThan(atMs);
    expect(t.endMs).toBeGreaterThan(atMs);
    const failed = [...t.reqStatus.keys()].filter((r) => t.reqStatus[r] !== REQ_OK);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(t.reqStatus[r]).toBe(REQ_FAILED);
      expect(CAUSE_NAMES[t.reqCause![r]]).toBe('crash');
      expect(t.reqEndMs[r]).toBeGreaterThanOrEqual(atMs);
      expect(t.reqEndMs[r]).toBeLessThan(endMs);
    }
    // Every request that ended before the crash was answered.
    for (let r = 0; r < t.requests; r++) if (t.reqEndMs[r] < atMs) expect(t.reqStatus[r]).toBe(REQ_OK);
    // The visits that failed were at the ranker, at the crash instant, cause crash; each failed request has one.
    const ranker = t.nodeIds.indexOf('ranker');
    const failedVisits = [...t.visitCause!.keys()].filter((k) => t.visitCause![k] >= 0);
    for (const k of failedVisits) {
      expect([t.visitNode[k], t.visitEndMs[k], t.visitCause![k]]).toEqual([ranker, atMs, cause('crash')]);
    }
    expect(new Set(failedVisits.map((k) => t.visitReq[k]))).toEqual(new Set(failed));
    // Their ranker calls failed with cause crash and returned at the crash.
    for (let k = 0; k < t.callReq.length; k++) {
      if (t.callOutcome[k] !== CALL_FAILED) continue;
      expect(t.callCause![k]).toBe(cause('crash'));
      expect(t.callReturnMs[k]).toBe(atMs);
    }
  });

  it('records the engine’s outcome for every request: completed, mean latency and errors by cause agree with a normal run', () => {
    const docs: [string, Topology][] = [
      ['errors', faulted('tandem', 60, 2, [{ atSec: 0.4, durationSec: 1, kind: 'errors', target: 'stage2', fraction: 0.4 }])],
      ['outage', faulted('ranker-gpu-loss', 80, 2, [{ atSec: 0.6, durationSec: 0.5, kind: 'outage', target: 'ranker' }])],
      ['crash', faulted('ranker-gpu-loss', 90, 2, [{ atSec: 0.5, durationSec: 1, kind: 'crash', target: 'reranker', replicas: 2 }])],
      ['partition', faulted('retry-storm-breaker', 60, 2, [{ atSec: 0.5, durationSec: 0.5, kind: 'partition', target: 'gateway-features', mode: 'fail' }])],
      ['hang', faulted('retry-storm-breaker', 60, 2, [{ atSec: 0.5, durationSec: 0.5, kind: 'partition', target: 'gateway-features', mode: 'hang' }])],
      ['storm', faulted('retry-storm-breaker', 80, 2.4, [{ atSec: 0.3, durationSec: 1, kind: 'latency', target: 'features', factor: 6 }])],
    ];
    for (const [name, doc] of docs) {
      const t = traceDocument(doc, { startSec: 0, requests: 200 });
      expect(t.requests, name).toBeLessThan(200); // every arrival sampled
      const engine = simulateDesign(doc, { durationSec: 6, warmupSec: 0, replications: 1 }).endToEnd;
      expect(engine.arrivals, name).toBe(t.requests);
      const ok = [...t.reqStatus.keys()].filter((r) => t.reqStatus[r] === REQ_OK);
      expect(engine.completed, name).toBe(ok.length);
      const lat = ok.map((r) => t.reqEndMs[r] - t.reqArriveMs[r]);
      expect(engine.meanMs, name).toBeCloseTo(lat.reduce((s, x) => s + x, 0) / lat.length, 9);
      const byCause = Object.fromEntries(Object.entries(engine.errorsByCause ?? {}).filter(([, n]) => n > 0));
      expect(causeCounts(t), name).toEqual(byCause);
      expect(Object.keys(byCause).length, `${name}: the fault failed some requests`).toBeGreaterThan(0);
    }
  });

  it('a partition: failed attempts never reach the callee (arrival NaN), with cause partition; a hang ends in timeouts', () => {
    const fail = faulted('retry-storm-breaker', 60, 2, [{ atSec: 0.5, durationSec: 0.5, kind: 'partition', target: 'gateway-features', mode: 'fail' }]);
    const t = traceDocument(fail, { startSec: 0, requests: 200 });
    const cut = [...t.callReq.keys()].filter((k) => Number.isNaN(t.callArriveMs[k]));
    expect(cut.filter((k) => t.callCause![k] === cause('partition')).length).toBeGreaterThan(0);
    for (const k of cut) {
      expect(t.callSendMs[k]).toBeGreaterThanOrEqual(500);
      // Cut by the partition while it lasts, or refused by the breaker its failures opened (open for a while after).
      expect([t.callOutcome[k], t.callReturnMs[k]]).toEqual([CALL_FAILED, t.callSendMs[k]]);
      expect(['partition', 'breakerOpen']).toContain(CAUSE_NAMES[t.callCause![k]]);
      if (t.callCause![k] === cause('partition')) expect(t.callSendMs[k]).toBeLessThan(1000);
      // No visit answers a call that never arrived.
      expect(t.visitCall.includes(k)).toBe(false);
    }
    const hang = faulted('retry-storm-breaker', 60, 2, [{ atSec: 0.5, durationSec: 0.5, kind: 'partition', target: 'gateway-features', mode: 'hang' }]);
    const h = traceDocument(hang, { startSec: 0, requests: 200 });
    const hung = [...h.callReq.keys()].filter((k) => Number.isNaN(h.callArriveMs[k]));
    expect(hung.length).toBeGreaterThan(0);
    let timedOut = 0;
    for (const k of hung) {
      if (h.callOutcome[k] === CALL_FAILED) {
        // Refused at once by the breaker the timeouts opened (a refused retry keeps the timeout as its cause).
        expect(['breakerOpen', 'timeout']).toContain(CAUSE_NAMES[h.callCause![k]]);
        expect(h.callReturnMs[k]).toBe(h.callSendMs[k]);
        continue;
      }
      expect([h.callOutcome[k], h.callCause![k]]).toEqual([CALL_TIMEOUT, cause('timeout')]);
      expect(h.callReturnMs[k] - h.callSendMs[k]).toBeCloseTo(100, 9); // the edge's timeoutMs
      timedOut++;
    }
    expect(timedOut).toBeGreaterThan(0);
  });

  it('an attempt that failed is closed as failed with its cause when its retry goes out', () => {
    const doc = faulted('retry-storm-breaker', 60, 2, [{ atSec: 0.2, durationSec: 1.5, kind: 'errors', target: 'features', fraction: 0.5 }]);
    const t = traceDocument(doc, { startSec: 0, requests: 200 });
    let retried = 0;
    for (let k = 0; k < t.callReq.length; k++) {
      if (t.callOutcome[k] !== CALL_FAILED) continue;
      // An injected error, or the refusal of the breaker those errors opened.
      expect(['error', 'breakerOpen']).toContain(CAUSE_NAMES[t.callCause![k]]);
      const next = k + 1 < t.callReq.length && t.callReq[k + 1] === t.callReq[k] ? k + 1 : -1;
      if (next >= 0 && t.callSendMs[next] === t.callReturnMs[k]) {
        retried++;
        expect(t.callCause![k]).toBe(cause('error'));
      }
    }
    expect(retried).toBeGreaterThan(5);
  });

  it('with a back-off: a failed attempt ends when it fails, the retry goes out after the wait (none longer than maxMs)', () => {
    const doc = faulted('retry-storm-breaker', 60, 2, [{ atSec: 0, durationSec: 3, kind: 'errors', target: 'features', fraction: 1 }]);
    const withBackoff: Topology = {
      ...doc,
      edges: doc.edges.map((e) => ({ ...e, circuitBreaker: undefined, backoff: { baseMs: 20, multiplier: 2, maxMs: 80, jitter: 'none' as const } })),
    };
    const t = traceDocument(withBackoff, { startSec: 0, requests: 20 });
    let waits = 0;
    for (let r = 0; r < t.requests; r++) {
      const calls = [...t.callReq.keys()].filter((k) => t.callReq[k] === r);
      expect(calls.length).toBe(4); // the first attempt and 3 retries, all failed
      calls.forEach((k, n) => {
        expect([t.callOutcome[k], t.callCause![k]]).toEqual([CALL_FAILED, cause('error')]);
        if (n === 0) return;
        // Back-off before retry n: min(80, 20 × 2^(n−1)) ms without jitter.
        expect(t.callSendMs[k] - t.callReturnMs[calls[n - 1]]).toBeCloseTo(Math.min(80, 20 * 2 ** (n - 1)), 9);
        waits++;
      });
      expect(CAUSE_NAMES[t.reqCause![r]]).toBe('error');
    }
    expect(waits).toBe(3 * t.requests);
  });
});
