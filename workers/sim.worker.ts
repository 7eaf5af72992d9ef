// The simulation worker: exposes the engine API over comlink, nothing else.
// Results travel back with comlink.transfer (typed arrays moved, not copied).
import { expose, transfer } from 'comlink';
import { engineApi } from './engine/api';
import type { ReplicationResult } from './engine/raw';
import type { RunResult, SweepResult } from './engine/results';
import { traceBuffers } from './engine/trace';

function moved<A extends unknown[], R extends RunResult | SweepResult | ReplicationResult>(f: (...a: A) => R): (...a: A) => R {
  return (...a) => {
    const r = f(...a);
    return transfer(r, engineApi.transferables(r));
  };
}

expose({
  ...engineApi,
  simulateReplication: moved(engineApi.simulateReplication),
  combineReplications: moved(engineApi.combineReplications),
  runPoint: moved(engineApi.runPoint),
  sweep: moved(engineApi.sweep),
  traceDocument: (...a: Parameters<typeof engineApi.traceDocument>) => {
    const t = engineApi.traceDocument(...a);
    return transfer(t, traceBuffers(t));
  },
});
