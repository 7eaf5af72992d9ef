/**
 * An in-process engine handle for Node tests (no Web Workers there): the real
 * engine functions, answered after a seeded pseudo-random delay so jobs finish
 * out of order, with a switch to make the "worker" die.
 */
import { combineReplications, simulateReplication } from '../../workers/engine/run';
import type { EngineHandle } from './workerPool';

export interface FakeEngineOptions {
  /** Seed of the delay sequence. */
  seed?: number;
  /** Longest delay before an answer, ms. */
  maxDelayMs?: number;
  /** Called before each job: return a message to make the worker die instead of answering. */
  dieWith?: () => string | null;
}

export function fakeEngineFactory(options: FakeEngineOptions = {}) {
  let state = options.seed ?? 1;
  const delay = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return (state % 1000) / 1000 * (options.maxDelayMs ?? 5);
  };
  const stats = { created: 0, terminated: 0 };
  const factory = (): EngineHandle => {
    stats.created++;
    let fail: ((m: string) => void) | null = null;
    let dead = false;
    const later = <T>(f: () => T) =>
      new Promise<T>((resolve, reject) => {
        const message = options.dieWith?.() ?? null;
        setTimeout(() => {
          if (dead) return; // a terminated worker never answers
          if (message !== null) return fail?.(message);
          try {
            resolve(f());
          } catch (e) {
            reject(e);
          }
        }, delay());
      });
    return {
      engine: {
        simulateReplication: (doc, opts, r) => later(() => simulateReplication(doc, opts, r)),
        combineReplications: (doc, opts, reps) => later(() => combineReplications(doc, opts, reps)),
      },
      terminate: () => {
        dead = true;
        stats.terminated++;
      },
      onFailure: (cb) => {
        fail = cb;
      },
    };
  };
  return { factory, stats };
}
