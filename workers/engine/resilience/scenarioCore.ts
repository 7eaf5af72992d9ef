/**
 * The fault scenario's machinery, as a mixin over a simulator class: the
 * compiled timeline (compileFaults.ts) applied at the simulator's named
 * points (docs/model.md, "Fault scenarios"). scenarioSim.ts applies it to the
 * plain Simulator (ScenarioSimulator), elasticScenarioSim.ts to the
 * ElasticSimulator (a scenario with autoscalers). A design without events
 * never reaches either, so it pays nothing and its results keep their bits.
 *
 * withScenario stacks three mixin layers, bottom up: faultAccounting.ts (the
 * cause of each failure, failVisit / failAttempt / failArrival, the counts
 * by cause and per window), scenarioCrash.ts (each frame's place at its
 * station and its epoch, failing what a lost server held: killInService,
 * killWaiting, a Triton node's batches and queue) and this file (reading the
 * timeline at each change point and applying it at the points below).
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
 *   (running batches finish). See scenarioCrash.ts.
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
 *   answers with a failure is not retried (as without a scenario). See
 *   failAttempt (faultAccounting.ts).
 * - "A cache is visited": its hit ratio × cacheHitScale.
 * Failures are counted by cause and per window (faultAccounting.ts, faultRaw.ts).
 */
import type { CompiledModel } from '../compile';
import { LB_POOLED } from '../compileStations';
import * as E from '../events';
import * as R from '../raw';
import { Rng, streamSeed } from '../rng';
import type { SimSpec } from '../simulate';
import type { CompiledFaults } from './compileFaults';
import type { SimulatorClass } from './faultAccounting';
import { CAUSE_CRASH, CAUSE_DROPPED, CAUSE_ERROR, CAUSE_OUTAGE, CAUSE_PARTITION } from './failureCauses';
import * as F from './faultRaw';
import type { HealthChooser } from './scenarioChooser';
import { faultedStepMs, llmNodesByGroup } from './scenarioLlm';
import { ST_BATCH, ST_SERVICE, withCrashes } from './scenarioCrash';
import { type CompiledScenario, PARTITION_FAIL, PARTITION_NONE, cacheHitScale } from './scenarioTimeline';

const { EV_DONE, EV_SCENARIO, EV_TIMEOUT, EV_TRITON_DONE } = E;
const { T_VISITS } = R;

export type { SimulatorClass } from './faultAccounting';

/** First random stream of the error draws (node i uses FAULT_STREAM0 + i; streams below belong to others). */
export const FAULT_STREAM0 = 4_000_000;

/** `Base` with a fault scenario (see the module note) over its crashes and fault accounting; Base is constructed with (model, spec). */
export function withScenario<B extends SimulatorClass>(Base: B) {
  return class ScenarioMixin extends withCrashes(Base) {
    private readonly fc: CompiledFaults;
    private readonly tl: CompiledScenario;
    private readonly health: HealthChooser | null;
    private seg = 0;
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
    /** Per group: its llm-server nodes (null for none: scenarioLlm.ts). */
    private readonly groupLlm: (number[] | null)[];

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
      this.groupLlm = llmNodesByGroup(m);
      this.applySegment(0);
      for (let k = 1; k < tl.timesMs.length; k++) this.q.push(tl.timesMs[k], EV_SCENARIO, k, 0);
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

    /** Group g's servers after its replicas went from `before` up to groupUp[g] (of `per` servers each); what the downed ones held fails. */
    private setGroup(g: number, before: number, per: number): void {
      const m = this.m;
      const up = this.groupUp[g];
      const out = this.groupOut[g];
      const cause = out ? CAUSE_OUTAGE : CAUSE_CRASH;
      const s0 = m.groupStation0[g];
      this.setTriton(g, before, up, per, cause);
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

    private setServers(s: number, servers: number): void {
      this.free[s] += servers - this.stServers[s];
      this.stServers[s] = servers;
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
  };
}
