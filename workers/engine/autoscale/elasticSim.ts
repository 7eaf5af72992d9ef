/**
 * The simulator of a design with autoscaled groups: the Simulator of
 * simulate.ts plus the autoscalers at its named points (docs/model.md,
 * *Autoscaling*). A design without `autoscale` never reaches this class
 * ({@link simulateDesignRaw} runs the plain Simulator), so it pays nothing.
 *
 * - "The autoscaler ticks" (EV_AUTOSCALE): an HPA syncs every
 *   `syncPeriodSec` on the metric averaged over the period; a KPA records
 *   each second's metric (replicas and the activator's buffer together) and
 *   decides every `tickIntervalSec`. The count goes to the ReplicaSet: new
 *   replicas draw a cold start and become ready at EV_REPLICA_READY; removed
 *   ones drain.
 * - "A replica is chosen": balanced groups choose among ready replicas
 *   (elasticChooser.ts); a pooled group's one station gains or loses a
 *   replica's servers (a removed replica's busy servers finish their work).
 * - At zero ready replicas a request waits in the activator (Knative): it is
 *   held in a FIFO, the KPA is poked at once, and the request enters the
 *   first replica that becomes ready, so it waits exactly the cold start.
 */
import type { CompiledModel } from '../compile';
import { IntQueue } from '../intQueue';
import * as L from '../compileStations';
import * as R from '../raw';
import { Rng, streamSeed } from '../rng';
import { type SimSpec, Simulator, simulate } from '../simulate';
import * as E from '../events';
import { COLD_START_STREAM_BASE, ColdStartSampler } from './coldStart';
import { ReplicaMeter } from './cost';
import { ElasticChooser } from './elasticChooser';
import { elasticLength, elasticOffset } from './elasticResults';
import { HpaController } from './hpa';
import { KpaController } from './kpa';
import { R_PROVISIONING, ReplicaSet } from './replicaSet';

const { EV_AUTOSCALE, EV_REPLICA_READY } = E;
const { LB_POOLED } = L;
const { E_COLD_STARTS, E_MAX_REPLICAS, E_MIN_REPLICAS, E_READY_SEC, E_REPLICA_SEC, ELASTIC_FIELDS } = R;

/** Runs one replication of a design: the elastic simulator when some group autoscales, else the plain one. */
export function simulateDesignRaw(m: CompiledModel, spec: SimSpec): R.DesignRaw {
  return m.anyElastic ? new ElasticSimulator(m, spec).run() : simulate(m, spec);
}

/** One autoscaled group's run-time state (allocated once). */
export class Group {
  readonly rs: ReplicaSet;
  readonly billed: ReplicaMeter;
  readonly ready: ReplicaMeter;
  /** Replicas in their cold start (provisioning), for the starting/draining split of the replica series. */
  readonly starting: ReplicaMeter;
  readonly hpa: HpaController | null;
  readonly kpa: KpaController | null;
  readonly sampler: ColdStartSampler;
  /** Its replica groups (a node: one; the monolith's unit: its pools), whether balanced, and servers per replica. */
  readonly groups: number[] = [];
  readonly balanced: boolean;
  readonly perReplica: number[] = [];
  /** Servers of one replica over all its groups (a monolith unit: threads and GPUs, summed as the HPA sums a pod's containers). */
  serversPerReplica = 0;
  readonly activator = new IntQueue(64);
  readonly periodMs: number;
  readonly tickMs: number;
  nextTickMs: number;
  readonly rps: boolean;
  // Metric accumulators since the last sync (HPA) or second (KPA).
  busy = 0;
  busyArea = 0;
  inSystem = 0;
  inSystemArea = 0;
  lastMs = 0;
  arrivals = 0;
  waitSum = 0;
  waits = 0;
  coldStartsMeasured = 0;
  minCurrent: number;
  maxCurrent: number;
  // A fault scenario's crashes (resilience/elasticScenarioSim.ts): the replicas down as last applied, the
  // change point being applied (its instant, target, cause), and the slots it crashed.
  faultApplied = 0;
  faultMs = -1;
  faultWant = 0;
  faultCause = 0;
  newlyCrashed = 0;
  readonly crashedSlots: Int32Array;

