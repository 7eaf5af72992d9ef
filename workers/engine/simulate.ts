/**
 * The discrete-event simulation of one design for one replication.
 *
 * A request is a tree of visits ("frames"). A visit waits FCFS for a server
 * of its node's station (with balanced replicas, of the replica the
 * balancer chose: balancer.ts), is served (a batch at a time on a batching
 * node: batchCost.ts), releases the server (or holds it until its calls
 * return), then makes the node's outgoing calls stage by stage (calls.ts,
 * compileCalls.ts). A sync call answers after
 * `networkMs` plus the callee's response; an async edge sends a message that
 * adds load only. Timeouts start a new attempt (the abandoned one still runs
 * to completion in the callee). See docs/model.md for every rule.
 */
import { ArrivalProcess, type BurstSpec, RateCurve, type RatePoint } from './arrivals';
import { ReplicaChooser } from './balancer';
import type { CompiledModel } from './compile';
import { bucketOf as bucketOfImported } from './histogram';
import { IntQueue } from './intQueue';
import * as R from './raw';
import type { DesignRaw } from './raw';
import { Rng, streamSeed } from './rng';
import { MAX_LIVE_VISITS } from './calls';
import { SPECIAL_LLM, SPECIAL_TRITON } from './compileEngines';
import { LlmSim } from './llm/llmSim';
import { ServiceDraws } from './serviceDraws';
import * as E from './events';
import * as S from './simState';
import { LIMITS } from './limits';

// Module-local bindings: imported bindings can cost a getter call per use under some loaders (tsx, vite-node).
const { NODE_FIELDS, N_BUSY_AREA, N_DROPPED, N_SERVED, N_TIN_SUM, N_VISITS, N_WAIT_SUM, SERIES_FIELDS, S_ARRIVALS, T_ARRIVALS, T_CAP_DROPS, T_DROPPED, T_EVENTS, T_IN_FLIGHT, T_MEASURED_MS, T_SATURATED, T_SAT_NODE, T_VISITS, T_CUT_BUDGET, T_CUT_DEADLINE, T_SIMULATED_MS } = R;
const { F_ASYNC, F_COUNTED, F_HOLDING, F_ROOT } = S;
const bucketOf = bucketOfImported;

/** Version 1's batch cost: a batch of b takes one sampled service time × (1 + BATCH_ALPHA × (b − 1)) (see batchCost.ts). */
export const BATCH_ALPHA = 0.1;
export { HARD_MAX_LIVE_VISITS, MAX_LIVE_VISITS } from './calls';
const { EV_ARRIVAL, EV_AUTOSCALE, EV_BATCH_DONE, EV_BATCH_TIMER, EV_DONE, EV_HEDGE, EV_LLM_ADMIT, EV_LLM_STEP, EV_MID, EV_NODE, EV_REPLICA_READY, EV_RETRY, EV_SCENARIO, EV_SUBMIT, EV_TIMEOUT, EV_TRITON_DONE, EV_TRITON_TIMER } = E;

/** What one simulation needs besides the model. Times in ms. */
export interface SimSpec {
  arrival: number;
  ratePerSec: number;
  profile: readonly RatePoint[] | null;
  burst: BurstSpec;
  warmupMs: number;
  durationMs: number;
  windowMs: number;
  /** Replication seed (streams are derived from it). */
  seed: number;
  /** Work budget and deadline (default: LIMITS.maxEventsPerReplication, no deadline). */
  budget?: SimBudget;
}

/**
 * How much one replication may do. `maxEvents` counts events processed plus
 * arrival-process steps. `expired` is the caller's wall-clock deadline (the
 * engine never reads a clock itself): asked every BUDGET_CHECK_EVERY events.
 */
export interface SimBudget {
  maxEvents?: number;
  expired?: () => boolean;
  /** Told how far the replication has got (simulated ms of its duration), at the same checks as `expired`: long runs (a day) report progress through it. */
  progress?: (simulatedMs: number, durationMs: number) => void;
}

/** Events between two looks at the work budget and the deadline (a power of two; the check is one comparison per event). */
export const BUDGET_CHECK_EVERY = 65_536;

