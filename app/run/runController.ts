/**
 * Orchestrates runs for one store: plans the run from the panel, runs its
 * points through the worker pool, streams points and (throttled) progress
 * into the run slice, cancels, and searches the capacity at the SLO.
 */
import { bracket, type Design } from '../../workers/engine/capacity';
import type { RunResult } from '../../workers/engine/results';
import type { AppStore } from '../store';
import type { DesignCapacity } from '../store/runSlice';
import { type CapacityFound, meetsSlo, searchCapacity } from './capacity';
import { coalesce } from './coalesce';
import { HEARTBEAT_MS } from '../../workers/workerLimits';
import { planRun } from './plan';
import { runPoints } from './scheduler';
import { CancelledError, type WorkerPool } from './workerPool';

/** Longest gap between progress updates in the store, ms (progress is throttled to this). */
export const PROGRESS_INTERVAL_MS = 150;
/** Sweep points reach the store at most once per this interval, ms (each update re-renders the charts). */
export const POINTS_INTERVAL_MS = 250;

/** A readable message for a failed run. */
export function failureMessage(err: unknown): string {
  if (err instanceof Error && err.name === 'WorkerFailedError') return err.message;
  const text = err instanceof Error ? err.message : String(err);
  return `The simulation failed: ${text || 'unknown error'}`;
}

const now = () => performance.now();

export class RunController {
  private pool: WorkerPool | null = null;
  private nextId = 1;
  /** Puts the current run's waiting points into the store (before it is marked cancelled). */
  private flushPoints: () => void = () => {};

  constructor(
    private readonly store: AppStore,
    private readonly makePool: () => WorkerPool,
    /** Search the capacity at the SLO after each sweep (off in unit tests that count jobs). */
    private readonly autoCapacity = true,
  ) {}

  private get workers(): WorkerPool {
    this.pool ??= this.makePool();
    return this.pool;
  }

  get busy(): boolean {
    const s = this.store.getState();
    return s.run?.status === 'running' || s.capacity?.status === 'running';
  }

  /** Starts the run the panel describes; returns false (and shows why) when the inputs are wrong. */
  start(): boolean {
    const s = this.store.getState();
    const planned = planRun(s.doc, s.runForm);
    if ('errors' in planned) {
      s.setFormErrors(planned.errors);
      return false;
    }
    if (this.busy) this.cancel();
    const { plan } = planned;
    // After a reload the restored run keeps its id; a new run must not reuse it (the results view tells runs apart by id).
    const id = Math.max(this.nextId, (s.run?.id ?? 0) + 1);
    this.nextId = id + 1;
    const doc = s.doc;
    const startedAtMs = now();
    // `rates`: each point's load, its users for a closed workload.
    s.runStarted({ id, kind: plan.kind, doc, rates: plan.points.map((p) => p.users ?? p.ratePerSec!), replications: plan.replications, startedAtMs });
    let timer: ReturnType<typeof setTimeout> | null = null;
    let latest = 0;
    const flush = () => {
      timer = null;
      const r = this.store.getState().run;
      if (!r || r.id !== id) return;
      // Finished jobs plus the share the running ones have done (a day of traffic is one long job).
      const done = Math.min(r.jobsTotal, latest + (r.status === 'running' ? (this.pool?.runningProgress() ?? 0) : 0));
      const elapsed = (now() - startedAtMs) / 1000;
      const eta = done > 0 ? (elapsed / done) * (r.jobsTotal - done) : null;
      this.store.getState().runProgressed(id, done, eta);
    };
    // Heartbeats arrive every HEARTBEAT_MS: the bar moves inside long replications too.
    const ticker = setInterval(() => {
      if (this.store.getState().run?.id !== id || this.store.getState().run?.status !== 'running') clearInterval(ticker);
      else timer ??= setTimeout(flush, 0);
    }, HEARTBEAT_MS);
    let firstAtMs = 0;
    const points = coalesce<{ index: number; result: RunResult }>((done) => this.store.getState().runPointsDone(id, done, firstAtMs), POINTS_INTERVAL_MS, now);
    this.flushPoints = points.flush;
    runPoints(this.workers, doc, plan.points, plan.replications, {
      onJob: (done) => {
        latest = done;
        timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
      },
      onPoint: (index, result) => {
        firstAtMs ||= now();
        points.push({ index, result });
      },
    }).then(
      () => {
        clearInterval(ticker);
        if (timer) clearTimeout(timer);
        points.flush();
        flush();
        this.store.getState().runEnded(id, 'done');
        // The verdict names each design's capacity: after a sweep it is searched at once (a new run cancels the search).
        // A closed workload's users ignore the rate: its verdict is the sweep's own, in users (no search over the rate).
        if (plan.kind === 'sweep' && this.autoCapacity && doc.workload.model !== 'closed') void this.findCapacity();
      },
      (err) => {
        clearInterval(ticker);
        if (timer) clearTimeout(timer);
        points.flush();
        if (err instanceof CancelledError) return this.store.getState().runEnded(id, 'cancelled');
        this.pool?.cancel();
        this.store.getState().runEnded(id, 'error', failureMessage(err));
      },
    );
    return true;
  }

