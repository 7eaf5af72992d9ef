/** A benchmark worker thread: runs engine jobs (runPoint) sent by the main thread, moves results back by transfer. */
import { parentPort } from 'node:worker_threads';
import { engineApi } from '../engine/api';
import type { RunOptions } from '../engine/results';
import type { Topology } from '../engine/schema';

parentPort!.on('message', (job: { id: number; doc: Topology; opts: RunOptions }) => {
  const result = engineApi.runPoint(job.doc, job.opts);
  parentPort!.postMessage({ id: job.id, result }, engineApi.transferables(result));
});
