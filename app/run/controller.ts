/** One run controller per store, with a pool of real Web Workers (created on first run). */
import type { AppStore } from '../store';
import { createBrowserEngine } from './browserEngine';
import { RunController } from './runController';
import { WorkerPool } from './workerPool';

const controllers = new WeakMap<AppStore, RunController>();

export function runControllerFor(store: AppStore): RunController {
  let c = controllers.get(store);
  if (!c) {
    c = new RunController(store, () => new WorkerPool(createBrowserEngine));
    controllers.set(store, c);
  }
  return c;
}
