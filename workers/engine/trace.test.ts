import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates';
import { simulateDesign } from './run';
import type { Topology } from './schema';
import { CALL_ASYNC, CALL_OK, CALL_TIMEOUT, REQ_OK, type TraceResult, traceBuffers, traceDocument } from './trace';

/** Arrivals at `rate` for `sec` seconds, then none: a run of `sec + tail` seconds completes every request. */
function burstOnly(doc: Topology, rate: number, sec: number): Topology {
  return { ...doc, workload: { ...doc.workload, ratePerSec: rate, profile: [{ atSec: 0, ratePerSec: rate }, { atSec: sec, ratePerSec: 0 }] } };
}

function expectTimeOrdered(t: TraceResult): void {
  for (let k = 0; k < t.visitReq.length; k++) {
    expect(t.visitEnterMs[k]).toBeGreaterThanOrEqual(t.reqArriveMs[t.visitReq[k]]);
    if (!Number.isNaN(t.visitStartMs[k])) {
      expect(t.visitStartMs[k]).toBeGreaterThanOrEqual(t.visitEnterMs[k]);
      expect(t.visitEndMs[k]).toBeGreaterThanOrEqual(t.visitStartMs[k]);
    }
    if (k > 0) expect(t.visitEndMs[k]).toBeGreaterThanOrEqual(t.visitEndMs[k - 1]);
  }
  for (let k = 0; k < t.callReq.length; k++) {
    expect(t.callArriveMs[k]).toBeGreaterThanOrEqual(t.callSendMs[k]);
    if (!Number.isNaN(t.callReturnMs[k])) expect(t.callReturnMs[k]).toBeGreaterThanOrEqual(t.callSendMs[k]);
    if (k > 0) expect(t.callSendMs[k]).toBeGreaterThanOrEqual(t.callSendMs[k - 1]);
  }
  for (let k = 1; k < t.levelMs.length; k++) expect(t.levelMs[k]).toBeGreaterThanOrEqual(t.levelMs[k - 1]);
  for (let r = 1; r < t.requests; r++) expect(t.reqArriveMs[r]).toBeGreaterThan(t.reqArriveMs[r - 1]);
}

/** Every call follows a document edge, and every visit a call made is at that call's target, entering when the call arrives. */
function expectRouting(doc: Topology, t: TraceResult): void {
  const edges = new Map(doc.edges.map((e) => [e.id, e]));
  for (let k = 0; k < t.callReq.length; k++) {
    const e = edges.get(t.edgeIds[t.callEdge[k]])!;
    expect([t.nodeIds[t.callFrom[k]], t.nodeIds[t.callTo[k]]]).toEqual([e.source, e.target]);
    expect(t.callArriveMs[k] - t.callSendMs[k]).toBeCloseTo(e.networkMs, 9);
    expect(t.callOutcome[k] === CALL_ASYNC).toBe(e.mode === 'async');
  }
  for (let k = 0; k < t.visitReq.length; k++) {
    const c = t.visitCall[k];
    if (c < 0) {
      expect(t.nodeIds[t.visitNode[k]]).toBe(doc.workload.entry);
      continue;
    }
    expect(t.visitNode[k]).toBe(t.callTo[c]);
    expect(t.visitReq[k]).toBe(t.callReq[c]);
    expect(t.visitEnterMs[k]).toBe(t.callArriveMs[c]);
  }
}