/** Runs one replication of one design and returns its raw statistics. Pure and deterministic. */
export function simulate(m: CompiledModel, spec: SimSpec): DesignRaw {
  return new Simulator(m, spec).run();
}

/**
 * One replication's simulator. Exported so that workers/engine/trace.ts can
 * subclass it to record a sample of requests (its protected hooks); normal
 * runs use this class as is, so recording costs them nothing.
 */
export class Simulator extends LlmSim {
  private readonly arrivals: ArrivalProcess;
  /** Per node: its service times, drawn ahead from the node's own stream. */
  private readonly service: ServiceDraws[] = [];
  /** Per station: servers free (negative while an autoscaled pooled group drains servers it removed). */
  protected readonly free: Int32Array;
  protected readonly fifo: IntQueue[] = [];
  /** Per batcher (one per replica of a batching node): its waiting requests, and 1 while its batch waits for a server. */
  private readonly batchQ: IntQueue[] = [];
  private readonly batchToken: Uint8Array;
  private readonly batcherNode: Int32Array;
  private readonly batcherStation: Int32Array;
  /** The load balancer of the balanced replica groups; null when every group is pooled. */
  protected readonly lb: ReplicaChooser | null;
  private readonly midQueue: Float64Array;
  /** The next arrival's time (ms; +∞ when none is left) and its place in the event order. */
  private arrivalMs = Number.POSITIVE_INFINITY;
  private arrivalSeq = 0;
  private readonly maxEvents: number;
  private readonly expired: (() => boolean) | undefined;
  private readonly progress: ((simulatedMs: number, durationMs: number) => void) | undefined;
  /** 0, or T_CUT_BUDGET / T_CUT_DEADLINE: why the run stopped before its end. */
  private cutBy = 0;

  /** maxLanes: how many network delays get a delay lane (default MAX_LANES; the results are the same for any value). */
  constructor(m: CompiledModel, spec: SimSpec, maxLanes?: number) {
    super(m, spec.warmupMs, spec.durationMs, spec.windowMs, spec.seed, maxLanes);
    const curve = new RateCurve(spec.ratePerSec, spec.profile);
    this.maxEvents = spec.budget?.maxEvents ?? LIMITS.maxEventsPerReplication;
    this.expired = spec.budget?.expired;
    this.progress = spec.budget?.progress;
    this.arrivals = new ArrivalProcess(spec.arrival, curve, spec.burst, new Rng(streamSeed(spec.seed, 0)), spec.durationMs, this.maxEvents);
    this.batcherNode = new Int32Array(m.batcherCount);
    this.batcherStation = new Int32Array(m.batcherCount);
    for (let i = 0; i < m.nodeCount; i++) {
      this.service.push(new ServiceDraws(m, i, new Rng(streamSeed(spec.seed, 1 + 2 * i))));
      if (m.nodeBatcher0[i] < 0) continue;
      const g = m.nodeGroup[i];
      for (let r = 0; r < m.groupReplicas[g]; r++) {
        this.batcherNode[m.nodeBatcher0[i] + r] = i;
        this.batcherStation[m.nodeBatcher0[i] + r] = m.groupStation0[g] + r;
        this.batchQ.push(new IntQueue(64));
      }
    }
    this.free = m.stationServers.slice();
    for (let s = 0; s < m.stationCount; s++) this.fifo.push(new IntQueue());
    this.batchToken = new Uint8Array(m.batcherCount);
    this.midQueue = new Float64Array(m.groupCount);
    this.lb = m.anyBalanced ? this.makeChooser(m, spec.seed) : null;
  }

  /** The load balancer of the balanced groups (autoscale/elasticSim.ts gives one that picks only ready replicas). */
  protected makeChooser(m: CompiledModel, seed: number): ReplicaChooser {
    return new ReplicaChooser(m, seed);
  }

  /** "The autoscaler ticks" and "a replica is ready": only autoscaled designs schedule these (autoscale/elasticSim.ts). */
  protected onElastic(_kind: number, _a: number, _b: number): void {}

