/**
 * The fault scenario's machinery, as a mixin over a simulator class: the
 * compiled timeline (compileFaults.ts) applied at the simulator's named
 * points (docs/model.md, "Fault scenarios"). scenarioSim.ts applies it to the
 * plain Simulator (ScenarioSimulator), elasticScenarioSim.ts to the
 * ElasticSimulator (a scenario with autoscalers). A design without events
 * never reaches either, so it pays nothing and its results keep their bits.
 *
 * - "A scenario change point is reached" (EV_SCENARIO, one per segment start):
 *   the segment's values are read once. Crashed replicas (the highest-numbered)
 *   lose their servers; what they held fails with cause `crash` (`outage`
 *   when every replica is out): requests in service and waiting there, and
 *   thread-per-request visits holding one of their workers (they fail when
 *   their calls return). A pooled group loses the crashed replicas' servers;
 *   the requests in service beyond the survivors' servers fail (the latest
 *   started), its shared queue stays. A capacity cut lowers the servers per
 *   replica: work in service finishes, nothing new starts until a server is
 *   free under the new count. A Triton node's servers are its model
 *   instances: a crashed replica's running batches fail (every request of
 *   each), then its batcher's queue; a capacity cut lowers the instances
 *   (running batches finish). See setTriton.
 * - "A replica is chosen": healthy replicas only (scenarioChooser.ts).
 * - "A visit arrives": at a node in an outage, or with every replica down,
 *   it fails at once (cause outage / crash); else a share `fraction` of
 *   visits fails at once (cause error), drawn from the node's own stream.
 * - "Service starts": service time × factor + addMs (a Triton batch: its
 *   whole execution time; its end carries an epoch, so a crash voids it).
 * - "An attempt is made on an edge": a `fail` partition fails it at once
 *   (cause partition); a `hang` partition sends nothing and lets the
 *   attempt's timeout (if the edge has one) end it. A message on a
 *   partitioned async edge is lost.
 * - "An attempt failed" (error, crash, outage, partition): retried at once
 *   while the call's `retries` allow, as a timeout is; after the last, the
 *   call fails. A timeout keeps its own path (calls.ts). A callee that
 *   answers with a failure is not retried (as without a scenario).
 * - "A cache is visited": its hit ratio × cacheHitScale.
 * Failures are counted by cause and per window (faultRaw.ts).
 */
import type { CompiledModel } from '../compile';
import { SPECIAL_TRITON } from '../compileEngines';
import { LB_POOLED } from '../compileStations';
import * as E from '../events';
import * as R from '../raw';
import { Rng, streamSeed } from '../rng';
import type { SimSpec, Simulator } from '../simulate';
import * as S from '../simState';
import type { CompiledFaults } from './compileFaults';
import { CAUSE_CRASH, CAUSE_DROPPED, CAUSE_ERROR, CAUSE_OUTAGE, CAUSE_PARTITION, CAUSE_TIMEOUT } from './failureCauses';
import * as F from './faultRaw';
import type { HealthChooser } from './scenarioChooser';
import { faultedStepMs, llmNodesByGroup } from './scenarioLlm';
import { type CompiledScenario, PARTITION_FAIL, PARTITION_NONE, cacheHitScale } from './scenarioTimeline';

const { EV_DONE, EV_SCENARIO, EV_TIMEOUT, EV_TRITON_DONE } = E;
const { N_VISITS, NODE_FIELDS, T_CAP_DROPS, T_DROPPED, T_VISITS } = R;
const { F_ASYNC, F_COUNTED, F_FAILED, F_ROOT } = S;

/** First random stream of the error draws (node i uses FAULT_STREAM0 + i; streams below belong to others). */
export const FAULT_STREAM0 = 4_000_000;

/** A frame's place at its station, for crashes: nowhere, in service, holding a worker during its calls. */
const ST_NONE = 0;
const ST_SERVICE = 1;
const ST_HOLD = 2;
/** The head of a running Triton batch (its fGen is the epoch its end event carries). */
const ST_BATCH = 3;

/** A simulator class the scenario can be mixed into (TypeScript's mixin form: a constructor of any[]). */
// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
export type SimulatorClass = new (...args: any[]) => Simulator;

