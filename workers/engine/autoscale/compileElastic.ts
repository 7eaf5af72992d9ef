/**
 * What the simulator and the results need to know about elasticity, compiled
 * once per design: the autoscaled groups (a node with its own servers and an
 * `autoscale`, or the monolith's unit), their settings, cold starts and
 * prices, the fixed part of the design's cost, and the SLO each result window
 * is judged by. A design without `autoscale` compiles to `anyElastic: false`
 * and an empty list, and the simulator then creates none of the machinery.
 */
import type { Topology } from '../schema';
import { defaultColdStart } from './coldStart';
import type { Autoscale, ColdStart } from './schema';

/** One autoscaled replica group. */
export interface ElasticGroup {
  /** The node (−1: the monolith's unit, every group with `unit` index `unit`). */
  node: number;
  /** The monolith's unit index (groupUnit), −1 for a node. */
  unit: number;
  autoscale: Autoscale;
  coldStart: ColdStart;
  /** Replicas at the start: the node's `replicas` within [minReplicas, maxReplicas]. */
  initialReplicas: number;
  /** US$ per replica-hour (a unit: every pool of the unit, per replica). */
  pricePerHour: number;
}

/** The compiled elasticity of a design. */
export interface CompiledElastic {
  anyElastic: boolean;
  elastic: ElasticGroup[];
  /** US$ per hour of everything not autoscaled (fixed replicas and pools). */
  staticCostPerHour: number;
  /** Replicas of everything not autoscaled (nodes' replicas, pools' replicas). */
  staticReplicas: number;
  /** The SLO judged per window: quantile (0.5 … 0.999; NaN = the mean) and threshold, ms. */
  sloQuantile: number;
  sloThresholdMs: number;
}

const QUANTILE: Record<Topology['slo']['percentile'], number> = { mean: Number.NaN, p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, p999: 0.999 };

/** Clamps a starting count into the autoscaler's bounds. */
export function initialReplicas(a: Autoscale, replicas: number): number {
  return Math.min(a.maxReplicas, Math.max(a.minReplicas, replicas));
}

/**
 * Compiles the elasticity of a document whose prices are resolved
 * (`withResolvedPrices`). `monolithUnit`: for the derived monolith, the unit
 * index its pools share and the monolith's autoscale / cold start (see
 * monolith.ts); null for the microservice design.
 */
export function compileElastic(doc: Topology, costPerHour: number, monolith: { unit: number; autoscale: Autoscale; coldStart: ColdStart; replicas: number; pricePerHour: number } | null): CompiledElastic {
  const elastic: ElasticGroup[] = [];
  let elasticCost = 0;
  let staticReplicas = 0;
  const pooled = new Set(doc.pools.map((p) => p.id));
  doc.nodes.forEach((n, i) => {
    if (n.pool !== null && pooled.has(n.pool)) return;
    const price = n.costPerReplicaHour ?? 0;
    if (!n.autoscale || n.role === 'offline') {
      staticReplicas += n.replicas;
      return;
    }
    elastic.push({ node: i, unit: -1, autoscale: n.autoscale, coldStart: n.coldStart ?? defaultColdStart(n.kind), initialReplicas: initialReplicas(n.autoscale, n.replicas), pricePerHour: price });
    elasticCost += n.replicas * price;
  });
  for (const p of doc.pools) if (!monolith || p.unit === null) staticReplicas += p.replicas;
  if (monolith) {
    elastic.push({ node: -1, unit: monolith.unit, autoscale: monolith.autoscale, coldStart: monolith.coldStart, initialReplicas: initialReplicas(monolith.autoscale, monolith.replicas), pricePerHour: monolith.pricePerHour });
    elasticCost += monolith.replicas * monolith.pricePerHour;
  }
  return {
    anyElastic: elastic.length > 0,
    elastic,
    staticCostPerHour: Math.max(0, costPerHour - elasticCost),
    staticReplicas,
    sloQuantile: QUANTILE[doc.slo.percentile],
    sloThresholdMs: doc.slo.thresholdMs,
  };
}