  /** "A scenario change point is reached": only designs with fault events schedule it (resilience/scenarioSim.ts). */
  protected onScenario(_segment: number): void {}

  /** "A user of a closed workload sends a request": only closed workloads schedule it (resilience/patternSim.ts). */
  protected onSubmit(_user: number): void {}

  /** "A back-off ends, the call retries": only edges with a back-off schedule it (resilience/patternSim.ts). */
  protected onRetry(_call: number, _token: number): void {}

  /** "A hedge timer fires": only hedged edges schedule it (resilience/patternSim.ts). */
  protected onHedge(_call: number, _token: number): void {}

  run(): DesignRaw {
    const q = this.q;
    this.scheduleArrival(this.arrivals.next());
    q.push((this.warmMs + this.endMs) / 2, EV_MID, 0, 0);
    const endMs = this.endMs;
    let events = 0;
    let checkAt = Math.min(BUDGET_CHECK_EVERY, this.maxEvents);
    const lanes = this.lanes;
    for (;;) {
      // The earliest of three sources, by (time, sequence number) as one heap would order them: the
      // heap's top, the next arrival (kept outside the heap: one heap operation fewer per request)
      // and the earliest head of the delay lanes (network hops; see delayLanes.ts).
      let t = Number.POSITIVE_INFINITY;
      let seq = 0;
      let kind = -1;
      if (q.size > 0) {
        t = q.peekTime();
        seq = q.peekSeq();
      }
      const at = this.arrivalMs;
      if (at < t || (at === t && this.arrivalSeq < seq)) {
        t = at;
        seq = this.arrivalSeq;
        kind = EV_ARRIVAL;
      }
      const lt = lanes.bestMs;
      if (lt < t || (lt === t && lanes.bestSeq < seq)) {
        t = lt;
        kind = EV_NODE;
      }
      if (!(t <= endMs)) break;
      if (events >= checkAt) {
        if (this.overBudget(events)) break;
        checkAt = Math.min(events + BUDGET_CHECK_EVERY, this.maxEvents);
      }
      let a = 0;
      if (kind < 0) {
        q.pop();
        kind = q.kind;
        a = q.a;
      } else if (kind === EV_NODE) a = lanes.pop();
      // Invariant: the clock never goes back (and never becomes NaN). Checked on every event; the property tests rely on it.
      if (!(t >= this.now)) throw new Error(`simulation clock went from ${this.now} to ${t} ms`);
      this.now = t;
      events++;
      switch (kind) {
        case EV_ARRIVAL:
          this.onArrival();
          break;
        case EV_NODE:
          this.arrive(a);
          break;
        case EV_DONE:
          this.onDone(a);
          break;
        case EV_BATCH_DONE:
          this.onBatchDone(a);
          break;
        case EV_TIMEOUT:
          this.onTimeout(a, q.b);
          break;
        case EV_BATCH_TIMER:
          this.batchCheck(a);
          break;
        default:
          // The mid-run snapshot, or a mechanism's own event (kept out of this loop so that it stays small: docs/performance.md).
          if (kind === EV_MID) this.snapshotQueues(this.midQueue);
          else this.onMechanismEvent(kind, a, q.b);
      }
    }
    if (!this.cutBy && this.arrivals.exhausted) this.cutBy = T_CUT_BUDGET;
    if (!this.cutBy) this.now = this.endMs;
    this.raw.totals[T_EVENTS] = events;
    return this.finish();
  }

  /** True (and the reason noted) when the work budget is spent or the caller's deadline has passed. */
  private overBudget(events: number): boolean {
    this.progress?.(this.now, this.endMs);
    if (events + this.arrivals.steps >= this.maxEvents || this.arrivals.exhausted) this.cutBy = T_CUT_BUDGET;
    else if (this.expired?.()) this.cutBy = T_CUT_DEADLINE;
    return this.cutBy !== 0;
  }