/** `Base` with a fault scenario (see the module note); Base is constructed with (model, spec). */
export function withScenario<B extends SimulatorClass>(Base: B) {
  return class ScenarioMixin extends Base {
    private readonly fc: CompiledFaults;
    private readonly tl: CompiledScenario;
    private readonly health: HealthChooser | null;
    private seg = 0;
    // Per frame (grown with the frames).
    private fGen = new Float64Array(1024);
    private fState = new Uint8Array(1024);
    private fCause = new Uint8Array(1024);
    private genSeq = 0;
    /** The cause of the failure being answered (set just before answer(c, true)), or of the attempt failed before a retry. */
    protected pendingCause = CAUSE_ERROR;
    private rootDropped = false;
    // Per node, in the current segment.
    private readonly nodeFault: Uint8Array;
    private readonly errFrac: Float64Array;
    private readonly latOn: Uint8Array;
    private readonly latFactor: Float64Array;
    private readonly latAdd: Float64Array;
    private readonly flushOn: Uint8Array;
    private readonly errRng: (Rng | null)[] = [];
    // Per group and station.
    private readonly groupUp: Int32Array;
    protected readonly groupOut: Uint8Array;
    private readonly stServers: Int32Array;
    private readonly edgePart: Uint8Array;
    /** Per group: its Triton nodes (null for none). */
    private readonly groupTriton: (number[] | null)[] = [];
    /** Per group: its llm-server nodes (null for none: scenarioLlm.ts). */
    private readonly groupLlm: (number[] | null)[];
    // Statistics.
    private readonly fr: Float64Array;
    private readonly nodeLast: Float64Array;
    private readonly thresholdMs: number;

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      const m = args[0] as CompiledModel;
      const spec = args[1] as SimSpec;
      const fc = m.scenario;
      if (fc === null) throw new Error('ScenarioSimulator needs a design with scenario events');
      this.fc = fc;
      this.tl = fc.timeline;
      this.health = this.lb !== null && 'up' in this.lb ? (this.lb as unknown as HealthChooser) : null;
      const n = m.nodeCount;
      this.nodeFault = new Uint8Array(n);
      this.errFrac = new Float64Array(n);
      this.latOn = new Uint8Array(n);
      this.latFactor = new Float64Array(n).fill(1);
      this.latAdd = new Float64Array(n);
      this.flushOn = new Uint8Array(n);
      const tl = this.tl;
      for (let i = 0; i < n; i++) {
        const col = tl.nodeColumn[i];
        this.errRng.push(col >= 0 ? new Rng(streamSeed(spec.seed, FAULT_STREAM0 + i)) : null);
        if (col < 0) continue;
        for (let k = 0; k < tl.timesMs.length; k++) if (tl.flushEmptyUntilMs[k * tl.nodeColumns + col] !== Number.NEGATIVE_INFINITY) this.flushOn[i] = 1;
      }
      this.groupUp = fc.groupReplicas.slice();
      this.groupOut = new Uint8Array(m.groupCount);
      this.stServers = m.stationServers.slice();
      this.edgePart = new Uint8Array(m.edgeIds.length);
      for (let g = 0; g < m.groupCount; g++) this.groupTriton.push(null);
      for (let i = 0; i < n; i++) {
        if (m.nodeSpecial[i] !== SPECIAL_TRITON) continue;
        const g = m.nodeGroup[i];
        const list = this.groupTriton[g] ?? [];
        list.push(i);
        this.groupTriton[g] = list;
      }
      this.groupLlm = llmNodesByGroup(m);
      this.fr = new Float64Array(F.faultRawLength(n, this.windows));
      this.nodeLast = new Float64Array(n);
      this.thresholdMs = m.sloThresholdMs;
      this.applySegment(0);
      for (let k = 1; k < tl.timesMs.length; k++) this.q.push(tl.timesMs[k], EV_SCENARIO, k, 0);
    }

    override run(): R.DesignRaw {
      const raw = super.run();
      this.fr[F.FR_CAUSES + CAUSE_DROPPED] += raw.totals[T_DROPPED];
      raw.fault = this.fr;
      return raw;
    }

    protected override onScenario(k: number): void {
      this.seg = k;
      this.applySegment(k);
    }

    /** Reads segment k's values into the per-node, per-edge and per-group state; takes replicas down or up. */
    private applySegment(k: number): void {
      const m = this.m;
      const tl = this.tl;
      const cols = tl.nodeColumns;
      for (let i = 0; i < m.nodeCount; i++) {
        const col = tl.nodeColumn[i];
        if (col < 0) continue;
        const c = k * cols + col;
        this.errFrac[i] = tl.errorFraction[c];
        this.latFactor[i] = tl.latencyFactor[c];
        this.latAdd[i] = tl.latencyAddMs[c];
        this.latOn[i] = tl.latencyFactor[c] !== 1 || tl.latencyAddMs[c] !== 0 ? 1 : 0;
      }
      for (let e = 0; e < m.edgeIds.length; e++) {
        const col = tl.edgeColumn[e];
        if (col >= 0) this.edgePart[e] = tl.partition[k * tl.edgeColumns + col];
      }
      // Every group's new state first (balancer, arrivals), then servers and failures: a retry made while
      // a crashed replica's work fails must already see the new state.
      const fc = this.fc;
      const changed: number[] = [];
      const elastic: number[] = [];
      for (let g = 0; g < m.groupCount; g++) {
        const gc = fc.groupColumns[g];
        if (gc.length === 0 || fc.groupEngine[g]) continue;
        const replicas = fc.groupReplicas[g];
        let down = 0;
        let out = 0;
        let frac = 1;
        for (let j = 0; j < gc.length; j++) {
          const c = k * cols + gc[j];
          down = Math.max(down, tl.replicasDown[c]);
          out |= tl.outage[c];
          frac = Math.min(frac, tl.capacityFraction[c]);
        }
        if (m.groupElastic[g] >= 0) {
          // An autoscaled group: its ReplicaSet takes the replicas down (elasticScenarioSim.ts).
          this.groupOut[g] = out;
          this.elasticState(g, down, out, frac);
          elastic.push(g);
          continue;
        }
        if (out) down = replicas;
        const before = this.groupUp[g];
        const up = replicas - Math.min(down, replicas);
        this.groupUp[g] = up;
        this.groupOut[g] = out;
        if (this.health !== null) this.health.up[g] = up;
        changed.push(g, before, Math.max(1, Math.floor(fc.groupPerReplica[g] * frac + 1e-9)));
      }
      for (let i = 0; i < m.nodeCount; i++) {
        const g = m.nodeGroup[i];
        this.nodeFault[i] = this.errFrac[i] > 0 || this.groupOut[g] === 1 || this.groupUp[g] === 0 ? 1 : 0;
      }
      for (let j = 0; j < changed.length; j += 3) this.setGroup(changed[j], changed[j + 1], changed[j + 2]);
      for (const g of elastic) this.elasticFail(g);
    }

    /** Autoscaled group g's new state at a change point: `down` replicas crashed, or an outage (`out`), and its capacity fraction. Not reached without autoscalers. */
    protected elasticState(_g: number, _down: number, _out: number, _frac: number): void {
      throw new Error('a scenario on an autoscaled group needs the elastic scenario simulator');
    }

    /** Fails what autoscaled group g's newly crashed replicas held (after every group's new state is set). */
    protected elasticFail(_g: number): void {}

    /** A visit waiting at station s (of node i) was failed by a crash: the base keeps no other count of it. */
    protected leftWaiting(_i: number, _s: number): void {}

    /** Group g's servers after its replicas went from `before` up to groupUp[g] (of `per` servers each); what the downed ones held fails. */
    private setGroup(g: number, before: number, per: number): void {
      const m = this.m;
      const up = this.groupUp[g];
      const out = this.groupOut[g];
      const cause = out ? CAUSE_OUTAGE : CAUSE_CRASH;
      const s0 = m.groupStation0[g];
      if (this.groupTriton[g] !== null) this.setTriton(g, before, per, cause);
      // An llm-server replica's engine dies: its sequences fail (llm-servers are never pooled).
      for (const i of this.groupLlm[g] ?? []) for (let r = up; r < before; r++) for (const f of this.llmCrash(i, r)) this.failVisit(f, i, cause);
      if (m.groupBalancer[g] === LB_POOLED) {
        this.setServers(s0, up * per);
        if (up < before) {
          this.killInService(s0, cause, true);
          if (up === 0) this.killWaiting(s0, cause);
        }
        this.serveWaiting(s0);
        return;
      }
      for (let r = 0; r < m.groupReplicas[g]; r++) {
        const s = s0 + r;
        const wasUp = this.stServers[s] > 0;
        this.setServers(s, r < up ? per : 0);
        if (wasUp && r >= up) {
          this.killInService(s, cause, false);
          this.killWaiting(s, cause);
        }
        this.serveWaiting(s);
      }
    }

    /**
     * Group g's Triton batchers after its replicas went from `before` up to groupUp[g] (`per` model
     * instances each): a crashed replica's running batches fail, then its queue (the batcher is part of
     * its server); a pooled batcher loses the crashed replicas' instances, its latest-started batches
     * beyond the survivors' instances fail, and its queue stays unless every replica is down.
     */
    private setTriton(g: number, before: number, per: number, cause: number): void {
      const m = this.m;
      const up = this.groupUp[g];
      const s0 = m.groupStation0[g];
      const pooled = m.groupBalancer[g] === LB_POOLED;
      for (const i of this.groupTriton[g] as number[]) {
        const bt0 = m.engines.tritonBatcher0[i];
        if (pooled) {
          this.tritonSetInstances(bt0, up * per);
          if (up < before) this.voidBatches(i, s0, bt0, cause, true);
          if (up === 0) this.failQueued(i, bt0, cause);
          continue;
        }
        for (let r = 0; r < m.groupReplicas[g]; r++) {
          this.tritonSetInstances(bt0 + r, r < up ? per : 0);
          if (r >= up && r < before) {
            this.voidBatches(i, s0 + r, bt0 + r, cause, false);
            this.failQueued(i, bt0 + r, cause);
          }
        }
      }
    }

    /** Fails the running batches of node i at station s (batcher bt): all, or (pooled) the latest started while its instances are over-committed. */
    private voidBatches(i: number, s: number, bt: number, cause: number, pooled: boolean): void {
      const heads: number[] = [];
      for (let f = 0; f < this.fState.length; f++) if (this.fState[f] === ST_BATCH && this.fStation[f] === s && this.fNode[f] === i) heads.push(f);
      heads.sort((a, b) => this.fGen[b] - this.fGen[a]);
      for (const head of heads) {
        if (pooled && this.tritonFree(bt) >= 0) break;
        const members: number[] = [];
        for (let f = head; f >= 0; f = this.fNext[f]) members.push(f);
        this.fState[head] = ST_NONE;
        this.fGen[head] = 0;
        this.tritonVoidBatch(bt, members.length);
        // The list is newest first: fail in arrival order.
        for (let k = members.length - 1; k >= 0; k--) this.failVisit(members[k], i, cause);
      }
    }

    /** Fails every request queued in Triton batcher bt (node i). */
    private failQueued(i: number, bt: number, cause: number): void {
      for (const f of this.tritonDrain(bt)) this.failVisit(f, i, cause);
    }

    private setServers(s: number, servers: number): void {
      this.free[s] += servers - this.stServers[s];
      this.stServers[s] = servers;
    }

    /**
     * Fails the visits in service at station s (all of them, or for a pooled
     * station only those beyond its servers left, the latest started first);
     * a downed balanced replica's thread-per-request visits fail too, when their calls return.
     */
    protected killInService(s: number, cause: number, pooled: boolean): void {
      const list: number[] = [];
      const n = this.fState.length;
      for (let f = 0; f < n; f++) {
        if (this.fStation[f] !== s) continue;
        if (this.fState[f] === ST_SERVICE) list.push(f);
        else if (this.fState[f] === ST_HOLD && !pooled) {
          this.fFlags[f] |= F_FAILED;
          this.fCause[f] = cause;
        }
      }
      list.sort((a, b) => this.fGen[b] - this.fGen[a]);
      for (const f of list) {
        if (pooled && this.free[s] >= 0) break;
        const i = this.fNode[f];
        this.fState[f] = ST_NONE;
        this.fGen[f] = 0;
        this.release(i, s, 1);
        this.failVisit(f, i, cause);
      }
    }

    /** Fails every visit waiting at station s. */
    protected killWaiting(s: number, cause: number): void {
      const line = this.fifo[s];
      while (line.size > 0) {
        const f = line.shift();
        if (f < 0) continue; // a batch token: batching groups are never faulted
        const i = this.fNode[f];
        this.queueDelta(i, -1);
        this.outstandingDelta(s, -1);
        this.leftWaiting(i, s);
        this.failVisit(f, i, cause);
      }
    }

    /** Visit f of node i failed at once: a request fails, an attempt fails (and may be retried), a message is lost. */
    protected failVisit(f: number, i: number, cause: number): void {
      this.fr[F.nodeWindowOffset(i, this.windowOf(this.now), this.windows) + F.NW_ERRORS]++;
      const flags = this.fFlags[f];
      if (flags & F_ROOT) {
        this.fFlags[f] = flags | F_FAILED;
        this.fCause[f] = cause;
        this.finishRequest(f, flags | F_FAILED);
        return;
      }
      const c = this.fCall[f];
      const token = this.fToken[f];
      this.freeFrame(f);
      if (!(flags & F_ASYNC) && this.cToken[c] === token) this.failAttempt(c, cause);
    }

    /** An attempt of call c failed: the next attempt at once while retries are left, else the call fails. */
    protected failAttempt(c: number, cause: number): void {
      this.pendingCause = cause;
      if (this.cLeft[c] > 0) {
        this.cLeft[c]--;
        this.attempt(c);
        return;
      }
      this.pendingCause = cause;
      this.answer(c, true);
    }

    override allocFrame(): number {
      const f = super.allocFrame();
      if (f >= this.fGen.length) {
        const n = this.fNode.length;
        const gen = new Float64Array(n);
        gen.set(this.fGen);
        this.fGen = gen;
        const st = new Uint8Array(n);
        st.set(this.fState);
        this.fState = st;
        const cause = new Uint8Array(n);
        cause.set(this.fCause);
        this.fCause = cause;
      }
      this.fState[f] = ST_NONE;
      this.fCause[f] = CAUSE_ERROR; // not a reused frame's last cause
      return f;
    }

    protected override onArrival(): void {
      const t = this.raw.totals;
      const caps = t[T_CAP_DROPS];
      this.rootDropped = false;
      super.onArrival();
      if (this.rootDropped || t[T_CAP_DROPS] > caps) {
        const o = F.windowOffset(this.windowOf(this.now));
        this.fr[o + F.W_FINISHED]++;
        this.fr[o + F.W_BAD]++;
        this.fr[o + F.W_FAILED]++;
      }
    }

    protected override arrive(f: number): void {
      const i = this.fNode[f];
      if (this.nodeFault[i] === 0) {
        super.arrive(f);
        return;
      }
      const g = this.m.nodeGroup[i];
      let cause = -1;
      if (this.groupOut[g]) cause = CAUSE_OUTAGE;
      else if (this.groupUp[g] === 0) cause = CAUSE_CRASH;
      else if (this.errFrac[i] > 0 && this.errRng[i]!.next() < this.errFrac[i]) cause = CAUSE_ERROR;
      if (cause < 0) {
        super.arrive(f);
        return;
      }
      this.failArrival(f, i, cause);
    }

    /** Visit f arrived at node i and fails at once (counted as a visit). */
    protected failArrival(f: number, i: number, cause: number): void {
      this.fArriveMs[f] = this.now;
      if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_VISITS]++;
      this.failVisit(f, i, cause);
    }

    protected override drop(f: number, i: number): void {
      if (this.fFlags[f] & F_ROOT) this.rootDropped = true;
      this.fr[F.nodeWindowOffset(i, this.windowOf(this.now), this.windows) + F.NW_ERRORS]++;
      this.pendingCause = CAUSE_DROPPED;
      super.drop(f, i);
    }

    protected override startService(f: number, i: number, s: number): void {
      this.free[s]--;
      this.busyDelta(i, 1);
      if (this.lb !== null) this.replicaBusyAt(i, s, 1);
      this.fStartMs[f] = this.now;
      this.raw.totals[T_VISITS]++;
      let ms = this.drawService(i);
      if (this.latOn[i]) ms = ms * this.latFactor[i] + this.latAdd[i];
      const gen = ++this.genSeq;
      this.fGen[f] = gen;
      this.fState[f] = ST_SERVICE;
      this.q.push(this.now + ms, EV_DONE, f, gen);
    }

    /** A Triton batch starts: its time × factor + addMs under a latency fault; its end carries an epoch a crash voids. */
    protected override tritonBatchStarted(head: number, _bt: number, i: number, n: number): void {
      const m = this.m;
      const o = m.batchFactor0[i] + n;
      // Without a latency fault the same expression as the base class (same bits).
      const end = this.latOn[i]
        ? this.now + (this.drawService(i) * m.batchFactor[o] + m.batchAddMs[o]) * this.latFactor[i] + this.latAdd[i]
        : this.now + this.drawService(i) * m.batchFactor[o] + m.batchAddMs[o];
      const gen = ++this.genSeq;
      this.fGen[head] = gen;
      this.fState[head] = ST_BATCH;
      this.q.push(end, EV_TRITON_DONE, head, gen);
    }

    /** An llm-server's engine step: × factor + addMs under a latency fault. */
    protected override llmStepMs(i: number, d: number): number {
      return this.latOn[i] ? faultedStepMs(d, this.latFactor[i], this.latAdd[i]) : d;
    }

    /** An llm-server replica's step ends: void when a crash killed its engine since (q.b = the step's epoch). */
    protected override onLlmStep(k: number): void {
      if (this.q.b === this.llmEpoch(k)) super.onLlmStep(k);
    }

    /** A request reaches its llm-server replica's engine (after a KV transfer): it fails if that replica is down now. */
    protected override llmAdmit(f: number): void {
      const i = this.fNode[f];
      const g = this.m.nodeGroup[i];
      const fc = this.fc;
      if (fc.groupEngine[g] || fc.groupColumns[g].length === 0 || this.m.stationReplica[this.fStation[f]] < this.groupUp[g]) super.llmAdmit(f);
      else this.failVisit(f, i, this.groupOut[g] ? CAUSE_OUTAGE : CAUSE_CRASH);
    }

    /** A Triton batch ends (b = its epoch): void when a crash failed it. */
    protected override onTritonDone(head: number, gen: number): void {
      if (this.fState[head] !== ST_BATCH || this.fGen[head] !== gen) return;
      this.fState[head] = ST_NONE;
      super.onTritonDone(head, this.tritonBatcherAt(this.fNode[head], this.fStation[head]));
    }

    protected override onDone(f: number): void {
      // A visit failed by a crash left its server already: its service end is void.
      if (this.fState[f] !== ST_SERVICE || this.fGen[f] !== this.q.b) return;
      this.fState[f] = this.m.nodeHold[this.fNode[f]] ? ST_HOLD : ST_NONE;
      super.onDone(f);
    }

    protected override closeVisit(f: number): number {
      this.fState[f] = ST_NONE;
      return super.closeVisit(f);
    }

    protected override attempt(c: number): void {
      const e = this.cEdge[c];
      const p = this.edgePart[e];
      if (p === PARTITION_NONE) {
        this.pendingCause = CAUSE_DROPPED; // the safety cap's failure, if it refuses the attempt
        super.attempt(c);
        return;
      }
      const token = ++this.tokenSeq;
      this.cToken[c] = token;
      if (p === PARTITION_FAIL) {
        this.fr[F.nodeWindowOffset(this.m.edgeTarget[e], this.windowOf(this.now), this.windows) + F.NW_ERRORS]++;
        this.failAttempt(c, CAUSE_PARTITION);
        return;
      }
      // hang: nothing reaches the callee; the attempt's timeout, if the edge has one, ends it.
      const timeoutMs = this.m.edgeTimeoutMs[e];
      if (timeoutMs > 0) this.q.push(this.now + timeoutMs, EV_TIMEOUT, c, token);
    }

    /** A message on a partitioned async edge is lost (fail or hang: it never arrives); a failed send counts at the target. */
    protected override sendAsync(f: number, e: number): void {
      const p = this.edgePart[e];
      if (p === PARTITION_NONE) {
        super.sendAsync(f, e);
        return;
      }
      if (p === PARTITION_FAIL) this.fr[F.nodeWindowOffset(this.m.edgeTarget[e], this.windowOf(this.now), this.windows) + F.NW_ERRORS]++;
    }

    protected override onTimeout(c: number, token: number): void {
      this.pendingCause = CAUSE_TIMEOUT;
      super.onTimeout(c, token);
    }

    /** A Triton queue-policy rejection (default_timeout_microseconds passed in the queue) fails with cause timeout. */
    protected override tritonTimedOut(f: number): void {
      this.fCause[f] = CAUSE_TIMEOUT;
    }

    protected override complete(f: number): void {
      this.pendingCause = this.fCause[f];
      super.complete(f);
    }

    /** As calls.ts's answer, carrying the failure's cause up the request's tree (a frame keeps its last failed call's). */
    protected override answer(c: number, failed: boolean): void {
      let cause = this.pendingCause;
      for (;;) {
        if (failed) this.fCause[this.cFrame[c]] = cause;
        const f = this.callReturned(c, failed);
        if (f < 0) return;
        cause = this.fCause[f];
        const x = this.closeVisit(f);
        if (x < 0) return;
        c = x >>> 1;
        failed = (x & 1) === 1;
      }
    }

    protected override beginCalls(f: number, i: number): void {
      if (this.flushOn[i] === 0) {
        super.beginCalls(f, i);
        return;
      }
      const m = this.m;
      const hit = m.nodeHit[i] * cacheHitScale(this.tl, this.seg, i, this.now);
      if (m.edgeStart[i] === m.edgeStart[i + 1] || (m.nodeHit[i] > 0 && this.routeRng[i].next() < hit)) {
        this.complete(f);
        return;
      }
      if (m.nodeOne[i]) this.fChoice[f] = this.chooseEdge(i);
      this.fEdge[f] = m.nodeStage0[i] - 1;
      this.fLeft[f] = 0;
      if (!this.advance(f)) this.complete(f);
    }

    protected override finishRequest(f: number, flags: number): void {
      const fr = this.fr;
      const o = F.windowOffset(this.windowOf(this.now));
      fr[o + F.W_FINISHED]++;
      if (flags & F_FAILED) {
        fr[o + F.W_BAD]++;
        fr[o + F.W_FAILED]++;
        if (flags & F_COUNTED) fr[F.FR_CAUSES + this.fCause[f]]++;
      } else {
        const latency = this.now - this.fArriveMs[f];
        fr[o + F.W_SUCCEEDED]++;
        fr[o + F.W_LAT_SUM] += latency;
        if (latency > this.thresholdMs) fr[o + F.W_BAD]++;
        else if (flags & F_COUNTED) fr[F.FR_GOOD]++;
      }
      super.finishRequest(f, flags);
    }

    /** Also spreads node i's busy and waiting areas since its last change over the result windows. */
    override touchNode(i: number): void {
      const t0 = this.nodeLast[i];
      const now = this.now;
      if (now > t0) {
        const busy = this.nBusy[i];
        const waiting = this.nQueued[i];
        if (busy !== 0 || waiting !== 0) {
          const wMs = this.raw.windowMs;
          let t = t0;
          while (t < now) {
            let k = this.windowOf(t);
            // t × (1 / wMs) can round down across a window's end: step to the window that holds t.
            while (k < this.windows - 1 && (k + 1) * wMs <= t) k++;
            const edge = k === this.windows - 1 ? now : Math.min(now, (k + 1) * wMs);
            const o = F.nodeWindowOffset(i, k, this.windows);
            this.fr[o + F.NW_BUSY] += busy * (edge - t);
            this.fr[o + F.NW_QUEUE] += waiting * (edge - t);
            t = edge;
          }
        }
      }
      this.nodeLast[i] = now;
      super.touchNode(i);
    }
  };
}
