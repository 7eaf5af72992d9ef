/**
 * The replicas of one autoscaled node (or of the monolith), as a small
 * typed-array state machine: gone → provisioning (cold start) → ready →
 * draining → gone, and ready → crashed → ready for a fault scenario's crash
 * (the pod still exists, is billed and counted, but takes no traffic until
 * its container is back: docs/model.md, "Faults with autoscaling"). A provisioning replica takes no traffic; a draining one
 * takes no new requests and is gone when the last request it holds is done.
 * The simulator calls {@link ReplicaSet.scaleTo} when the autoscaler ticks,
 * schedules each new replica's ready event at `readyAtMs[slot]` with its
 * `token`, calls {@link ReplicaSet.markReady} then, and
 * {@link ReplicaSet.acquire}/{@link ReplicaSet.release} when a replica takes
 * and finishes a request. No allocation after construction.
 *
 * Which replica goes on a scale-down follows the ReplicaSet controller
 * (https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/,
 * "Scaling a ReplicaSet"): pending pods first, then not-ready before ready,
 * then the more recently created (here: most recently ready) first. A
 * crashed replica is a running, not-ready pod: after the pending ones,
 * before the ready ones.
 */
import type { ReplicaMeter } from './cost';

export const R_GONE = 0;
export const R_PROVISIONING = 1;
export const R_READY = 2;
export const R_DRAINING = 3;
export const R_CRASHED = 4;

/** Replica slots of one node: at most `capacity` replicas exist at once (ready, starting or draining). */
export class ReplicaSet {
  readonly state: Uint8Array;
  /** When a provisioning replica becomes ready, ms. */
  readonly readyAtMs: Float64Array;
  /** When the replica was provisioned (requested), ms. */
  readonly startMs: Float64Array;
  /** Provisioning counter at the replica's start: a ready event with another token is stale. */
  readonly token: Float64Array;
  /** Requests the replica holds (in service or waiting in its queue). */
  readonly held: Int32Array;
  /** Slots started by the last scaleTo (the first `lastProvisionedCount`). */
  readonly lastProvisioned: Int32Array;
  lastProvisionedCount = 0;
  provisioning = 0;
  ready = 0;
  draining = 0;
  /** Replicas down in a crash (a fault scenario's): they exist, take no traffic, and come back ready. */
  crashed = 0;
  /** Cold starts begun (replicas provisioned) so far. */
  coldStarts = 0;
  private seq = 0;

  constructor(
    readonly capacity: number,
    initialReady: number,
    private readonly meter: ReplicaMeter | null = null,
    startMs = 0,
  ) {
    this.state = new Uint8Array(capacity);
    this.readyAtMs = new Float64Array(capacity);
    this.startMs = new Float64Array(capacity);
    this.token = new Float64Array(capacity);
    this.held = new Int32Array(capacity);
    this.lastProvisioned = new Int32Array(capacity);
    for (let i = 0; i < Math.min(initialReady, capacity); i++) {
      this.state[i] = R_READY;
      this.readyAtMs[i] = startMs;
      this.startMs[i] = startMs;
      this.ready++;
    }
    meter?.record(startMs, this.billed);
  }

  /** Replicas not being removed: ready + provisioning + crashed (the autoscaler's current count: the pods that exist). */
  get current(): number {
    return this.ready + this.provisioning + this.crashed;
  }

  /** Replicas paid for: every state but gone. */
  get billed(): number {
    return this.ready + this.provisioning + this.draining + this.crashed;
  }

  /** Crashes up to `n` ready replicas, the highest slots first; writes their slots to `into` from `at`, returns how many. */
  crash(n: number, into: Int32Array, at: number): number {
    let c = 0;
    for (let r = this.capacity - 1; r >= 0 && c < n; r--) {
      if (this.state[r] !== R_READY) continue;
      this.state[r] = R_CRASHED;
      this.ready--;
      this.crashed++;
      into[at + c++] = r;
    }
    return c;
  }

  /** Brings up to `n` crashed replicas back, ready at once (their restart is inside the event's duration); returns how many. */
  restart(n: number, nowMs: number): number {
    let c = 0;
    for (let r = 0; r < this.capacity && c < n; r++) {
      if (this.state[r] !== R_CRASHED) continue;
      this.state[r] = R_READY;
      this.readyAtMs[r] = nowMs;
      this.crashed--;
      this.ready++;
      c++;
    }
    return c;
  }

  /** Moves the current count to `desired`: starts replicas (a cold start each) or removes them. Starts fewer when draining replicas fill the capacity. */
  scaleTo(desired: number, nowMs: number, coldStart: { nextMs(): number }): void {
    this.lastProvisionedCount = 0;
    while (this.current < desired && this.billed < this.capacity) {
      const slot = this.state.indexOf(R_GONE);
      this.state[slot] = R_PROVISIONING;
      this.startMs[slot] = nowMs;
      this.readyAtMs[slot] = nowMs + coldStart.nextMs();
      this.token[slot] = ++this.seq;
      this.held[slot] = 0;
      this.provisioning++;
      this.coldStarts++;
      this.lastProvisioned[this.lastProvisionedCount++] = slot;
    }
    while (this.current > desired && this.removeOne(nowMs) >= 0) {}
    this.meter?.record(nowMs, this.billed);
  }

  /** The ready event of `slot`: true if it became ready (false when the event is stale). */
  markReady(slot: number, token: number, nowMs: number): boolean {
    if (this.state[slot] !== R_PROVISIONING || this.token[slot] !== token) return false;
    this.state[slot] = R_READY;
    this.readyAtMs[slot] = nowMs;
    this.provisioning--;
    this.ready++;
    return true;
  }

  /** A request is given to a ready replica. */
  acquire(slot: number): void {
    this.held[slot]++;
  }

  /** A request held by `slot` is done; a draining replica with nothing left is gone. */
  release(slot: number, nowMs: number): void {
    if (--this.held[slot] === 0 && this.state[slot] === R_DRAINING) this.retire(slot, nowMs);
  }

  /** Removes one replica (see the module note for the order); returns its slot, or −1 if none is left. */
  private removeOne(nowMs: number): number {
    let pick = -1;
    for (let i = 0; i < this.capacity; i++)
      if (this.state[i] === R_PROVISIONING && (pick < 0 || this.startMs[i] >= this.startMs[pick])) pick = i;
    if (pick >= 0) {
      this.provisioning--;
      this.state[pick] = R_GONE;
      return pick;
    }
    for (let i = 0; i < this.capacity && pick < 0; i++) if (this.state[i] === R_CRASHED) pick = i;
    if (pick >= 0) {
      // A crashed pod deleted: gone, or draining while a thread-per-request visit still holds a worker there.
      this.crashed--;
      this.state[pick] = R_DRAINING;
      this.draining++;
      if (this.held[pick] === 0) this.retire(pick, nowMs);
      return pick;
    }
    for (let i = 0; i < this.capacity; i++)
      if (this.state[i] === R_READY && (pick < 0 || this.readyAtMs[i] >= this.readyAtMs[pick])) pick = i;
    if (pick < 0) return -1;
    this.ready--;
    this.state[pick] = R_DRAINING;
    this.draining++;
    if (this.held[pick] === 0) this.retire(pick, nowMs);
    return pick;
  }

  private retire(slot: number, nowMs: number): void {
    this.state[slot] = R_GONE;
    this.draining--;
    this.meter?.record(nowMs, this.billed);
  }
}
