/**
 * What the simulator and the results need to know about elasticity, compiled
 * once per design: the autoscaled groups (a node with its own servers and an
 * `autoscale`, or the monolith's unit), their settings, cold starts and
 * prices, the fixed part of the design's cost, and the SLO each result window
 * is judged by. A design without `autoscale` compiles to `anyElastic: false`
 * and an empty list, and the simulator then creates none of the machinery.
 */
import type { Topology } from '../schema';
import { defaultColdStart } from './coldStartDefaults';
import type { Autoscale, ColdStart } from './schema';

/** One autoscaled replica group. */
export interface ElasticGroup {
  /** The node (−1: the monolith's unit: every pool of the unit scales together). */
  node: number;
  /** 0 for the monolith's unit, −1 for a node. */
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

/** The monolith's autoscaling, for the derived monolith design (see run.ts). */
export interface MonolithElasticSpec {
  /** The unit id its pools share. */
  unit: string;
  autoscale: Autoscale;
  coldStart: ColdStart;
  /** Units at the start, and US$ per unit-hour. */
  replicas: number;
  pricePerHour: number;
}

/**
 * Compiles the elasticity of a document whose prices are resolved
 * (`withResolvedPrices`): the autoscaled nodes in document order (nodes with
 * their own servers, not offline), then the monolith's unit when `monolith`
 * is given (the derived monolith design only). `nodeElastic[i]` is node i's
 * index in `elastic`, −1 when fixed.
 */
export function compileElastic(doc: Topology, monolith: MonolithElasticSpec | null): CompiledElastic & { nodeElastic: Int32Array } {
  const elastic: ElasticGroup[] = [];
  const nodeElastic = new Int32Array(doc.nodes.length).fill(-1);
  let staticCostPerHour = 0;
  let staticReplicas = 0;
  const pooled = new Set(doc.pools.map((p) => p.id));
  doc.nodes.forEach((n, i) => {
    if (n.pool !== null && pooled.has(n.pool)) return;
    const price = n.costPerReplicaHour ?? 0;
    if (!n.autoscale || n.role === 'offline') {
      staticReplicas += n.replicas;
      staticCostPerHour += n.replicas * price;
      return;
    }
    nodeElastic[i] = elastic.length;
    elastic.push({ node: i, unit: -1, autoscale: n.autoscale, coldStart: n.coldStart ?? defaultColdStart(n.kind), initialReplicas: initialReplicas(n.autoscale, n.replicas), pricePerHour: price });
  });
  for (const p of doc.pools) {
    if (monolith && p.unit === monolith.unit) continue;
    staticReplicas += p.replicas;
    staticCostPerHour += p.costPerHour;
  }
  if (monolith) {
    elastic.push({ node: -1, unit: 0, autoscale: monolith.autoscale, coldStart: monolith.coldStart, initialReplicas: initialReplicas(monolith.autoscale, monolith.replicas), pricePerHour: monolith.pricePerHour });
  }
  return {
    anyElastic: elastic.length > 0,
    elastic,
    nodeElastic,
    staticCostPerHour,
    staticReplicas,
    sloQuantile: QUANTILE[doc.slo.percentile],
    sloThresholdMs: doc.slo.thresholdMs,
  };
}