describe('traceDocument', () => {
  it('records the tandem line in order: stage1 → stage2 → stage3 for every request', () => {
    const doc = loadTemplate('tandem');
    const t = traceDocument(doc, { requests: 50 });
    expect(t.requests).toBe(50);
    expect(t.startMs).toBeGreaterThanOrEqual(doc.run.warmupSec * 1000);
    expectTimeOrdered(t);
    expectRouting(doc, t);
    for (let r = 0; r < t.requests; r++) {
      const nodes = [...t.visitReq.keys()].filter((k) => t.visitReq[k] === r).map((k) => t.nodeIds[t.visitNode[k]]);
      expect(nodes).toEqual(['stage1', 'stage2', 'stage3']);
      expect(t.reqStatus[r]).toBe(REQ_OK);
    }
    expect(t.endMs).toBe(Math.max(...t.reqEndMs));
  });

  it('is deterministic: same seed, same trace; another seed, another trace', () => {
    const doc = loadTemplate('netflix');
    const a = traceDocument(doc, { requests: 80, seed: 7 });
    const b = traceDocument(doc, { requests: 80, seed: 7 });
    const c = traceDocument(doc, { requests: 80, seed: 8 });
    expect(b).toEqual(a);
    expect(c.reqEndMs).not.toEqual(a.reqEndMs);
    expectTimeOrdered(a);
    expectRouting(doc, a);
    expect(a.callOutcome.some((o) => o === CALL_ASYNC)).toBe(true);
  });

  it('gives each request the latency the engine gives it (same seed): count, mean and max agree', () => {
    for (const id of ['mm1', 'tandem', 'netflix', 'fanout', 'uber-michelangelo', 'netflix-autoscaled']) {
      const doc = burstOnly(loadTemplate(id), 60, 2);
      const t = traceDocument(doc, { startSec: 0, requests: 200 });
      expect(t.requests).toBeGreaterThan(40); // the profile ramps from 60 req/s down to 0 over 2 s
      expect(t.requests).toBeLessThan(200); // every arrival was sampled
      const engine = simulateDesign(doc, { durationSec: 5, warmupSec: 0, replications: 1 }).endToEnd;
      const ends = [...t.reqEndMs.keys()].filter((r) => t.reqStatus[r] === REQ_OK).sort((x, y) => t.reqEndMs[x] - t.reqEndMs[y]);
      const lat = ends.map((r) => t.reqEndMs[r] - t.reqArriveMs[r]);
      expect(engine.arrivals, id).toBe(t.requests);
      expect(engine.completed, id).toBe(lat.length);
      expect(engine.meanMs, id).toBeCloseTo(lat.reduce((s, x) => s + x, 0) / lat.length, 9);
      expect(engine.maxMs, id).toBe(Math.max(...lat));
    }
  });

  it('records level changes consistent with its visits: queue and busy counts start from the snapshot and never go negative', () => {
    const doc = loadTemplate('mmc');
    const t = traceDocument(doc, { requests: 100, ratePerSec: doc.workload.ratePerSec * 1.1 });
    const q = Int32Array.from(t.initialQueued);
    for (let k = 0; k < t.levelMs.length; k++) {
      expect(t.levelQueued[k]).toBeGreaterThanOrEqual(0);
      expect(t.levelBusy[k]).toBeGreaterThanOrEqual(0);
      expect(t.levelBusy[k]).toBeLessThanOrEqual(t.nodeServers[t.levelNode[k]]);
      expect(Math.abs(t.levelQueued[k] - q[t.levelNode[k]])).toBeLessThanOrEqual(1);
      q[t.levelNode[k]] = t.levelQueued[k];
    }
    expect(t.levelMs.length).toBeGreaterThan(100);
    expect(t.levelMs[0]).toBeGreaterThanOrEqual(t.startMs);
  });

  it('marks timed-out attempts and their retries', () => {
    const doc = loadTemplate('mm1');
    const slow: Topology = {
      ...doc,
      nodes: [
        { ...doc.nodes[0], id: 'front', label: 'Front', serviceTime: { dist: 'deterministic', meanMs: 1 } },
        { ...doc.nodes[0], id: 'back', label: 'Back', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 20 } },
      ],
      edges: [{ id: 'f-b', source: 'front', target: 'back', mode: 'sync', probability: 1, count: 1, networkMs: 1, timeoutMs: 30, retries: 2, stage: null }],
      workload: { ...doc.workload, entry: 'front', ratePerSec: 40 },
    };
    const t = traceDocument(slow, { requests: 150 });
    expectTimeOrdered(t);
    expectRouting(slow, t);
    const timeouts = [...t.callOutcome].filter((o) => o === CALL_TIMEOUT).length;
    expect(timeouts).toBeGreaterThan(5);
    for (let k = 0; k < t.callReq.length; k++) {
      if (t.callOutcome[k] === CALL_TIMEOUT) expect(t.callReturnMs[k] - t.callSendMs[k]).toBeCloseTo(30, 9);
      if (t.callOutcome[k] === CALL_OK) expect(t.callReturnMs[k] - t.callSendMs[k]).toBeLessThan(30);
    }
  });

  it('refuses a sample size out of range and lists each buffer once for transfer', () => {
    const doc = loadTemplate('mm1');
    expect(() => traceDocument(doc, { requests: 0 })).toThrow(/requests/);
    expect(() => traceDocument(doc, { requests: 201 })).toThrow(/requests/);
    const t = traceDocument(doc, { requests: 5 });
    const buffers = traceBuffers(t);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBe(Object.values(t).filter((v) => ArrayBuffer.isView(v)).length);
  });
});
