/**
 * Fault scenarios on llm-servers (vLLM-style engines, scenarioLlm.ts): a crash of 2 of 4 replicas
 * fails what their engines held (cause crash) only at the crash instant; an outage at low load
 * fails ≈ λ·d; a latency factor scales every engine step (TPOT × factor + addMs at low load);
 * conservation with causes; the same bits from 1 or 4 workers; a no-op event leaves the run the
 * plain run, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import type { ReplicationResult } from '../raw';
import type { DesignResult } from '../results';
import { combineReplications, resolveRun, runPoint, simSpec, simulateDesign, simulateReplication } from '../run';
import { replicationSeed } from '../rng';
import type { Topology } from '../schema';
import { simulate } from '../simulate';
import { testDoc2 } from '../testing/docs';
import type { ScenarioEventSpec } from './scenarioSchema';
import { ScenarioSimulator } from './scenarioSim';
import { conserved } from '../testing/conservation';

interface Opts {
  ratePerSec?: number;
  arrival?: string;
  replicas?: number;
  output?: number;
  edge?: Record<string, unknown>;
}

const det = (mean: number) => ({ dist: 'deterministic', mean });

/**
 * api → llm (an llm-server, 4 replicas by default; α = 10 ms, β = 0.1 ms/token; 100 input and
 * 50 output tokens: alone, a request takes 20 + 49 × 10.1 = 514.9 ms), warm-up 5 s, 60 windows of 1 s.
 */
function llmDoc(events: ScenarioEventSpec[], o: Opts = {}): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 2, concurrency: 256, serviceTime: { dist: 'exponential', meanMs: 0.5 } },
      { id: 'llm', kind: 'llm-server', replicas: o.replicas ?? 4, balancer: 'least-outstanding', llm: { alphaMs: 10, betaMs: 0.1, kvCacheTokens: 100_000 } },
    ],
    edges: [{ id: 'api-llm', source: 'api', target: 'llm', networkMs: 1, ...o.edge }],
    workload: { entry: 'api', arrival: o.arrival ?? 'poisson', ratePerSec: o.ratePerSec ?? 20, tokens: { input: det(100), output: det(o.output ?? 50) } },
    run: { durationSec: 60, warmupSec: 5, seed: 7 },
    scenario: { events },
  });
}


const sum = (xs: ArrayLike<number>, from: number, to: number) => Array.from(xs).slice(from, to).reduce((a, b) => a + b, 0);
const mean = (xs: ArrayLike<number>, from: number, to: number) => sum(xs, from, to) / (to - from);
const llmErrors = (d: DesignResult) => d.nodes.find((n) => n.id === 'llm')!.faultSeries!.errors;

