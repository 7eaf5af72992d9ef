/**
 * "A replica is chosen" while replicas are down: the balancer of balancer.ts
 * with health checking. Down replicas are the highest-numbered (replicas
 * `up`, …, n − 1 of the group), so the balancer applies its rule (Envoy's,
 * see balancer.ts) to replicas 0 … up − 1 only, as Envoy's load balancers do
 * once active health checking or outlier detection has ejected a host
 * (docs/model.md, "Fault scenarios"). A visit that would stay on its unit's
 * replica index goes by the rule when that replica is down. Groups with every
 * replica up are left to the base class, so its draws are unchanged (an
 * autoscaled group's `up` never drops: its ReplicaSet takes crashed replicas
 * out of the ElasticChooser's ready list instead, elasticScenarioSim.ts).
 */
import { ReplicaChooser } from '../balancer';
import type { CompiledModel } from '../compile';
import * as L from '../compileStations';

const { LB_POOLED } = L;

/** What the scenario simulator sets on its balancer: per group, the replicas up (0 … up − 1). */
export interface HealthChooser {
  readonly up: Int32Array;
}

// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
type ChooserClass = new (...args: any[]) => ReplicaChooser;

/** `Base` (constructed with (model, seed)) with health checking: down replicas take no new visits. */
export function withHealthChecks<B extends ChooserClass>(Base: B) {
  return class HealthChecked extends Base implements HealthChooser {
    /** Per group: replicas up (0 … up − 1); the scenario simulator sets it at each change point. */
    readonly up: Int32Array;

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      this.up = (args[0] as CompiledModel).groupReplicas.slice();
    }

    override station(i: number, from: number): number {
      const m = this.m;
      const g = m.nodeGroup[i];
      const up = this.up[g];
      const n = m.groupReplicas[g];
      const kind = m.groupBalancer[g];
      if (up >= n || kind === LB_POOLED) return super.station(i, from);
      const s0 = m.groupStation0[g];
      const u = m.groupUnit[g];
      if (u >= 0 && from >= 0) {
        const fg = m.stationGroup[from];
        if (m.groupUnit[fg] === u && m.groupBalancer[fg] !== LB_POOLED) {
          const r = m.stationReplica[from] % n;
          if (r < up) return s0 + r;
        }
      }
      if (up <= 1) return s0;
      return this.pick(g, kind, s0, up);
    }
  };
}

/** The balancer of a design with a fault scenario. */
export class ScenarioChooser extends withHealthChecks(ReplicaChooser) {}
