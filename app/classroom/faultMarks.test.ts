import { describe, expect, it } from 'vitest';
import { CAUSE_NAMES } from '../../workers/engine/resilience/failureCauses';
import type { ScenarioEvent } from '../../workers/engine/resilience/scenarioSchema';
import type { Topology } from '../../workers/engine/schema';
import { traceDocument } from '../../workers/engine/trace';
import { loadTemplate } from '../../workers/templates';
import { failureSummary, faultFrameAt, playbackFaults, serversUp } from './faultMarks';
import { DOT_FAILED, DOT_TRAVEL, failedCause, frameAt, type Geometry } from './traceFrame';

const withEvents = (doc: Topology, events: ScenarioEvent[]): Topology => ({ ...doc, scenario: { events } });
const ids = (doc: Topology) => doc.nodes.map((n) => n.id);
const marked = (doc: Topology, tMs: number) => {
  const pf = playbackFaults(doc, ids(doc), doc.edges.map((e) => e.id))!;
  const f = faultFrameAt(pf, tMs)!;
  return {
    nodes: ids(doc).filter((_, i) => f.nodes[i] !== null),
    edges: doc.edges.map((e) => e.id).filter((_, e) => f.edges[e] !== null),
    frame: f,
  };
};

describe('playbackFaults / faultFrameAt', () => {
  it('ranker-gpu-loss: the ranker is marked during [60 s, 120 s) and not before or after', () => {
    const doc = loadTemplate('ranker-gpu-loss');
    expect(marked(doc, 0).nodes).toEqual([]);
    expect(marked(doc, 59_999.999).nodes).toEqual([]);
    expect(marked(doc, 60_000).nodes).toEqual(['ranker']);
    expect(marked(doc, 119_999).nodes).toEqual(['ranker']);
    expect(marked(doc, 120_000).nodes).toEqual([]);
    const m = marked(doc, 90_000).frame.nodes[ids(doc).indexOf('ranker')]!;
    expect(m.kind).toBe('crash');
    expect(m.lines).toEqual(['⚡ Crash: 2 replicas down']);
  });

  it('the servers up while marked: replicas up × the concurrency a capacity cut leaves (as the engine counts them)', () => {
    const doc = loadTemplate('ranker-gpu-loss');
    const ranker = doc.nodes.find((n) => n.id === 'ranker')!;
    const total = ranker.replicas * ranker.concurrency;
    const m = marked(doc, 90_000).frame.nodes[ids(doc).indexOf('ranker')];
    expect([m!.replicasDown, m!.replicas]).toEqual([2, 8]);
    expect(serversUp(m, total)).toBe(6 * ranker.concurrency);
    expect(serversUp(null, total)).toBe(total);
    const cut = withEvents(loadTemplate('tandem'), [{ atSec: 1, durationSec: 1, kind: 'capacity', target: 'stage2', percent: 60 }]);
    const stage2 = cut.nodes[1];
    const c = marked(cut, 1500).frame.nodes[1];
    expect(serversUp(c, stage2.replicas * stage2.concurrency)).toBe(stage2.replicas * Math.max(1, Math.floor(stage2.concurrency * 0.4 + 1e-9)));
  });

  it('summarises the sample’s failures by cause', () => {
    const status = Uint8Array.from([0, 1, 1, 2, 0, 1]);
    const cause = Int8Array.from([-1, 1, 1, 5, -1, 4]);
    expect(failureSummary({ requests: 6, reqStatus: status, reqCause: cause })).toBe('4 failed: crash 2, dropped 1, timeout 1');
    // An old trace without causes: dropped ones still say so.
    expect(failureSummary({ requests: 6, reqStatus: status })).toBe('4 failed: error 3, dropped 1');
    expect(failureSummary({ requests: 2, reqStatus: Uint8Array.from([0, 0]), reqCause: Int8Array.from([-1, -1]) })).toBe('');
  });

  it('a document without events has no marks', () => {
    expect(playbackFaults(loadTemplate('tandem'), ['stage1'], [])).toBeNull();
  });

  it('overlapping events: both lines while both run, one after the first ends; a partition marks its edge only', () => {
    const doc = withEvents(loadTemplate('tandem'), [
      { atSec: 1, durationSec: 2, kind: 'latency', target: 'stage2', factor: 3 },
      { atSec: 2, durationSec: 3, kind: 'errors', target: 'stage2', fraction: 0.25 },
      { atSec: 2.5, durationSec: 1, kind: 'partition', target: doc0Edge(), mode: 'hang' },
    ]);
    expect(marked(doc, 500).nodes).toEqual([]);
    expect(marked(doc, 1500).frame.nodes[1]!.kinds).toEqual(['latency']);
    expect(marked(doc, 2200).frame.nodes[1]!.kinds).toEqual(['latency', 'errors']);
    expect(marked(doc, 2200).frame.nodes[1]!.lines).toEqual(['⚡ Latency spike: service time ×3', '⚡ Errors: 25 % of visits fail']);
    expect(marked(doc, 2600).edges).toEqual([doc0Edge()]);
    expect(marked(doc, 2600).frame.edges[0]!.mode).toBe('hang');
    expect(marked(doc, 2600).nodes).toEqual(['stage2']); // a partition marks the call, not its ends
    expect(marked(doc, 3500).edges).toEqual([]);
    expect(marked(doc, 3500).frame.nodes[1]!.kinds).toEqual(['errors']);
    expect(marked(doc, 5000).frame.count).toBe(0);
  });

  it('an event on a deployment unit marks every node of the unit', () => {
    const base = loadTemplate('tandem');
    const doc = withEvents({ ...base, nodes: base.nodes.map((n) => (n.id === 'stage3' ? n : { ...n, unit: 'box' })) }, [
      { atSec: 1, durationSec: 1, kind: 'outage', target: 'box' },
    ]);
    expect(marked(doc, 1500).nodes).toEqual(['stage1', 'stage2']);
    expect(marked(doc, 2500).nodes).toEqual([]);
  });
});