describe('fault scenarios on llm-servers', () => {
  it('a crash of 2 of 4 replicas fails what their engines held (cause crash) only at the crash, and the node recovers', () => {
    const d = simulateDesign(llmDoc([{ atSec: 20, durationSec: 10, kind: 'crash', target: 'llm', replicas: 2 }]));
    const errs = llmErrors(d);
    expect(errs.length).toBe(60);
    // λ = 20/s, ~0.52 s each: ~10 requests in the engines, ~5 on replicas 2 and 3; they fail at 20 s, nothing else does.
    expect(sum(errs, 0, 20)).toBe(0);
    expect(errs[20]).toBeGreaterThan(0);
    expect(sum(errs, 21, 60)).toBe(0);
    expect(d.endToEnd.errors).toBe(errs[20]);
    expect(d.endToEnd.errors).toBeLessThan(20);
    expect(d.endToEnd.errorsByCause?.crash).toBe(d.endToEnd.errors);
    // The survivors carry the load during the crash; all four take it again after (they come back empty).
    expect(mean(d.timeSeries.throughputPerSec, 22, 30) / 20).toBeGreaterThan(0.8);
    expect(mean(d.timeSeries.throughputPerSec, 35, 60) / 20).toBeGreaterThan(0.85);
    expect(mean(d.timeSeries.throughputPerSec, 35, 60) / 20).toBeLessThan(1.15);
    expect(mean(d.nodes.find((n) => n.id === 'llm')!.faultSeries!.inFlight, 35, 60) / mean(d.nodes.find((n) => n.id === 'llm')!.faultSeries!.inFlight, 5, 20)).toBeGreaterThan(0.8);
    conserved(d);
  });

  it('with a retry the crashed engines’ requests go to the survivors: no request fails', () => {
    const events: ScenarioEventSpec[] = [{ atSec: 20, durationSec: 10, kind: 'crash', target: 'llm', replicas: 2 }];
    const d = simulateDesign(llmDoc(events, { edge: { timeoutMs: 60_000, retries: 1 } }));
    expect(sum(llmErrors(d), 20, 21)).toBeGreaterThan(0);
    expect(d.endToEnd.errors).toBe(0);
    conserved(d);
  });

  it('an outage of d seconds at low load fails about λ·d requests, all by cause outage', () => {
    const d = simulateDesign(llmDoc([{ atSec: 20, durationSec: 10, kind: 'outage', target: 'llm' }], { ratePerSec: 10 }));
    // λ·d = 100 (Poisson: sd = 10), plus the ~5 the engines held at 20 s.
    expect(d.endToEnd.errors).toBeGreaterThan(100 - 35);
    expect(d.endToEnd.errors).toBeLessThan(105 + 35);
    expect(d.endToEnd.errorsByCause?.outage).toBe(d.endToEnd.errors);
    const errs = llmErrors(d);
    expect(sum(errs, 0, 20)).toBe(0);
    expect(sum(errs, 30, 60)).toBe(0);
    expect(mean(d.timeSeries.throughputPerSec, 35, 60) / 10).toBeGreaterThan(0.8);
    conserved(d);
  });

  it('a latency factor scales every engine step: at low load TPOT 10.1 ms → 2 × 10.1 + 3 ms, TTFT 20 → 43 ms', () => {
    // One replica, a request every 2 s, each alone in its engine (≤ 1.2 s each): prefill 20 ms, decode steps 10.1 ms.
    const opts: Opts = { replicas: 1, ratePerSec: 0.5, arrival: 'constant' };
    const events: ScenarioEventSpec[] = [{ atSec: 0, durationSec: 100, kind: 'latency', target: 'llm', factor: 2, addMs: 3 }];
    const slow = simulateDesign(llmDoc(events, opts)).llm!;
    const base = simulateDesign({ ...llmDoc(events, opts), scenario: undefined }).llm!;
    expect(base.tpotMs.mean).toBeCloseTo(10.1, 9);
    expect(slow.tpotMs.mean).toBeCloseTo(2 * 10.1 + 3, 9);
    expect(base.ttftMs.mean).toBeCloseTo(20, 9);
    expect(slow.ttftMs.mean).toBeCloseTo(2 * 20 + 3, 9);
  });

  it('a latency ×2 during part of the run doubles TPOT only for the requests decoded inside it', () => {
    const opts: Opts = { replicas: 1, ratePerSec: 0.5, arrival: 'constant' };
    const half = simulateDesign(llmDoc([{ atSec: 5, durationSec: 27.5, kind: 'latency', target: 'llm', factor: 2 }], opts)).llm!;
    // Warm-up 5 s; the event covers half the measured 55 s: the mean TPOT is ≈ (10.1 + 20.2) / 2.
    expect(half.tpotMs.mean / 15.15).toBeGreaterThan(0.97);
    expect(half.tpotMs.mean / 15.15).toBeLessThan(1.03);
  });

  it('a decode request whose KV transfer ends on a crashed replica fails as it arrives (cause crash)', () => {
    // gw → pre (prefill) → dec (decode, 2 replicas, round-robin); the KV transfer takes 1 + 500 + 1 ms, decoding 4 × 8.2 ms.
    // At a constant 20/s, replica 1 of dec has ~5 transfers under way at the crash and ~0.3 requests in its engine.
    const model = { preset: 'llama-2-7b@a100-80gb', alphaMs: 10, betaMs: 0.1 };
    const doc = testDoc2({
      hardware: [{ id: 'a100-80', label: 'A100 80GB', cpuCores: 12, gpus: 1, gpuMemoryGb: 80, costPerHour: 4 }],
      nodes: [
        { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 0 } },
        { id: 'pre', kind: 'llm-server', hardware: 'a100-80', balancer: 'round-robin', llm: { ...model, mode: 'prefill' } },
        { id: 'dec', kind: 'llm-server', replicas: 2, hardware: 'a100-80', balancer: 'round-robin', llm: { ...model, alphaMs: 8, betaMs: 0.2, mode: 'decode' } },
      ],
      edges: [
        { id: 'a', source: 'gw', target: 'pre', networkMs: 0 },
        { id: 'kv', source: 'pre', target: 'dec', networkMs: 1, kvTransfer: { fixedMs: 500, gbPerSec: 52.4288 } },
      ],
      workload: { entry: 'gw', arrival: 'constant', ratePerSec: 20, tokens: { input: det(100), output: det(5) } },
      run: { durationSec: 60, warmupSec: 5, seed: 7 },
      scenario: { events: [{ atSec: 20, durationSec: 10, kind: 'crash', target: 'dec', replicas: 1 }] },
    });
    const d = simulateDesign(doc);
    const errs = d.nodes.find((n) => n.id === 'dec')!.faultSeries!.errors;
    expect(sum(errs, 0, 20)).toBe(0);
    expect(errs[20]).toBeGreaterThanOrEqual(4);
    expect(errs[20]).toBeLessThanOrEqual(6);
    expect(sum(errs, 21, 60)).toBe(0);
    expect(d.endToEnd.errorsByCause?.crash).toBe(d.endToEnd.errors);
    expect(d.endToEnd.errors).toBe(errs[20]);
    conserved(d);
  });

  it('a crashed engine’s step in flight is void: after short crashes every decode step still takes exactly one step time', () => {
    // One replica, steps of 700 ms whatever their tokens (β = 0), 10 in and 4 out tokens, Poisson 2/s. Crashes of 0.1 s
    // cut steps in flight; requests arriving after each comes back start a new step before the void one would have ended.
    const events: ScenarioEventSpec[] = [15.35, 25.35, 35.35, 45.35].map((atSec) => ({ atSec, durationSec: 0.1, kind: 'crash', target: 'llm', replicas: 1 }));
    const d = testDoc2({
      nodes: [{ id: 'llm', kind: 'llm-server', replicas: 1, balancer: 'round-robin', llm: { alphaMs: 700, betaMs: 0, kvCacheTokens: 100_000 } }],
      workload: { entry: 'llm', ratePerSec: 2, tokens: { input: det(10), output: det(4) } },
      run: { durationSec: 60, warmupSec: 5, seed: 5 },
      scenario: { events },
    });
    const r = simulateDesign(d);
    expect(r.endToEnd.errorsByCause?.crash).toBeGreaterThan(0);
    expect(r.llm!.completed).toBeGreaterThan(50);
    // Continuous batching: a running sequence decodes one token per step, steps back to back: TPOT = 700 ms exactly.
    expect(r.llm!.tpotMs.mean).toBeCloseTo(700, 6);
    conserved(r);
  });

  const kinds: [string, ScenarioEventSpec[], Opts][] = [
    ['a crash with retries and a streaming edge', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'llm', replicas: 3 }], { ratePerSec: 40, edge: { timeoutMs: 5000, retries: 2, streaming: true } }],
    ['an outage with a timeout', [{ atSec: 10, durationSec: 5, kind: 'outage', target: 'llm' }], { ratePerSec: 30, edge: { timeoutMs: 800 } }],
    ['overlapping crash, latency and errors', [
      { atSec: 15, durationSec: 10, kind: 'crash', target: 'llm', replicas: 1 },
      { atSec: 12, durationSec: 20, kind: 'latency', target: 'llm', factor: 3 },
      { atSec: 20, durationSec: 20, kind: 'errors', target: 'llm', fraction: 0.1 },
    ], { ratePerSec: 30 }],
  ];
  for (const [name, events, opts] of kinds) {
    it(`conservation under ${name}: arrivals = completed + errors + dropped + rejected + in flight, Σ by cause = errors + dropped + rejected`, () => {
      const d = simulateDesign(llmDoc(events, opts));
      conserved(d);
      expect(sum(llmErrors(d), 0, 60)).toBeGreaterThan(0);
    });
  }

  it('gives identical results from 1 or 4 workers', () => {
    const doc = llmDoc([{ atSec: 10, durationSec: 10, kind: 'crash', target: 'llm', replicas: 2 }], { ratePerSec: 30, edge: { timeoutMs: 2000, retries: 1 } });
    const opts = { replications: 4 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [3, 1, 0, 2].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    expect(combineReplications(doc, opts, reps)).toEqual(one);
    expect(sum(one.microservices.nodes.find((n) => n.id === 'llm')!.faultSeries!.errors, 0, 60)).toBeGreaterThan(0);
  });

  it('before its first event a scenario run on an llm-server is the plain run, bit for bit', () => {
    const doc = llmDoc([{ atSec: 30, durationSec: 10, kind: 'latency', target: 'llm', factor: 1 }]);
    const m = compileModel(doc);
    const run = resolveRun(doc);
    const spec = simSpec(doc, run, replicationSeed(run.seed, 0));
    const a = new ScenarioSimulator(m, spec).run();
    const b = simulate(compileModel({ ...doc, scenario: undefined }), spec);
    expect(Array.from(a.latency)).toEqual(Array.from(b.latency));
    expect(Array.from(a.nodeStats)).toEqual(Array.from(b.nodeStats));
    expect(Array.from(a.series)).toEqual(Array.from(b.series));
    expect(Array.from(a.llm!)).toEqual(Array.from(b.llm!));
  });

  it('a crash leaves the run the plain run before it: the same requests completed in the first 20 windows', () => {
    const crashed = simulateDesign(llmDoc([{ atSec: 20, durationSec: 10, kind: 'crash', target: 'llm', replicas: 2 }]));
    const plain = simulateDesign({ ...llmDoc([], {}), scenario: undefined });
    const firstWindows = (d: DesignResult) => [...Array.from(d.timeSeries.throughputPerSec).slice(0, 20), ...Array.from(d.timeSeries.p99Ms).slice(0, 20)];
    expect(firstWindows(crashed)).toHaveLength(40);
    expect(firstWindows(crashed)).toEqual(firstWindows(plain));
  });
});

