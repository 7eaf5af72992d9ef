/** The app's handle on the simulation worker (workers/sim.worker.ts) through comlink. */
import { type Remote, wrap } from 'comlink';
import type { EngineApi } from '../../workers/engine/api';

let api: Remote<EngineApi> | null = null;

/** The engine API running in a Web Worker (created on first use). */
export function engineWorker(): Remote<EngineApi> {
  api ??= wrap<EngineApi>(new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'loadsketch-sim' }));
  return api;
}
