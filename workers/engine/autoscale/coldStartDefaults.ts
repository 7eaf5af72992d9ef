/**
 * The default cold starts by node kind, with their sources (see the module
 * note of coldStart.ts). Kept apart from the sampler so that compiling a
 * design can read them without importing the compiler back (coldStart.ts
 * uses compile.ts's distribution codes).
 */
import type { ColdStart } from './schema';

/** Default cold start of a model server that needs a GPU node (see the module note). */
export const MODEL_SERVER_COLD_START: ColdStart = { dist: 'lognormal', meanSec: 120, cv: 0.3 };
/** Default cold start of a CPU service pod (see the module note). */
export const SERVICE_COLD_START: ColdStart = { dist: 'lognormal', meanSec: 10, cv: 0.5 };

/** The default cold start of a node kind. */
export function defaultColdStart(kind: string): ColdStart {
  return kind === 'model-server' ? MODEL_SERVER_COLD_START : SERVICE_COLD_START;
}

/** The mean of a cold-start distribution, seconds. */
export function coldStartMeanSec(c: ColdStart): number {
  return c.dist === 'uniform' ? (c.minSec + c.maxSec) / 2 : c.meanSec;
}