describe('fault scenarios on llm-servers co-located in the monolith', () => {
  // api → small (an llm-server, 2 engines); the monolith co-locates one engine of small in each of its replicas.
  const doc = (events: ScenarioEventSpec[]) =>
    testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 4, concurrency: 64, serviceTime: { dist: 'exponential', meanMs: 2 } },
        { id: 'small', kind: 'llm-server', replicas: 2, balancer: 'least-outstanding', llm: { alphaMs: 10, betaMs: 0.1, kvCacheTokens: 100_000 } },
      ],
      edges: [{ id: 'api-small', source: 'api', target: 'small', networkMs: 1 }],
      workload: { entry: 'api', ratePerSec: 10, tokens: { input: det(100), output: det(50) } },
      monolith: { sizing: 'replicas', replicas: 2 },
      run: { durationSec: 60, warmupSec: 5, seed: 3 },
      scenario: { events },
    });

  it('a crash of 1 of 2 engines crashes half the monolith’s engines: what the dead one held fails at the crash, the rest goes to the engine left', () => {
    const p = runPoint(doc([{ atSec: 20, durationSec: 10, kind: 'crash', target: 'small', replicas: 1 }]), { replications: 1 });
    const notes = p.monolith.deployment?.scenarioNotes ?? [];
    expect(notes.some((n) => /1 of 2 engines → a 0\.5 share of its engines in the monolith/.test(n))).toBe(true);
    const mono = p.monolith;
    const errs = mono.nodes.find((n) => n.id === 'small')!.faultSeries!.errors;
    expect(sum(errs, 0, 20)).toBe(0);
    expect(errs[20]).toBeGreaterThan(0);
    expect(sum(errs, 21, 60)).toBe(0);
    expect(mono.endToEnd.errorsByCause?.crash).toBe(mono.endToEnd.errors);
    conserved(mono);
    conserved(p.microservices);
  });

  it('a crash of monolith replicas (a merged component’s) takes their co-located engines down too', () => {
    const p = runPoint(doc([{ atSec: 20, durationSec: 10, kind: 'crash', target: 'api', replicas: 2 }]), { replications: 1 });
    const errs = p.monolith.nodes.find((n) => n.id === 'small')!.faultSeries!.errors;
    // The engines on the crashed half of the unit fail what they held at 20 s; nothing before or after.
    expect(errs[20]).toBeGreaterThan(0);
    expect(sum(errs, 0, 20)).toBe(0);
    expect(sum(errs, 21, 60)).toBe(0);
    conserved(p.monolith);
  });
});
