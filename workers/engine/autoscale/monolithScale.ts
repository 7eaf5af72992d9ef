/**
 * The derived monolith under an autoscaler: it scales as a whole, in whole
 * units (one replica = one machine of the monolith's type), on its aggregated
 * metric, and a new unit is ready when its slowest part is: every model in it
 * must load.
 */
import { coldStartMeanSec } from './coldStart';
import type { ColdStart } from './schema';

/** The monolith's cold start: the distribution of its heaviest component (largest mean), or `fallback` when none has one. */
export function monolithColdStart(components: readonly (ColdStart | null)[], fallback: ColdStart): ColdStart {
  let best: ColdStart | null = null;
  for (const c of components) if (c && (!best || coldStartMeanSec(c) > coldStartMeanSec(best))) best = c;
  return best ?? fallback;
}

/**
 * Utilization of one monolith unit: busy servers ÷ servers, summed over its
 * resource pools (CPU threads, GPUs). This is how the HPA measures a pod with
 * several containers: "the resource usages of all the containers are summed
 * up" (kubernetes.io HPA docs, "Support for resource metrics").
 */
export function unitUtilization(busyByPool: ArrayLike<number>, serversByPool: ArrayLike<number>): number {
  let busy = 0;
  let servers = 0;
  for (let i = 0; i < busyByPool.length; i++) {
    busy += busyByPool[i];
    servers += serversByPool[i];
  }
  return servers > 0 ? busy / servers : 0;
}
