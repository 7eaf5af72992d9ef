import { describe, expect, it } from 'vitest';
import { traceDocument } from '../../workers/engine/trace';
import { loadTemplate } from '../../workers/templates';
import { DOT_ANSWER, DOT_QUEUED, DOT_SERVING, DOT_TRAVEL, frameAt, type Geometry, Levels } from './traceFrame';

/** Nodes side by side (200 px apart, 100×50); edges are straight lines from source's right to target's left. */
function lineGeometry(nodes: number, edgeEnds: [number, number][]): Geometry {
  const nodeBox = new Float64Array(4 * nodes);
  for (let i = 0; i < nodes; i++) nodeBox.set([i * 200, 0, 100, 50], 4 * i);
  return {
    nodeBox,
    edgePoint: (e, p, out) => {
      const [a, b] = edgeEnds[e];
      out[0] = a * 200 + 100 + p * (b * 200 - (a * 200 + 100));
      out[1] = 25;
    },
  };
}

describe('frameAt', () => {
  const doc = loadTemplate('tandem');
  const t = traceDocument(doc, { requests: 60, ratePerSec: 110 });
  const g = lineGeometry(3, [
    [0, 1],
    [1, 2],
  ]);
  const out = new Float32Array(3 * 500);

  it('puts each visit in service, in the queue, or on an edge, as the trace says', () => {
    let queuedSeen = 0;
    for (let tMs = t.startMs; tMs < t.endMs; tMs += 1.7) {
      const c = frameAt(t, tMs, 0.5, g, out);
      let expectServing = 0;
      let expectQueued = 0;
      for (let k = 0; k < t.visitReq.length; k++) {
        const from = t.visitCall[k] >= 0 ? Math.max(t.visitEnterMs[k], t.callSendMs[t.visitCall[k]] + 0.5) : t.visitEnterMs[k];
        if (tMs >= from && tMs < t.visitEndMs[k]) {
          if (tMs < t.visitStartMs[k]) expectQueued++;
          else expectServing++;
        }
      }
      const kinds = Array.from({ length: c.dots }, (_, d) => out[3 * d + 2]);
      expect(kinds.filter((k) => k === DOT_SERVING).length).toBe(expectServing);
      expect(kinds.filter((k) => k === DOT_QUEUED).length).toBe(Math.min(expectQueued, 14 * 3));
      expect(kinds.slice(0, c.moving).every((k) => k === DOT_TRAVEL || k === DOT_ANSWER)).toBe(true);
      for (let d = 0; d < c.moving; d++) expect(out[3 * d]).toBeGreaterThanOrEqual(100);
      queuedSeen += expectQueued;
    }
    expect(queuedSeen).toBeGreaterThan(0);
  });

  it('shows a call with no network cost travelling for the hop time, then at the callee', () => {
    const c = 0;
    const send = t.callSendMs[c];
    const mid = frameAt(t, send + 0.25, 0.5, g, out);
    expect(mid.moving).toBeGreaterThanOrEqual(1);
    const later = frameAt(t, send + 10_000, 0.5, g, out);
    expect(later.moving).toBe(0);
  });

  it('replays queue and busy levels forward and back to the same counts', () => {
    const a = new Levels(t);
    const mid = (t.startMs + t.endMs) / 2;
    a.seek(mid);
    const q1 = a.queued.slice();
    a.seek(t.endMs);
    a.seek(mid);
    expect(a.queued).toEqual(q1);
    const b = new Levels(t);
    b.seek(mid);
    expect(b.busy).toEqual(a.busy);
    expect(Math.max(...a.busy)).toBeLessThanOrEqual(1);
  });
});
