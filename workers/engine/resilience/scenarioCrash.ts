/**
 * The fault scenario's crashes, as the middle of its three mixin layers
 * (withScenario in scenarioCore.ts stacks the timeline on top of this one;
 * this one stacks on the accounting of faultAccounting.ts): where each frame
 * stands at its station, and failing what a lost server held.
 *
 * - Per frame, its place (nowhere, in service, holding a worker during its
 *   calls, heading a running Triton batch) and the epoch its end event
 *   carries: a service or batch end whose frame a crash already failed is
 *   void (onDone, onTritonDone).
 * - killInService / killWaiting fail the visits in service and waiting at a
 *   station (cause crash or outage); a downed replica's thread-per-request
 *   visits fail when their calls return.
 * - setTriton: a Triton node's servers are its model instances; a crashed
 *   replica's running batches fail (every request of each), then its
 *   batcher's queue; a pooled batcher loses the crashed replicas' instances
 *   and its latest-started batches beyond the survivors' fail.
 * The timeline layer (scenarioCore.ts) decides when, and starts services and
 * batches with their epochs (ST_SERVICE, ST_BATCH).
 */
import type { CompiledModel } from '../compile';
import { SPECIAL_TRITON } from '../compileEngines';
import { LB_POOLED } from '../compileStations';
import * as S from '../simState';
import { type SimulatorClass, withFaultAccounting } from './faultAccounting';

const { F_FAILED } = S;

/** A frame's place at its station, for crashes: nowhere, in service, holding a worker during its calls. */
export const ST_NONE = 0;
export const ST_SERVICE = 1;
export const ST_HOLD = 2;
/** The head of a running Triton batch (its fGen is the epoch its end event carries). */
export const ST_BATCH = 3;

/** `Base` with the scenario's crashes over its fault accounting (see the module note); Base is constructed with (model, spec). */
export function withCrashes<B extends SimulatorClass>(Base: B) {
  return class CrashMixin extends withFaultAccounting(Base) {
    // Per frame (grown with the frames).
    protected fGen = new Float64Array(1024);
    protected fState = new Uint8Array(1024);
    protected genSeq = 0;
    /** Per group: its Triton nodes (null for none). */
    private readonly groupTriton: (number[] | null)[] = [];

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      const m = args[0] as CompiledModel;
      for (let g = 0; g < m.groupCount; g++) this.groupTriton.push(null);
      for (let i = 0; i < m.nodeCount; i++) {
        if (m.nodeSpecial[i] !== SPECIAL_TRITON) continue;
        const g = m.nodeGroup[i];
        const list = this.groupTriton[g] ?? [];
        list.push(i);
        this.groupTriton[g] = list;
      }
    }

    /** A visit waiting at station s (of node i) was failed by a crash: the base keeps no other count of it. */
    protected leftWaiting(_i: number, _s: number): void {}

    /**
     * Group g's Triton batchers (if any) after its replicas went from `before` to `up` (`per` model
     * instances each): a crashed replica's running batches fail, then its queue (the batcher is part of
     * its server); a pooled batcher loses the crashed replicas' instances, its latest-started batches
     * beyond the survivors' instances fail, and its queue stays unless every replica is down.
     */
    protected setTriton(g: number, before: number, up: number, per: number, cause: number): void {
      const nodes = this.groupTriton[g];
      if (nodes === null) return;
      const m = this.m;
      const s0 = m.groupStation0[g];
      const pooled = m.groupBalancer[g] === LB_POOLED;
      for (const i of nodes) {
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
      }
      this.fState[f] = ST_NONE;
      return f;
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
  };
}
