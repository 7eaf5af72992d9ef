/**
 * A pool of long-lived simulation workers. Tasks queue FIFO (priority tasks,
 * such as combining a finished point, jump the queue) and run one per worker.
 * `cancel()` terminates every worker at once and rejects every pending task;
 * a worker that dies rejects its task with a readable message and is
 * replaced. Workers are created lazily, so a pool is cheap until used.
 */
import type { RunResult, RunOptions } from '../../workers/engine/results';
import type { ReplicationResult } from '../../workers/engine/raw';
import type { Topology } from '../../workers/engine/schema';
import { FIRST_BEAT_MS, SILENT_WORKER_MS } from '../../workers/workerLimits';

/** What a pool task may call on a worker (the engine API, asynchronously). */
export interface PoolEngine {
  simulateReplication(doc: Topology, opts: RunOptions, replication: number): Promise<ReplicationResult>;
  /** Moves (transfers) the replications' buffers to the worker: do not use `reps` afterwards. */
  combineReplications(doc: Topology, opts: RunOptions, reps: ReplicationResult[]): Promise<RunResult>;
}

/** One worker as the pool sees it. */
export interface EngineHandle {
  engine: PoolEngine;
  terminate(): void;
  /** Registers the callback for a worker that failed to load or crashed. */
  onFailure(cb: (message: string) => void): void;
  /** When the worker last showed a sign of life (performance.now() ms; heartbeats and answers). Absent: not watched. */
  lastAliveMs?(): number;
  /** How far its running replication is (0–1, from the heartbeat), null when idle or unknown. Absent: not reported. */
  progress?(): number | null;
}

export type EngineFactory = () => EngineHandle;

/** Rejection reason of tasks dropped by `cancel()`. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** Rejection reason of a task whose worker died. */
export class WorkerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailedError';
  }
}

type TaskFn<T> = (engine: PoolEngine) => Promise<T>;
interface Task {
  fn: TaskFn<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}
interface Slot {
  handle: EngineHandle | null;
  task: Task | null;
  /** When its current task started (ms, the pool's clock). */
  startedMs: number;
}

/** What the watchdog says of a worker that stopped answering. */
export function silentWorkerMessage(silentMs: number): string {
  return `The simulation worker stopped answering (no sign of life for ${Math.round(silentMs / 1000)} s): it may have run out of memory or been stopped by the browser. Run again to retry with a fresh worker.`;
}

/**
 * Workers for this machine: one per core but one (navigator.hardwareConcurrency
 * − 1), at least 1, at most 8. The core left over keeps the page responsive:
 * with as many busy workers as cores, the main thread waits for a core and a
 * 40 ms chart update takes 100 ms or more.
 */
export function defaultPoolSize(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(8, Math.floor(cores || 1) - 1));
}

export class WorkerPool {
  private readonly slots: Slot[];
  private queue: Task[] = [];
  private watchdog: ReturnType<typeof setInterval> | null = null;
  /** When the watchdog last looked (ms, `now()`): a look that comes late means this thread was blocked. */
  private lookedMs = 0;

  /**
   * `silentMs`: a busy worker whose task has shown a sign of life (EngineHandle.lastAliveMs) and then shows none for
   * this long is taken for dead: terminated, its task rejected, replaced on next use. `firstBeatMs`: the silence
   * allowed from a task's start to its first sign of life (the worker parses, compiles and derives the document first).
   */
  constructor(
    private readonly factory: EngineFactory,
    readonly size: number = defaultPoolSize(),
    private readonly silentMs = SILENT_WORKER_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly firstBeatMs = FIRST_BEAT_MS,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ handle: null, task: null, startedMs: 0 }));
  }

  /** Checks every busy worker's last sign of life; runs only while some task is running. */
  private watch(): void {
    const busy = this.slots.filter((s) => s.task && s.handle?.lastAliveMs);
    if (busy.length === 0) {
      if (this.watchdog) clearInterval(this.watchdog);
      this.watchdog = null;
      this.lookedMs = 0;
      return;
    }
    const every = Math.min(1000, this.silentMs / 3);
    this.watchdog ??= setInterval(() => this.watch(), every);
    const t = this.now();
    // This thread was blocked (a long render, a starved tab): heartbeats that arrived meanwhile may still wait in the
    // message queue behind this timer, so silence is not judged on a late look; the next look, on time, judges it.
    const late = this.lookedMs > 0 && t - this.lookedMs > 2 * every;
    this.lookedMs = t;
    if (late) return;
    for (const slot of busy) {
      const alive = slot.handle?.lastAliveMs?.() ?? t;
      const beaten = alive > slot.startedMs;
      const silent = t - (beaten ? alive : slot.startedMs);
      if (silent > (beaten ? this.silentMs : this.firstBeatMs)) this.fail(slot, slot.handle!, silentWorkerMessage(silent));
    }
  }

  /** Queues a task; it runs on the first free worker. */
  run<T>(fn: TaskFn<T>, priority = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task: Task = { fn: fn as TaskFn<unknown>, resolve: resolve as (v: unknown) => void, reject };
      if (priority) this.queue.unshift(task);
      else this.queue.push(task);
      this.pump();
    });
  }

  /** The unfinished share of the running tasks, summed over workers (0 to the pool size; from their heartbeats). */
  runningProgress(): number {
    let sum = 0;
    for (const s of this.slots) {
      const p = s.task ? (s.handle?.progress?.() ?? null) : null;
      if (p !== null && p > 0) sum += Math.min(p, 1);
    }
    return sum;
  }

  /** Tasks waiting or running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.task).length;
  }

  /** Stops everything now: terminates every worker (replaced on next use) and rejects every task. */
  cancel(): void {
    const dropped = [...this.queue, ...this.slots.flatMap((s) => (s.task ? [s.task] : []))];
    this.queue = [];
    for (const s of this.slots) {
      s.handle?.terminate();
      s.handle = null;
      s.task = null;
    }
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    for (const t of dropped) t.reject(new CancelledError());
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      this.start(slot, task);
    }
  }

  private start(slot: Slot, task: Task): void {
    let handle: EngineHandle;
    try {
      handle = slot.handle ?? this.spawn(slot);
    } catch (err) {
      slot.task = null;
      task.reject(new WorkerFailedError(`The simulation worker could not be created: ${(err as Error).message}`));
      queueMicrotask(() => this.pump());
      return;
    }
    slot.startedMs = this.now();
    if (handle.lastAliveMs && !this.watchdog) this.watch();
    task.fn(handle.engine).then(
      (v) => this.finish(slot, task, () => task.resolve(v)),
      (e) => this.finish(slot, task, () => task.reject(e)),
    );
  }

  private spawn(slot: Slot): EngineHandle {
    const handle = this.factory();
    slot.handle = handle;
    handle.onFailure((message) => this.fail(slot, handle, message));
    return handle;
  }

  /** A worker died (error event, or silent too long): terminate it, reject its task, go on with a fresh one. */
  private fail(slot: Slot, handle: EngineHandle, message: string): void {
    if (slot.handle !== handle) return;
    handle.terminate();
    slot.handle = null;
    const task = slot.task;
    slot.task = null;
    task?.reject(new WorkerFailedError(message));
    this.pump();
  }

  private finish(slot: Slot, task: Task, settle: () => void): void {
    // A task dropped by cancel() or a worker failure was already rejected.
    if (slot.task !== task) return;
    slot.task = null;
    settle();
    this.pump();
  }
}
