/**
 * The app's handles on simulation workers (workers/sim.worker.ts) through
 * comlink, apart from the run pool (app/run): one worker that only checks
 * documents and reads opened files, so nothing else can queue ahead of a
 * check; and one for animation traces, terminated when a newer trace or the
 * player's closing makes the running one useless.
 */
import { type Remote, wrap } from 'comlink';
import type { TraceOptions, TraceResult } from '../../workers/engine/traceResult';
import type { Topology } from '../../workers/engine/schema';
import type { SimWorkerApi } from '../../workers/sim.worker';

const spawn = (name: string) => new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name });

let check: Remote<SimWorkerApi> | null = null;

/** The checking worker: validation of every edit, reading opened files. Never runs a simulation or a trace. */
export function checkWorker(): Remote<SimWorkerApi> {
  check ??= wrap<SimWorkerApi>(spawn('loadsketch-check'));
  return check;
}

let tracer: { worker: Worker; api: Remote<SimWorkerApi>; busy: number } | null = null;

/**
 * Records an animation trace in the trace worker. `cancel()` terminates the
 * worker if this trace is still running (the promise then never settles;
 * the next trace gets a fresh worker).
 */
export function traceInWorker(doc: Topology, opts: TraceOptions): { result: Promise<TraceResult>; cancel: () => void } {
  if (!tracer) {
    const worker = spawn('loadsketch-trace');
    tracer = { worker, api: wrap<SimWorkerApi>(worker), busy: 0 };
  }
  const t = tracer;
  t.busy++;
  let done = false;
  const result = t.api.traceDocument(doc, opts).finally(() => {
    done = true;
    t.busy--;
  });
  return {
    result,
    cancel: () => {
      if (done || tracer !== t) return;
      t.worker.terminate();
      tracer = null;
    },
  };
}

let study: Remote<SimWorkerApi> | null = null;

/** The worker for one-off studies started from a view (right-sizing): never the checking worker, so a search cannot delay a check. */
export function studyWorker(): Remote<SimWorkerApi> {
  study ??= wrap<SimWorkerApi>(spawn('loadsketch-study'));
  return study;
}
