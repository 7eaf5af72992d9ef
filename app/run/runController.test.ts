import { describe, expect, it } from 'vitest';
import { runPoint } from '../../workers/engine/run';
import { sweepRates } from '../../workers/engine/sweep';
import { loadTemplate } from '../../workers/templates';
import { createAppStore } from '../store';
import { meetsSlo } from './capacity';
import { fakeEngineFactory } from './fakeEngine';
import { RunController } from './runController';
import { WorkerPool } from './workerPool';

const base = loadTemplate('retrieve-rank-rerank');
const doc = { ...base, run: { ...base.run, durationSec: 3, warmupSec: 0.5 } };

function setup(size = 2) {
  const store = createAppStore({ doc });
  const { factory } = fakeEngineFactory({ seed: 4 });
  const controller = new RunController(store, () => new WorkerPool(factory, size));
  return { store, controller };
}

const until = async (f: () => boolean) => {
  while (!f()) await new Promise((r) => setTimeout(r, 5));
};

describe('RunController', () => {
  it('streams a sweep into the run slice, numbers equal to runPoint', async () => {
    const { store, controller } = setup();
    store.getState().setRunForm({ steps: '4' });
    expect(controller.start()).toBe(true);
    expect(store.getState().run?.status).toBe('running');
    await until(() => store.getState().run?.status !== 'running');
    const run = store.getState().run!;
    expect(run.status).toBe('done');
    expect(run.rates).toEqual(sweepRates(doc, { steps: 4 }));
    expect(run.pointsDone).toBe(4);
    expect(run.firstPointMs).toBeGreaterThan(0);
    expect(run.points[2]).toEqual(runPoint(doc, { ratePerSec: run.rates[2] }));
  });

  it('after a reload a new run gets an id above the restored run\'s (a fresh controller restarts its count)', async () => {
    const { store, controller } = setup();
    store.getState().setRunForm({ steps: '2' });
    controller.start();
    await until(() => store.getState().run?.status !== 'running');
    const restored = store.getState().run!.id;
    // A new page: a new controller over a store whose run came back from storage.
    const again = new RunController(store, () => new WorkerPool(fakeEngineFactory({ seed: 4 }).factory, 2));
    again.start();
    expect(store.getState().run!.id).toBe(restored + 1);
    await until(() => store.getState().run?.status !== 'running');
  });

  it('wrong inputs: no run, a message on the field', () => {
    const { store, controller } = setup();
    store.getState().setRunForm({ steps: '0' });
    expect(controller.start()).toBe(false);
    expect(store.getState().run).toBeNull();
    expect(store.getState().formErrors.steps).toMatch(/steps must be a whole number/);
  });

  it('cancel marks the run cancelled at once and keeps the points already done', async () => {
    const { store, controller } = setup(1);
    store.getState().setRunForm({ steps: '6' });
    controller.start();
    await until(() => (store.getState().run?.pointsDone ?? 0) >= 1);
    controller.cancel();
    const run = store.getState().run!;
    expect(run.status).toBe('cancelled');
    expect(run.pointsDone).toBeGreaterThanOrEqual(1);
    expect(run.pointsDone).toBeLessThan(6);
    // The next run works.
    store.getState().setRunForm({ steps: '2' });
    controller.start();
    await until(() => store.getState().run?.status !== 'running');
    expect(store.getState().run?.status).toBe('done');
  });

  it('capacity at SLO: each design passes at its capacity and the search brackets it', async () => {
    const { store, controller } = setup();
    store.getState().setRunForm({ steps: '5' });
    controller.start();
    await until(() => store.getState().run?.status !== 'running');
    await controller.findCapacity();
    const cap = store.getState().capacity!;
    expect(cap.status).toBe('done');
    for (const d of ['microservices', 'monolith'] as const) {
      const c = cap[d]!;
      expect(c.capacityPerSec).toBeGreaterThan(0);
      expect(meetsSlo(c.atCapacity![d], doc.slo)).toBe(true);
      expect(c.failsAtPerSec!).toBeGreaterThan(c.capacityPerSec);
      // A fresh run at the capacity rate gives the same verdict (deterministic).
      expect(meetsSlo(runPoint(doc, { ratePerSec: c.capacityPerSec })[d], doc.slo)).toBe(true);
    }
  });
});
