/**
 * A trace: a short sample of real requests recorded from the real engine, for
 * the classroom animation. {@link traceDocument} runs replication 0 of the
 * document (same seed, same code as a normal run) with the simulator class a
 * normal run of it uses (plain, elastic, scenario or pattern: see
 * traceRecorder.ts) extended by hooks that record, for the first N
 * requests arriving after a start time, every visit (node, queue-enter,
 * service-start, service-end times) and every call attempt or async message
 * (edge, send / arrive / return times), plus every change of every node's
 * waiting and busy counts while the sample is in the system, and why each
 * failed request, visit or attempt failed. Normal runs use the simulators
 * themselves, so recording costs them nothing. Times in ms.
 */
import { type CompiledModel, compileModel } from './compile';
import { ElasticSimulator } from './autoscale/elasticSim';
import { ElasticScenarioSimulator } from './resilience/elasticScenarioSim';
import { ElasticPatternSimulator, PatternSimulator } from './resilience/patternSim';
import { ScenarioSimulator } from './resilience/scenarioSim';
import { LIMITS } from './limits';
import { replicationSeed } from './rng';
import { resolveRun, simSpec } from './run';
import type { Topology } from './schema';
import { type SimSpec, Simulator } from './simulate';
import { Traced } from './traceRecorder';
import { MAX_TRACE_OFFERED, MAX_TRACE_REQUESTS, type TraceOptions, type TraceResult } from './traceResult';

export * from './traceResult';

/** The simulator classes a document may need, each with the recording hooks (made once). */
const TRACED = {
  plain: Traced(Simulator),
  elastic: Traced(ElasticSimulator),
  scenario: Traced(ScenarioSimulator),
  pattern: Traced(PatternSimulator),
  elasticScenario: Traced(ElasticScenarioSimulator),
  elasticPattern: Traced(ElasticPatternSimulator),
};

/** The class a normal run of the model uses (resilience/patternSim.ts's simulateDesignRaw), traced. */
function tracedSimulator(m: CompiledModel, spec: SimSpec) {
  const e = m.anyElastic;
  const C = m.patterns !== null ? (e ? TRACED.elasticPattern : TRACED.pattern) : m.scenario !== null ? (e ? TRACED.elasticScenario : TRACED.scenario) : e ? TRACED.elastic : TRACED.plain;
  return new C(m, spec) as InstanceType<typeof C>;
}
type TraceSimulator = ReturnType<typeof tracedSimulator>;

/** Work budget of a trace (events + arrival steps): a trace is a short animation, it stops here whatever the document. */
export const MAX_TRACE_EVENTS = 20_000_000;

/**
 * Where a trace starts when not told: at the warm-up's end, or, for a
 * document with fault events, so that a third of the sample (`sampleMs` long)
 * arrives before the first event starts and the rest during it.
 */
export function defaultStartMs(doc: Topology, warmupSec: number, sampleMs: number): number {
  const events = doc.scenario?.events ?? [];
  if (events.length === 0) return warmupSec * 1000;
  const firstMs = Math.min(...events.map((e) => e.atSec * 1000));
  return Math.max(0, firstMs - sampleMs / 3);
}

/**
 * Simulates replication 0 of `doc` with the real engine and records the first
 * `requests` requests arriving at or after `startSec` (see {@link TraceResult}).
 * Pure and deterministic: the same document and options give the same trace,
 * and each sampled request's latency equals the one a normal run of the same
 * seed gives it. The simulation stops at a horizon a few sample lengths past
 * the start (requests still in flight then are `REQ_UNFINISHED`).
 * Throws a RangeError naming the option when a value is out of range.
 */
export function traceDocument(doc: Topology, opts: TraceOptions = {}): TraceResult {
  const run = resolveRun(doc, { ratePerSec: opts.ratePerSec, seed: opts.seed });
  const requests = opts.requests ?? 60;
  if (!Number.isInteger(requests) || requests < 1 || requests > MAX_TRACE_REQUESTS) {
    throw new RangeError(`requests must be a whole number from 1 to ${MAX_TRACE_REQUESTS} (got ${requests})`);
  }
  const perMs = run.ratePerSec / 1000;
  const startMs = Math.min(opts.startSec !== undefined ? opts.startSec * 1000 : defaultStartMs(doc, run.warmupSec, requests / perMs), MAX_TRACE_OFFERED / 2 / perMs);
  if (!(startMs >= 0)) throw new RangeError(`startSec must be at least 0 (got ${opts.startSec})`);
  const horizonMs = Math.min(startMs + Math.max(5000, (4 * requests) / perMs), startMs + MAX_TRACE_OFFERED / 2 / perMs, LIMITS.maxDurationSec * 1000);
  const model = compileModel(doc);
  const budget = { ...run, warmupSec: 0, durationSec: horizonMs / 1000, windowSec: horizonMs / 1000, maxEventsPerReplication: MAX_TRACE_EVENTS };
  const spec = simSpec(doc, budget, replicationSeed(run.seed, 0));
  const sim = tracedSimulator(model, spec).sample({ startMs, requests });
  sim.run();
  return pack(model, sim, horizonMs);
}

function pack(model: CompiledModel, sim: TraceSimulator, horizonMs: number): TraceResult {
  const r = sim.rec;
  const n = model.nodeCount;
  const f64 = (a: number[]) => Float64Array.from(a);
  const i32 = (a: number[]) => Int32Array.from(a);
  return {
    nodeIds: model.nodeIds.slice(),
    edgeIds: model.edgeIds.slice(),
    nodeServers: model.nodeServers.slice(),
    startMs: Number.isNaN(sim.firstMs) ? horizonMs : sim.firstMs,
    endMs: Number.isNaN(sim.doneMs) ? horizonMs : sim.doneMs,
    requests: r.reqArrive.length,
    reqArriveMs: f64(r.reqArrive),
    reqEndMs: f64(r.reqEnd),
    reqStatus: Uint8Array.from(r.reqStatus),
    reqCause: Int8Array.from(r.reqCause),
    visitReq: i32(r.vReq),
    visitNode: i32(r.vNode),
    visitCall: i32(r.vCall),
    visitEnterMs: f64(r.vEnter),
    visitStartMs: f64(r.vStart),
    visitEndMs: f64(r.vEnd),
    visitCause: Int8Array.from(r.vCause),
    callReq: i32(r.cReq),
    callEdge: i32(r.cEdge),
    callFrom: i32(r.cFrom),
    callTo: i32(r.cTo),
    callSendMs: f64(r.cSend),
    callArriveMs: f64(r.cArrive),
    callReturnMs: f64(r.cReturn),
    callOutcome: Uint8Array.from(r.cOutcome),
    callCause: Int8Array.from(r.cCause),
    initialQueued: sim.initialQueued ?? new Int32Array(n),
    initialBusy: sim.initialBusy ?? new Int32Array(n),
    levelNode: i32(r.lNode),
    levelMs: f64(r.lMs),
    levelQueued: i32(r.lQueued),
    levelBusy: i32(r.lBusy),
    truncated: sim.truncated,
  };
}
