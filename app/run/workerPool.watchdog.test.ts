import { describe, expect, it } from 'vitest';
import type { EngineHandle, PoolEngine } from './workerPool';
import { WorkerFailedError, WorkerPool } from './workerPool';

/** A handle whose worker beats until `die()` and then never answers nor fires an error (a silent death). */
function handle(log: string[]): EngineHandle & { die(): void } {
  let alive = true;
  let aliveAt = performance.now();
  const beat = setInterval(() => {
    if (alive) aliveAt = performance.now();
  }, 10);
  const never = new Promise<never>(() => {});
  const engine: PoolEngine = {
    simulateReplication: () => {
      log.push('job');
      return alive ? new Promise((r) => setTimeout(() => r('done' as never), 30)) : never;
    },
    combineReplications: () => never,
  };
  return {
    engine,
    terminate: () => {
      clearInterval(beat);
      log.push('terminated');
    },
    onFailure: () => {},
    lastAliveMs: () => aliveAt,
    die: () => {
      alive = false;
    },
  };
}

describe('worker pool watchdog', () => {
  it('reports a worker that dies without an error event, and the next task runs on a fresh worker', async () => {
    const log: string[] = [];
    const made: ReturnType<typeof handle>[] = [];
    const pool = new WorkerPool(() => {
      const h = handle(log);
      made.push(h);
      return h;
    }, 1, 150, undefined, 150);
    const job = () => pool.run((e) => e.simulateReplication({} as never, {}, 0));
    await expect(job()).resolves.toBe('done');
    made[0].die();
    const failed = await job().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkerFailedError);
    expect((failed as Error).message).toMatch(/stopped answering \(no sign of life for \d+ s\)/);
    expect(log).toContain('terminated');
    await expect(job()).resolves.toBe('done');
    expect(made).toHaveLength(2);
    pool.cancel();
    made[1].terminate();
  });

  it('leaves a busy worker that keeps beating alone, however long its job', async () => {
    const log: string[] = [];
    let aliveAt = performance.now();
    const beat = setInterval(() => (aliveAt = performance.now()), 10);
    const pool = new WorkerPool(
      () => ({
        engine: { simulateReplication: () => new Promise((r) => setTimeout(() => r('slow' as never), 600)), combineReplications: () => new Promise(() => {}) },
        terminate: () => log.push('terminated'),
        onFailure: () => {},
        lastAliveMs: () => aliveAt,
      }),
      1,
      150,
    );
    await expect(pool.run((e) => e.simulateReplication({} as never, {}, 0))).resolves.toBe('slow');
    expect(log).toEqual([]);
    clearInterval(beat);
    pool.cancel();
  });
});

describe('worker pool watchdog on a blocked main thread', () => {
  it('does not take a worker for dead on a look that comes late (its beats may still be queued), and does on the next look', async () => {
    let clock = 0;
    const log: string[] = [];
    const never = new Promise<never>(() => {});
    // A worker that beat at 0 and then not again; the pool's clock is driven by hand.
    const pool = new WorkerPool(
      () => ({
        engine: { simulateReplication: () => never, combineReplications: () => never },
        terminate: () => log.push('terminated'),
        onFailure: () => {},
        lastAliveMs: () => 0,
      }),
      1,
      300,
      () => clock,
      300,
    );
    const job = pool.run((e) => e.simulateReplication({} as never, {}, 0)).catch((e: unknown) => e);
    // The pool looks every 100 ms (silentMs / 3). The first look is at start.
    clock = 50;
    await new Promise((r) => setTimeout(r, 130));
    expect(log).toEqual([]);
    // The thread was blocked for 1 s: the look after it is late, and skipped.
    clock = 1050;
    await new Promise((r) => setTimeout(r, 110));
    expect(log).toEqual([]);
    // The next look is on time and the worker has been silent for over 300 ms: taken for dead.
    clock = 1120;
    await new Promise((r) => setTimeout(r, 110));
    expect(log).toEqual(['terminated']);
    expect(await job).toBeInstanceOf(WorkerFailedError);
  });
});

describe('worker pool watchdog: a task’s first beat', () => {
  /** A pool on a hand-driven clock whose one worker last beat at `beatAt()`; looks every 100 ms. */
  function pool(beatAt: () => number, clock: () => number, log: string[]) {
    const never = new Promise<never>(() => {});
    return new WorkerPool(
      () => ({
        engine: { simulateReplication: () => never, combineReplications: () => never },
        terminate: () => log.push('terminated'),
        onFailure: () => {},
        lastAliveMs: beatAt,
      }),
      1,
      300,
      clock,
      3000,
    );
  }
  const tick = () => new Promise((r) => setTimeout(r, 110));

  it('gives a task that has not beaten yet (parse, compile, derive) the longer first-beat allowance', async () => {
    let clock = 10;
    const log: string[] = [];
    const p = pool(() => 0, () => clock, log);
    const job = p.run((e) => e.simulateReplication({} as never, {}, 0)).catch((e: unknown) => e);
    for (const at of [100, 200, 300, 400, 500, 600]) {
      clock = at;
      await tick();
    }
    expect(log).toEqual([]); // 590 ms of silence since the start: more than silentMs, less than firstBeatMs
    p.cancel();
    await job;
  });

  it('takes a task that beat and then fell silent for dead after the shorter silence', async () => {
    let clock = 10;
    const log: string[] = [];
    const p = pool(() => 50, () => clock, log);
    const job = p.run((e) => e.simulateReplication({} as never, {}, 0)).catch((e: unknown) => e);
    for (const at of [100, 200, 300]) {
      clock = at;
      await tick();
    }
    expect(log).toEqual([]); // 250 ms since its beat
    clock = 400;
    await tick();
    expect(log).toEqual(['terminated']); // 350 ms > 300 ms
    expect(await job).toBeInstanceOf(WorkerFailedError);
  });
});