  constructor(
    readonly m: CompiledModel,
    readonly k: number,
    seed: number,
    windowMs: number,
    windows: number,
    warmMs: number,
  ) {
    const e = m.elastic[k];
    const a = e.autoscale;
    this.billed = new ReplicaMeter(windowMs, windows, warmMs);
    this.ready = new ReplicaMeter(windowMs, windows, warmMs);
    this.starting = new ReplicaMeter(windowMs, windows, warmMs);
    this.rs = new ReplicaSet(2 * a.maxReplicas, e.initialReplicas, this.billed);
    this.crashedSlots = new Int32Array(2 * a.maxReplicas);
    this.ready.record(0, this.rs.ready);
    this.hpa = a.policy === 'hpa' ? new HpaController(a) : null;
    this.kpa = a.policy === 'kpa' ? new KpaController(a, e.initialReplicas) : null;
    this.sampler = new ColdStartSampler(e.coldStart, new Rng(streamSeed(seed, COLD_START_STREAM_BASE + (e.node >= 0 ? e.node : 0xffff))));
    for (let g = 0; g < m.groupCount; g++) {
      if (m.groupElastic[g] !== k) continue;
      this.groups.push(g);
      this.perReplica.push(m.groupServers[g] / a.maxReplicas);
      this.serversPerReplica += m.groupServers[g] / a.maxReplicas;
    }
    this.balanced = m.groupBalancer[this.groups[0]] !== LB_POOLED;
    this.periodMs = a.policy === 'hpa' ? a.syncPeriodSec * 1000 : 1000;
    this.tickMs = a.tickIntervalSec * 1000;
    this.nextTickMs = this.tickMs;
    this.rps = a.metric === 'rps';
    this.minCurrent = this.maxCurrent = this.rs.current;
  }

  /** Brings the time integrals up to `now`. */
  touch(now: number): void {
    const dt = now - this.lastMs;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.inSystemArea += this.inSystem * dt;
    }
    this.lastMs = now;
  }

  /** The HPA's reading: the metric summed over the ready replicas, each its mean over the last period. */
  metricSum(): number {
    const a = this.m.elastic[this.k].autoscale;
    const p = this.periodMs;
    switch (a.metric) {
      case 'utilization':
        return this.busyArea / (p * this.serversPerReplica);
      case 'concurrency':
        return this.inSystemArea / p;
      case 'rps':
        return this.arrivals / (p / 1000);
      default:
        return (this.waits > 0 ? this.waitSum / this.waits : 0) * this.rs.ready;
    }
  }

  resetPeriod(): void {
    this.busyArea = 0;
    this.inSystemArea = 0;
    this.arrivals = 0;
    this.waitSum = 0;
    this.waits = 0;
  }
}

/** The Simulator with autoscalers (see the module note). */
export class ElasticSimulator extends Simulator {
  protected readonly groups: Group[] = [];
  /** Node → its autoscaled group index, −1 when fixed. */
  protected readonly nodeK: Int32Array;
  protected readonly chooser: ElasticChooser | null;
  private dropped = false;

  constructor(m: CompiledModel, spec: SimSpec) {
    super(m, spec);
    this.chooser = this.lb instanceof ElasticChooser ? this.lb : null;
    this.nodeK = Int32Array.from({ length: m.nodeCount }, (_, i) => m.groupElastic[m.nodeGroup[i]]);
    for (let k = 0; k < m.elastic.length; k++) {
      const g = new Group(m, k, spec.seed, spec.windowMs, this.windows, this.warmMs);
      this.groups.push(g);
      this.chooser?.syncReady(k, g.rs);
      this.q.push(g.periodMs, EV_AUTOSCALE, k, 0);
    }
    this.raw.elastic = new Float64Array(elasticLength(m, this.windows));
  }

  protected override makeChooser(m: CompiledModel, seed: number): ElasticChooser {
    return new ElasticChooser(m, seed);
  }

  protected override arrive(f: number): void {
    const i = this.fNode[f];
    const k = this.nodeK[i];
    if (k < 0) {
      super.arrive(f);
      return;
    }
    const g = this.groups[k];
    g.arrivals++;
    if (g.kpa !== null && g.rs.current === 0) this.scale(g, g.kpa.poke(this.now, 1, 0, 0));
    if (g.balanced && g.rs.ready === 0 && !this.chooser!.sticky(i, this.fStation[f])) {
      // The activator holds the request until a replica is ready.
      this.fArriveMs[f] = this.now;
      if (this.now >= this.warmMs) this.raw.nodeStats[i * R.NODE_FIELDS + R.N_VISITS]++;
      g.touch(this.now);
      g.inSystem++;
      this.queueDelta(i, 1);
      g.activator.push(f);
      return;
    }
    this.admit(f, g);
  }

  /** The base arrival (a replica chosen, then service, a wait or a drop), then the group's bookkeeping. */
  private admit(f: number, g: Group): void {
    this.dropped = false;
    super.arrive(f);
    if (this.dropped) return;
    g.touch(this.now);
    g.inSystem++;
    if (g.balanced) g.rs.acquire(this.m.stationReplica[this.fStation[f]]);
  }

  protected override drop(f: number, i: number): void {
    this.dropped = true;
    super.drop(f, i);
  }

  protected override release(i: number, s: number, visits: number): void {
    super.release(i, s, visits);
    const k = this.nodeK[i];
    if (k < 0) return;
    const g = this.groups[k];
    g.touch(this.now);
    g.inSystem -= visits;
    if (!g.balanced) return;
    const r = this.m.stationReplica[s];
    for (let v = 0; v < visits; v++) g.rs.release(r, this.now);
  }

  override busyDelta(i: number, d: number): void {
    super.busyDelta(i, d);
    const k = this.nodeK[i];
    if (k < 0) return;
    const g = this.groups[k];
    g.touch(this.now);
    g.busy += d;
  }

