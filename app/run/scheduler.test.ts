import { describe, expect, it } from 'vitest';
import { runPoint } from '../../workers/engine/run';
import { sweepRates } from '../../workers/engine/sweep';
import { loadTemplate } from '../../workers/templates';
import { fakeEngineFactory } from './fakeEngine';
import { runPoints } from './scheduler';
import { CancelledError, WorkerFailedError, WorkerPool, defaultPoolSize } from './workerPool';

const doc = loadTemplate('retrieve-rank-rerank');
const short = { durationSec: 1.5, warmupSec: 0.3, seed: 7 };

describe('defaultPoolSize', () => {
  it('is the core count less one (left to the page), capped at 8, at least 1', () => {
    expect([defaultPoolSize(0), defaultPoolSize(1), defaultPoolSize(2), defaultPoolSize(4), defaultPoolSize(16), defaultPoolSize(undefined)]).toEqual([1, 1, 1, 3, 8, 1]);
  });
});

describe('runPoints', () => {
  const rates = sweepRates(doc, { steps: 3 });
  const points = rates.map((ratePerSec) => ({ ...short, ratePerSec }));

  it('gives the same numbers as runPoint on one thread, whatever the pool size and finishing order', async () => {
    const expected = rates.map((ratePerSec) => runPoint(doc, { ...short, ratePerSec, replications: 3 }));
    for (const [size, seed] of [
      [1, 1],
      [3, 2],
      [8, 3],
    ]) {
      const { factory } = fakeEngineFactory({ seed, maxDelayMs: 8 });
      const order: number[] = [];
      const got = await runPoints(new WorkerPool(factory, size), doc, points, 3, { onPoint: (i) => order.push(i) });
      expect(got).toEqual(expected);
      expect(order.slice().sort()).toEqual([0, 1, 2]);
    }
  });

  it('reports every job and every point once', async () => {
    const { factory } = fakeEngineFactory({ seed: 5 });
    const jobs: number[] = [];
    const pts: number[] = [];
    await runPoints(new WorkerPool(factory, 2), doc, points, 2, { onJob: (d, t) => jobs.push(d * 100 + t), onPoint: (i) => pts.push(i) });
    expect(jobs).toEqual([106, 206, 306, 406, 506, 606]);
    expect(pts.sort()).toEqual([0, 1, 2]);
  });

  it('cancel rejects at once, terminates every worker, and the pool runs again afterwards', async () => {
    const { factory, stats } = fakeEngineFactory({ seed: 9, maxDelayMs: 30 });
    const pool = new WorkerPool(factory, 2);
    const running = runPoints(pool, doc, points, 2);
    await new Promise((r) => setTimeout(r, 1));
    pool.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(pool.pending).toBe(0);
    expect(stats.terminated).toBe(2);
    const again = await runPoints(pool, doc, points.slice(0, 1), 1);
    expect(again[0]).toEqual(runPoint(doc, { ...points[0], replications: 1 }));
    expect(stats.created).toBe(3); // one fresh worker was enough for one job at a time
  });

  it('a dying worker becomes a readable error; the pool replaces it and recovers', async () => {
    let kill = true;
    const { factory, stats } = fakeEngineFactory({ dieWith: () => (kill ? 'worker script failed to load' : null) });
    const pool = new WorkerPool(factory, 2);
    await expect(runPoints(pool, doc, points, 1)).rejects.toEqual(new WorkerFailedError('worker script failed to load'));
    pool.cancel();
    kill = false;
    const ok = await runPoints(pool, doc, points.slice(0, 1), 1);
    expect(ok[0].microservices.endToEnd.completed).toBeGreaterThan(0);
    expect(stats.terminated).toBeGreaterThanOrEqual(2);
  });

  it('an engine error (bad options) rejects with the engine message and the worker stays usable', async () => {
    const { factory, stats } = fakeEngineFactory();
    const pool = new WorkerPool(factory, 1);
    await expect(runPoints(pool, doc, [{ ...short, ratePerSec: -1 }], 1)).rejects.toThrow(/ratePerSec must be greater than 0/);
    await runPoints(pool, doc, points.slice(0, 1), 1);
    expect(stats.created).toBe(1);
  });
});
