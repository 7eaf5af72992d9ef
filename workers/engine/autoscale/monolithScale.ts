/**
 * The derived monolith under an autoscaler: it scales as a whole, in whole
 * units (one replica = one machine of the monolith's type), on its aggregated
 * metric, and a new unit is ready when its slowest part is: every model in it
 * must load.
 */
import type { MonolithDeployment } from '../monolith';
import type { Topology } from '../schema';
import { coldStartMeanSec, defaultColdStart, SERVICE_COLD_START } from './coldStartDefaults';
import type { MonolithElasticSpec } from './compileElastic';
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

/**
 * The derived monolith's autoscaling (null when `monolith.autoscale` is not
 * set or nothing is merged): one autoscaler for the unit "monolith" (every
 * pool of it scales together, whole units of its machine type), the unit's
 * price, and the cold start of `monolith.coldStart` or else of its heaviest
 * merged component.
 */
export function monolithElasticSpec(doc: Topology, deployment: MonolithDeployment): MonolithElasticSpec | null {
  const a = doc.monolith.autoscale;
  const merged = new Set([...deployment.cpuNodes, ...deployment.gpuNodes]);
  if (!a || merged.size === 0) return null;
  const parts = doc.nodes.filter((n) => merged.has(n.id)).map((n) => n.coldStart ?? defaultColdStart(n.kind));
  return {
    unit: 'monolith',
    autoscale: a,
    coldStart: doc.monolith.coldStart ?? monolithColdStart(parts, SERVICE_COLD_START),
    replicas: deployment.replicas,
    pricePerHour: deployment.pricePerReplicaHour,
  };
}