  protected override recordVisit(f: number, i: number): void {
    super.recordVisit(f, i);
    const k = this.nodeK[i];
    if (k < 0) return;
    const g = this.groups[k];
    g.waitSum += this.fStartMs[f] - this.fArriveMs[f];
    g.waits++;
  }

  protected override onElastic(kind: number, k: number, b: number): void {
    const g = this.groups[k];
    if (kind === EV_REPLICA_READY) {
      this.onReady(g, b);
      return;
    }
    const now = this.now;
    g.touch(now);
    if (g.hpa !== null) {
      const rs = g.rs;
      this.scale(g, g.hpa.sync(now, { currentReplicas: rs.current, ready: rs.ready, notReady: rs.provisioning + rs.crashed, metricSum: g.metricSum() }));
    } else if (g.kpa !== null) {
      // The second that just ended: its mean concurrency (replicas and activator), or its arrivals.
      g.kpa.recordSecond(Math.floor((now - 1) / 1000), g.rps ? g.arrivals : g.inSystemArea / 1000);
      if (now >= g.nextTickMs) {
        g.nextTickMs += g.tickMs;
        this.scale(g, g.kpa.tick(now, g.rs.ready, g.rs.current));
      }
    }
    g.resetPeriod();
    this.q.push(now + g.periodMs, EV_AUTOSCALE, k, 0);
  }

  /** Sets group g's replica count: new replicas start their cold start, removed ones drain. */
  private scale(g: Group, desired: number): void {
    const rs = g.rs;
    if (desired === rs.current) return;
    const readyBefore = rs.ready;
    rs.scaleTo(desired, this.now, g.sampler);
    g.starting.record(this.now, rs.provisioning);
    for (let j = 0; j < rs.lastProvisionedCount; j++) {
      const slot = rs.lastProvisioned[j];
      this.q.push(rs.readyAtMs[slot], EV_REPLICA_READY, g.k, rs.token[slot]);
    }
    if (this.now >= this.warmMs) g.coldStartsMeasured += rs.lastProvisionedCount;
    if (rs.current < g.minCurrent) g.minCurrent = rs.current;
    if (rs.current > g.maxCurrent) g.maxCurrent = rs.current;
    if (rs.ready !== readyBefore) this.readyChanged(g, readyBefore);
  }

  /** A replica's cold start is over: it takes traffic, and the activator's requests go to it. */
  private onReady(g: Group, token: number): void {
    const rs = g.rs;
    let slot = -1;
    for (let r = 0; r < rs.capacity; r++)
      if (rs.state[r] === R_PROVISIONING && rs.token[r] === token) {
        slot = r;
        break;
      }
    if (slot < 0) return; // removed while starting
    const before = rs.ready;
    rs.markReady(slot, token, this.now);
    g.starting.record(this.now, rs.provisioning);
    this.readyChanged(g, before);
    this.releaseActivator(g);
  }

  /** A replica is ready again (after its cold start, or a crash's restart): the activator's requests go to the group. */
  protected releaseActivator(g: Group): void {
    while (g.activator.size > 0) {
      const f = g.activator.shift();
      const t0 = this.fArriveMs[f];
      this.queueDelta(this.fNode[f], -1);
      g.touch(this.now);
      g.inSystem--;
      this.admit(f, g);
      // The wait counts from the arrival at the activator: the cold start is part of the request's time.
      this.fArriveMs[f] = t0;
    }
  }

  /** The ready count moved from `before`: the meter, the balancer's ready list, a pooled station's servers. */
  protected readyChanged(g: Group, before: number): void {
    const rs = g.rs;
    g.ready.record(this.now, rs.ready);
    if (g.balanced) {
      this.chooser!.syncReady(g.k, rs);
      return;
    }
    const m = this.m;
    for (let j = 0; j < g.groups.length; j++) {
      const s = m.groupStation0[g.groups[j]];
      this.free[s] += (rs.ready - before) * g.perReplica[j];
      if (rs.ready > before) this.serveWaiting(s);
    }
  }

  override run(): R.DesignRaw {
    const raw = super.run();
    const w = this.windows;
    for (const g of this.groups) {
      g.billed.finish(this.now);
      g.ready.finish(this.now);
      g.starting.finish(this.now);
      const o = elasticOffset(g.k, w);
      const e = raw.elastic;
      e[o + E_COLD_STARTS] = g.coldStartsMeasured;
      e[o + E_REPLICA_SEC] = g.billed.replicaSeconds;
      e[o + E_READY_SEC] = g.ready.replicaSeconds;
      e[o + E_MIN_REPLICAS] = g.minCurrent;
      e[o + E_MAX_REPLICAS] = g.maxCurrent;
      e.set(g.billed.perWindowSec, o + ELASTIC_FIELDS);
      e.set(g.ready.perWindowSec, o + ELASTIC_FIELDS + w);
      e.set(g.starting.perWindowSec, o + ELASTIC_FIELDS + 2 * w);
    }
    return raw;
  }
}
