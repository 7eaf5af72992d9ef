/**
 * Delay lanes (delayLanes.ts) beside the event heap must give exactly the
 * order one heap gives: by time, then by the order events were scheduled.
 * Here against a reference (one EventQueue holding everything), and, in the
 * simulator, lanes on vs off on random documents with shared delays and ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile';
import { DelayLanes, MAX_LANES } from './delayLanes';
import { EventQueue } from './eventQueue';
import { parseTopology } from './parse';
import type { DesignRaw } from './raw';
import { resolveRun, simSpec } from './run';
import type { Topology } from './schema';
import { Simulator } from './simulate';

function chainDoc(delays: number[], service: 'exponential' | 'deterministic' = 'exponential'): Topology {
  const r = parseTopology({
    format: 'loadsketch',
    version: 1,
    nodes: delays.map((_, i) => ({ id: `n${i}`, kind: 'service', serviceTime: { dist: service, meanMs: 2 } })).concat([{ id: 'leaf', kind: 'service', serviceTime: { dist: service, meanMs: 2 } }]),
    edges: delays.map((d, i) => ({ id: `e${i}`, source: `n${i}`, target: i + 1 < delays.length ? `n${i + 1}` : 'leaf', networkMs: d })),
    workload: { entry: 'n0', ratePerSec: 50, arrival: 'constant' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

/** The fields of two raw results whose bytes differ (typed arrays compared bit for bit). */
function differingFields(a: DesignRaw, b: DesignRaw): string[] {
  const bytes = (v: unknown) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.from(JSON.stringify(v)));
  return (Object.keys(a) as (keyof DesignRaw)[]).filter((k) => !bytes(a[k]).equals(bytes(b[k])));
}

describe('delay lanes', () => {
  it('give one lane per distinct positive delay, in edge order, up to MAX_LANES; the rest and zero delays use the heap', () => {
    const delays = [1, 0, 3, 1, 0.5, 2, 7, 3];
    const lanes = new DelayLanes(compileModel(chainDoc(delays)));
    expect(MAX_LANES).toBe(4);
    expect(Array.from(lanes.laneOfEdge)).toEqual([0, -1, 1, 0, 2, 3, -1, 1]);
    expect(lanes.count).toBe(4);
    expect(new DelayLanes(compileModel(chainDoc(delays)), 0).count).toBe(0);
  });

  it('merged with the heap, pop events in the order a single heap does (random schedules with ties and lanes growing past their first ring)', () => {
    const op = fc.oneof(
      fc.record({ lane: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ heapDelay: fc.constantFrom(0, 0.5, 1, 2, 3, 4.25) }),
      fc.record({ pop: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 0, max: 200 }), (ops, burst) => {
        const doc = chainDoc([1, 2, 4.25]);
        const m = compileModel(doc);
        const lanes = new DelayLanes(m);
        const laneDelay = [1, 2, 4.25];
        const q = new EventQueue();
        const ref = new EventQueue();
        let now = 0;
        let id = 0;
        const got: number[] = [];
        const want: number[] = [];
        const popBoth = () => {
          const fromHeap = q.size > 0 && (q.peekTime() < lanes.bestMs || (q.peekTime() === lanes.bestMs && q.peekSeq() < lanes.bestSeq));
          if (fromHeap) {
            now = q.pop();
            got.push(q.a);
          } else {
            now = lanes.bestMs;
            got.push(lanes.pop());
          }
          ref.pop();
          want.push(ref.a);
        };
        // A burst on one lane first: more than a ring's 64 slots.
        for (let k = 0; k < burst; k++) {
          lanes.push(0, now + laneDelay[0], q.takeSeq(), id);
          ref.push(now + laneDelay[0], 0, id++, 0);
        }
        for (const o of ops) {
          if ('lane' in o) {
            lanes.push(o.lane, now + laneDelay[o.lane], q.takeSeq(), id);
            ref.push(now + laneDelay[o.lane], 0, id++, 0);
          } else if ('heapDelay' in o) {
            q.push(now + o.heapDelay, 0, id, 0);
            ref.push(now + o.heapDelay, 0, id++, 0);
          } else if (ref.size > 0) popBoth();
        }
        while (ref.size > 0) popBoth();
        expect(got).toEqual(want);
        expect(lanes.bestMs).toBe(Number.POSITIVE_INFINITY);
        expect(q.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('change no result: the simulator gives the same bytes with lanes as with every event on the heap (random documents on a 1 ms grid, so events tie all the time, some at full queues)', () => {
    const grid = fc.constantFrom(0, 1, 2, 3);
    const nodeArb = fc.record({ ms: grid, capacity: fc.constantFrom(null, 0, 1), parallel: fc.boolean(), servers: fc.constantFrom(1, 1, 2) });
    const edgeArb = fc.record({ from: fc.nat(), to: fc.nat(), networkMs: grid, timeoutMs: fc.constantFrom(null, null, 2, 3) });
    const arb = fc.record({
      nodes: fc.array(nodeArb, { minLength: 2, maxLength: 6 }),
      edges: fc.array(edgeArb, { minLength: 1, maxLength: 9 }),
      gapMs: fc.constantFrom(1, 2, 4),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, ({ nodes, edges, gapMs, seed }) => {
        const seen = new Set<string>();
        const r = parseTopology({
          format: 'loadsketch',
          version: 1,
          nodes: nodes.map((n, i) => ({
            id: `n${i}`,
            kind: 'service',
            concurrency: n.servers,
            serviceTime: { dist: 'deterministic', meanMs: n.ms },
            queueCapacity: n.capacity,
            callMode: n.parallel ? 'parallel' : 'sequential',
          })),
          edges: edges.flatMap((e, k) => {
            const s = e.from % nodes.length;
            const t = e.to % nodes.length;
            if (s >= t || seen.has(`${s}-${t}`)) return [];
            seen.add(`${s}-${t}`);
            return [{ id: `e${k}`, source: `n${s}`, target: `n${t}`, networkMs: e.networkMs, ...(e.timeoutMs === null ? {} : { timeoutMs: e.timeoutMs, retries: 1 }) }];
          }),
          workload: { entry: 'n0', ratePerSec: 1000 / gapMs, arrival: 'constant' },
        });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const doc = r.doc;
        const spec = simSpec(doc, resolveRun(doc, { durationSec: 0.5, warmupSec: 0.05, seed }), seed);
        const m = compileModel(doc);
        expect(differingFields(new Simulator(m, spec).run(), new Simulator(m, spec, 0).run())).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