  /** Stops the run and any capacity search at once (workers terminated and replaced). */
  cancel(): void {
    this.flushPoints();
    const s = this.store.getState();
    this.pool?.cancel();
    if (s.run?.status === 'running') s.runEnded(s.run.id, 'cancelled');
    if (s.capacity?.status === 'running') s.setCapacity({ ...s.capacity, status: 'cancelled' });
  }

  /** Searches, for both designs at once, the highest rate that meets the document's SLO. */
  async findCapacity(): Promise<void> {
    const s = this.store.getState();
    // The search bisects the rate, which a closed workload's users ignore.
    if (s.doc.workload.model === 'closed') return;
    const planned = planRun(s.doc, { ...s.runForm, mode: 'sweep', autoRange: true, steps: '10' });
    if ('errors' in planned) {
      s.setFormErrors(planned.errors);
      return;
    }
    if (this.busy) this.cancel();
    const doc = s.doc;
    const slo = doc.slo;
    const runId = this.nextId++;
    const reps = planned.plan.replications;
    const record = { runId, status: 'running' as const, doc, slo, microservices: null, monolith: null, evaluations: 0, error: null };
    s.setCapacity(record);
    let evaluations = 0;
    const sweep = s.run && s.run.doc === doc && s.run.kind === 'sweep' ? s.run.points.filter((p): p is RunResult => p !== null) : [];
    const search = (design: Design) => {
      const b = bracket(doc, design, sweep, (r) => meetsSlo(r[design], slo));
      return searchCapacity(
        async (rate) => {
          const [r] = await runPoints(this.workers, doc, [{ ratePerSec: rate }], reps);
          const live = this.store.getState().capacity;
          if (live?.runId === runId) this.store.getState().setCapacity({ ...live, evaluations: ++evaluations });
          return { ok: meetsSlo(r[design], slo), result: r };
        },
        { lowPerSec: b.low, lowResult: b.lowResult, highPerSec: b.high, maxEvaluations: 10, maxRatePerSec: 1e6 },
      );
    };
    try {
      const [micro, mono] = await Promise.all([search('microservices'), search('monolith')]);
      const live = this.store.getState().capacity;
      if (live?.runId !== runId) return;
      this.store.getState().setCapacity({ ...live, status: 'done', microservices: summary(micro), monolith: summary(mono), evaluations });
    } catch (err) {
      const live = this.store.getState().capacity;
      if (live?.runId !== runId) return;
      if (err instanceof CancelledError) return this.store.getState().setCapacity({ ...live, status: 'cancelled' });
      this.pool?.cancel();
      this.store.getState().setCapacity({ ...live, status: 'error', error: failureMessage(err) });
    }
  }

  /** Terminates the workers for good (tests, page unload). */
  dispose(): void {
    this.pool?.cancel();
    this.pool = null;
  }
}

function summary(found: CapacityFound<RunResult>): DesignCapacity {
  return { capacityPerSec: found.capacityPerSec, failsAtPerSec: found.failsAtPerSec, atCapacity: found.atCapacity?.result ?? null };
}

/** Where a capacity search starts (from a finished sweep, else the analytic saturation rate): shared with the CLI. */
export { bracket } from '../../workers/engine/capacity';