  /** An event of one of the optional mechanisms (Triton batching, LLM serving, autoscaling): a = b = its operands. */
  private onMechanismEvent(kind: number, a: number, b: number): void {
    switch (kind) {
      case EV_LLM_STEP:
        this.onLlmStep(a);
        break;
      case EV_TRITON_DONE:
        this.onTritonDone(a, b);
        break;
      case EV_TRITON_TIMER:
        this.onTritonTimer(a);
        break;
      case EV_LLM_ADMIT:
        this.llmAdmit(a);
        break;
      case EV_AUTOSCALE:
      case EV_REPLICA_READY:
        this.onElastic(kind, a, b);
        break;
      case EV_SCENARIO:
        this.onScenario(a);
        break;
      case EV_SUBMIT:
        this.onSubmit(a);
        break;
      case EV_RETRY:
        this.onRetry(a, b);
        break;
      case EV_HEDGE:
        this.onHedge(a, b);
        break;
      default:
        throw new Error(`unknown event kind ${kind}`);
    }
  }

  /** The next arrival at time t (ms), or none when t is past the end; ordered as if pushed on the event queue now. */
  private scheduleArrival(t: number): void {
    if (t <= this.endMs) {
      this.arrivalMs = t;
      this.arrivalSeq = this.q.takeSeq();
    } else this.arrivalMs = Number.POSITIVE_INFINITY;
  }

  protected onArrival(): void {
    const now = this.now;
    const t = this.raw.totals;
    const counted = now >= this.warmMs;
    this.raw.series[this.windowOf(now) * SERIES_FIELDS + S_ARRIVALS]++;
    if (counted) t[T_ARRIVALS]++;
    this.scheduleArrival(this.arrivals.next());
    if (this.live >= MAX_LIVE_VISITS) {
      this.capHit = true;
      t[T_CAP_DROPS]++;
      if (counted) t[T_DROPPED]++;
      return;
    }
    const f = this.allocFrame();
    this.fNode[f] = this.m.entry;
    this.fStation[f] = -1;
    this.fCall[f] = -1;
    this.fFlags[f] = counted ? F_ROOT | F_COUNTED : F_ROOT;
    if (counted) this.countedLive++;
    if (this.llmOn) this.llmNewRequest(f);
    this.arrive(f);
  }

