/** The real engine handle: a module Web Worker running workers/sim.worker.ts, wrapped by comlink. */
import { type Remote, transfer, wrap } from 'comlink';
import type { SimWorkerApi } from '../../workers/sim.worker';
import { type ReplicationResult, rawBuffers as designBuffers } from '../../workers/engine/raw';
import type { EngineHandle } from './workerPool';

function rawBuffers(r: ReplicationResult): ArrayBuffer[] {
  return [...new Set([...designBuffers(r.microservices), ...designBuffers(r.monolith)])];
}

function failureText(e: Event): string {
  const detail = e instanceof ErrorEvent && e.message ? `: ${e.message}` : '';
  return `The simulation worker stopped (it failed to load or crashed)${detail}. Run again to retry with a fresh worker.`;
}

/** Creates one simulation worker. */
export function createBrowserEngine(): EngineHandle {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'loadsketch-sim' });
  const api: Remote<SimWorkerApi> = wrap<SimWorkerApi>(worker);
  let failed: ((message: string) => void) | null = null;
  // Any message (a heartbeat or an answer) is a sign of life; the pool's watchdog reads it.
  let aliveAtMs = performance.now();
  let progress: number | null = null;
  worker.addEventListener('message', (e: MessageEvent) => {
    aliveAtMs = performance.now();
    // A heartbeat carries how far the running replication is (simulated ÷ duration), null when idle.
    if (e.data && typeof e.data === 'object' && 'heartbeat' in e.data) progress = typeof e.data.progress === 'number' ? e.data.progress : null;
  });
  worker.addEventListener('error', (e) => failed?.(failureText(e)));
  worker.addEventListener('messageerror', () => failed?.('A simulation result could not be read from the worker.'));
  return {
    engine: {
      simulateReplication: (doc, opts, replication) => api.simulateReplication(doc, opts, replication),
      combineReplications: (doc, opts, reps) => api.combineReplications(doc, opts, transfer(reps, reps.flatMap(rawBuffers))),
    },
    terminate: () => worker.terminate(),
    lastAliveMs: () => aliveAtMs,
    progress: () => progress,
    onFailure: (cb) => {
      failed = cb;
    },
  };
}