function doc0Edge(): string {
  return loadTemplate('tandem').edges[0].id;
}

/** Nodes side by side (200 px apart, 100×50); edges straight from source's right to target's left. */
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

describe('frameAt under faults', () => {
  const out = new Float32Array(3 * 600);
  const kindsAt = (t: ReturnType<typeof traceDocument>, tMs: number, g: Geometry) => {
    const c = frameAt(t, tMs, 0.5, g, out);
    return Array.from({ length: c.dots }, (_, d) => ({ x: out[3 * d], kind: out[3 * d + 2] }));
  };

  it('a visit that failed at its node shows a ✕ with its cause there from its failure on, for a few hops', () => {
    const doc = withEvents(loadTemplate('tandem'), [{ atSec: 1.2, durationSec: 1, kind: 'outage', target: 'stage2' }]);
    const t = traceDocument(doc, { startSec: 1.1, requests: 40, ratePerSec: 100 });
    const g = lineGeometry(3, [
      [0, 1],
      [1, 2],
    ]);
    const failed = [...t.visitCause!.keys()].filter((k) => t.visitCause![k] >= 0);
    expect(failed.length).toBeGreaterThan(5);
    for (const k of failed) {
      expect(CAUSE_NAMES[t.visitCause![k]]).toBe('outage');
      expect(t.nodeIds[t.visitNode[k]]).toBe('stage2');
      const at = Math.max(t.visitEndMs[k], t.callSendMs[t.visitCall[k]] + 0.5);
      // Before the failure no ✕; just after, a ✕ named "outage" on stage2's box (x 200..300); gone 6 hops later.
      const crosses = (tMs: number) => kindsAt(t, tMs, g).filter((d) => d.kind >= DOT_FAILED);
      expect(crosses(at + 0.01).some((d) => failedCause(d.kind) === CAUSE_NAMES.indexOf('outage') && d.x >= 200 && d.x <= 300)).toBe(true);
      expect(crosses(at - 1e-6).length).toBeLessThan(crosses(at + 0.01).length);
    }
    const last = Math.max(...failed.map((k) => Math.max(t.visitEndMs[k], t.callSendMs[t.visitCall[k]] + 0.5)));
    expect(kindsAt(t, last + 0.5 * 6 + 0.01, g).filter((d) => d.kind >= DOT_FAILED)).toEqual([]);
  });

  it('an attempt a partition stopped never reaches the callee: it fails half-way along its edge', () => {
    const base = loadTemplate('tandem');
    const e0 = base.edges[0];
    const doc = withEvents({ ...base, edges: base.edges.map((e) => (e.id === e0.id ? { ...e, timeoutMs: 20, retries: 0 } : e)) }, [
      { atSec: 1.2, durationSec: 0.3, kind: 'partition', target: e0.id, mode: 'hang' },
    ]);
    const t = traceDocument(doc, { startSec: 1.1, requests: 40, ratePerSec: 100 });
    const g = lineGeometry(3, [
      [0, 1],
      [1, 2],
    ]);
    const cut = [...t.callReq.keys()].filter((k) => Number.isNaN(t.callArriveMs[k]));
    expect(cut.length).toBeGreaterThan(3);
    const mid = 100 + 0.5 * 100; // half-way along edge 0 (x 100..200)
    for (const k of cut) {
      const dots = (tMs: number) => kindsAt(t, tMs, g).filter((d) => Math.abs(d.x - mid) < 1e-3);
      // Hung half-way until its timeout (20 ms), then a ✕ "timeout" there.
      expect(dots(t.callSendMs[k] + 10).some((d) => d.kind === DOT_TRAVEL)).toBe(true);
      expect(dots(t.callReturnMs[k] + 0.01).some((d) => failedCause(d.kind) === CAUSE_NAMES.indexOf('timeout'))).toBe(true);
    }
  });
});