  /**
   * Frame f arrives at its node: a replica is chosen (balanced groups), then it starts service, waits, or is dropped.
   * Kept small (the batching path is its own method) so that V8 can inline it into its callers: the hot path.
   */
  protected arrive(f: number): void {
    const i = this.fNode[f];
    const m = this.m;
    this.fArriveMs[f] = this.now;
    if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_VISITS]++;
    const lb = this.lb;
    const s = lb === null ? m.nodeStation[i] : lb.station(i, this.fStation[f]);
    this.fStation[f] = s;
    if (m.nodeBatchMax[i] > 0) {
      this.arriveBatched(f, i, s);
      return;
    }
    if (this.free[s] > 0) {
      if (lb !== null) lb.outstanding[s]++;
      this.startService(f, i, s);
      return;
    }
    const cap = m.nodeCap[i];
    if (cap >= 0 && this.nQueued[i] >= cap) {
      this.drop(f, i);
      return;
    }
    if (lb !== null) lb.outstanding[s]++;
    this.queueDelta(i, 1);
    this.fifo[s].push(f);
  }

  /** Frame f reaches a batching, Triton or LLM node i at station s (nodeBatchMax > 0; which one: nodeSpecial, compileEngines.ts). */
  private arriveBatched(f: number, i: number, s: number): void {
    const special = this.m.nodeSpecial[i];
    if (special === SPECIAL_LLM) {
      this.llmArrive(f, i, s);
      return;
    }
    const cap = this.m.nodeCap[i];
    if (cap >= 0 && this.nQueued[i] >= cap) {
      this.drop(f, i);
      return;
    }
    if (special === SPECIAL_TRITON) {
      this.tritonArrive(f, i, s);
      return;
    }
    const m = this.m;
    if (this.lb !== null) this.lb.outstanding[s]++;
    this.queueDelta(i, 1);
    const bt = m.nodeBatcher0[i] + m.stationReplica[s];
    const bq = this.batchQ[bt];
    bq.push(f);
    if (bq.size === 1 && m.nodeBatchWaitMs[i] > 0) this.q.push(this.now + m.nodeBatchWaitMs[i], EV_BATCH_TIMER, bt, 0);
    this.batchCheck(bt);
  }

  protected outstandingDelta(s: number, d: number): void {
    if (this.lb !== null) this.lb.outstanding[s] += d;
  }

  protected drawService(i: number): number {
    return this.service[i].next();
  }

  protected startService(f: number, i: number, s: number): void {
    this.free[s]--;
    this.busyDelta(i, 1);
    if (this.lb !== null) this.replicaBusyAt(i, s, 1);
    this.fStartMs[f] = this.now;
    this.raw.totals[T_VISITS]++;
    this.q.push(this.now + this.service[i].next(), EV_DONE, f, 0);
  }

  protected onDone(f: number): void {
    const i = this.fNode[f];
    this.recordVisit(f, i);
    if (this.m.nodeHold[i]) this.fFlags[f] |= F_HOLDING;
    else this.release(i, this.fStation[f], 1);
    this.beginCalls(f, i);
  }

  protected recordVisit(f: number, i: number): void {
    const arrived = this.fArriveMs[f];
    if (arrived < this.warmMs) return;
    const s = this.raw.nodeStats;
    const o = i * NODE_FIELDS;
    const tin = this.now - arrived;
    s[o + N_SERVED]++;
    s[o + N_WAIT_SUM] += this.fStartMs[f] - arrived;
    s[o + N_TIN_SUM] += tin;
    this.raw.nodeHist[i * this.nodeBuckets + bucketOf(tin, this.nodeBits)]++;
  }

  /** Frees one server of station s (node i's work; `visits` visits leave it) and starts whoever waits there. */
  protected release(i: number, s: number, visits: number): void {
    this.busyDelta(i, -1);
    if (this.lb !== null) {
      this.replicaBusyAt(i, s, -1);
      this.lb.outstanding[s] -= visits;
    }
    this.free[s]++;
    this.serveWaiting(s);
  }

  /** Starts whoever waits at station s while it has free servers. */
  protected serveWaiting(s: number): void {
    const line = this.fifo[s];
    while (this.free[s] > 0 && line.size > 0) {
      const j = line.shift();
      if (j < 0) this.dispatchBatch(-j - 1);
      else {
        const nj = this.fNode[j];
        this.queueDelta(nj, -1);
        this.startService(j, nj, s);
      }
    }
  }

  /**
   * Balanced groups only (a pooled group has no per-replica slots): the busy
   * count of node i's replica at station s changes by d. Out of line, so the
   * pooled hot path carries one branch for it.
   */
  protected replicaBusyAt(i: number, s: number, d: number): void {
    const rb = this.m.nodeReplicaBase[i];
    if (rb >= 0) this.replicaBusyDelta(rb + this.m.stationReplica[s], d);
  }

  protected drop(f: number, i: number): void {
    if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_DROPPED]++;
    const flags = this.fFlags[f];
    const c = this.fCall[f];
    const token = this.fToken[f];
    this.freeFrame(f);
    if (flags & F_ROOT) {
      if (flags & F_COUNTED) {
        this.raw.totals[T_DROPPED]++;
        this.countedLive--;
      }
    } else if (!(flags & F_ASYNC) && this.cToken[c] === token) this.answer(c, true);
  }

  /** Dynamic batching at batcher bt (one per replica): start a batch when maxBatch wait or the oldest has waited maxWaitMs. */
  private batchCheck(bt: number): void {
    const bq = this.batchQ[bt];
    if (this.batchToken[bt] || bq.size === 0) return;
    const m = this.m;
    const i = this.batcherNode[bt];
    if (bq.size < m.nodeBatchMax[i] && this.now - this.fArriveMs[bq.peek()] < m.nodeBatchWaitMs[i] - 1e-9) return;
    const s = this.batcherStation[bt];
    this.batchToken[bt] = 1;
    if (this.free[s] > 0) this.dispatchBatch(bt);
    else this.fifo[s].push(-bt - 1);
  }

  private dispatchBatch(bt: number): void {
    const m = this.m;
    const bq = this.batchQ[bt];
    const i = this.batcherNode[bt];
    const s = this.batcherStation[bt];
    this.batchToken[bt] = 0;
    this.free[s]--;
    this.busyDelta(i, 1);
    if (this.lb !== null) this.replicaBusyAt(i, s, 1);
    const b = Math.min(bq.size, m.nodeBatchMax[i]);
    let head = -1;
    for (let k = 0; k < b; k++) {
      const f = bq.shift();
      this.fStartMs[f] = this.now;
      this.fNext[f] = head;
      head = f;
    }
    this.queueDelta(i, -b);
    this.raw.totals[T_VISITS] += b;
    const o = m.batchFactor0[i] + b;
    const service = this.service[i].next() * m.batchFactor[o] + m.batchAddMs[o];
    this.q.push(this.now + service, EV_BATCH_DONE, head, 0);
    if (bq.size === 0) return;
    const due = this.fArriveMs[bq.peek()] + m.nodeBatchWaitMs[i];
    if (bq.size >= m.nodeBatchMax[i] || due <= this.now) this.batchCheck(bt);
    else this.q.push(due, EV_BATCH_TIMER, bt, 0);
  }

  private onBatchDone(head: number): void {
    const i = this.fNode[head];
    // The batch list is newest-first; answer in arrival order.
    let prev = -1;
    let b = 0;
    for (let f = head; f >= 0; ) {
      const nx = this.fNext[f];
      this.fNext[f] = prev;
      prev = f;
      f = nx;
      b++;
    }
    this.release(i, this.fStation[head], b);
    for (let f = prev; f >= 0; ) {
      const nx = this.fNext[f];
      this.recordVisit(f, i);
      this.beginCalls(f, i);
      f = nx;
    }
  }

  /** Waiting requests per replica group (all its replicas together). */
  private snapshotQueues(into: Float64Array): void {
    into.fill(0);
    for (let i = 0; i < this.m.nodeCount; i++) into[this.m.nodeGroup[i]] += this.nQueued[i];
  }

  private finish(): DesignRaw {
    const m = this.m;
    const raw = this.raw;
    const t = raw.totals;
    for (let i = 0; i < m.nodeCount; i++) this.touchNode(i);
    for (let k = 0; k < m.replicaSlots; k++) this.touchReplica(k);
    this.touchSeriesQueue();
    // Cut short: the statistics cover the time simulated (the clock stopped at the cut).
    const measuredMs = Math.max(0, this.now - this.warmMs);
    t[T_MEASURED_MS] = measuredMs;
    t[T_SIMULATED_MS] = this.now;
    if (this.cutBy) t[this.cutBy] = 1;
    t[T_IN_FLIGHT] = this.countedLive;
    // Saturation per replica group (a pooled group is one station).
    const endQueue = new Float64Array(m.groupCount);
    this.snapshotQueues(endQueue);
    const busy = new Float64Array(m.groupCount);
    for (let i = 0; i < m.nodeCount; i++) busy[m.nodeGroup[i]] += raw.nodeStats[i * NODE_FIELDS + N_BUSY_AREA];
    let saturated = this.capHit;
    for (let g = 0; g < m.groupCount; g++) {
      const util = busy[g] / (m.groupServers[g] * measuredMs);
      if (util >= 0.99 && endQueue[g] > this.midQueue[g] + m.groupServers[g]) saturated = true;
    }
    let node = -1;
    if (saturated) {
      let best = -1;
      for (let i = 0; i < m.nodeCount; i++) {
        const score = this.nQueued[i] * 1e6 + raw.nodeStats[i * NODE_FIELDS + N_BUSY_AREA] / (m.nodeServers[i] * measuredMs);
        if (score > best) {
          best = score;
          node = i;
        }
      }
    }
    t[T_SATURATED] = saturated ? 1 : 0;
    t[T_SAT_NODE] = node;
    return raw;
  }
}
