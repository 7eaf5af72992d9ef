/**
 * A fault scenario on a design with autoscalers: the scenario's machinery
 * (scenarioCore.ts) mixed into the ElasticSimulator (docs/model.md, "Faults
 * with autoscaling"). Fixed groups are faulted as in the ScenarioSimulator;
 * an autoscaled group's crashes go through its ReplicaSet, as Kubernetes
 * lives them:
 * - a crash takes `replicas` of the group's READY replicas at that instant
 *   (the highest slots; at most all of them) to the crashed state: the pods
 *   still exist (restartPolicy Always restarts their containers in place),
 *   so they stay billed and in the autoscaler's current count, take no
 *   traffic (out of the ready list the balancer chooses from; a pooled
 *   unit loses their servers), and what they held fails (cause crash);
 * - the autoscaler sees them as not ready: the HPA sets them aside and
 *   counts them as 0 % on a scale-up (hpaMath.ts); the KPA counts them in
 *   its current replicas. Whether it adds replicas is its own rule on its
 *   metric; replicas it adds pay the cold start as any other;
 * - a scale-down deletes crashed pods before ready ones (the ReplicaSet's
 *   order: not-ready first); at the event's end the crashed replicas still
 *   there come back ready at once (the event's duration is the outage of the
 *   replica, restart included);
 * - an outage crashes every ready replica (cause outage) and fails every
 *   arrival while it lasts; with no ready replica left after a crash, an
 *   HPA's group refuses arrivals (a Service without ready endpoints, cause
 *   crash) while a KPA's activator holds them until a replica is ready.
 */
import { ElasticChooser } from '../autoscale/elasticChooser';
import { ElasticSimulator } from '../autoscale/elasticSim';
import type { CompiledModel } from '../compile';
import { LB_POOLED } from '../compileStations';
import { CAUSE_CRASH, CAUSE_OUTAGE } from './failureCauses';
import { withScenario } from './scenarioCore';
import { withHealthChecks } from './scenarioChooser';

/** The ElasticChooser with health checking for the design's fixed groups. */
class ElasticScenarioChooser extends withHealthChecks(ElasticChooser) {}

/** The ElasticSimulator with a fault scenario (see the module note). */
export class ElasticScenarioSimulator extends withScenario(ElasticSimulator) {
  protected override makeChooser(m: CompiledModel, seed: number): ElasticScenarioChooser {
    return new ElasticScenarioChooser(m, seed);
  }

  /** Autoscaled group `gi`'s crash target at this change point: crash or restart replicas (a unit's pools share one ReplicaSet: the largest target wins). */
  protected override elasticState(gi: number, down: number, out: number, _frac: number): void {
    const g = this.groups[this.m.groupElastic[gi]];
    const rs = g.rs;
    if (g.faultMs !== this.now) {
      g.faultMs = this.now;
      g.faultWant = 0;
      g.newlyCrashed = 0;
    }
    const want = Math.max(g.faultWant, out ? rs.capacity : down);
    g.faultWant = want;
    g.faultCause = out ? CAUSE_OUTAGE : CAUSE_CRASH;
    const before = rs.ready;
    if (want > g.faultApplied) g.newlyCrashed += rs.crash(want - g.faultApplied, g.crashedSlots, g.newlyCrashed);
    else if (want < g.faultApplied) rs.restart(g.faultApplied - want, this.now);
    g.faultApplied = want;
    if (rs.ready !== before) this.readyChanged(g, before);
    // Restarted replicas take the requests a KPA's activator held while none was ready (as after a cold start).
    if (before === 0 && rs.ready > 0) this.releaseActivator(g);
  }

  /** Fails what the replicas crashed at this change point held: a balanced replica's visits, a pooled unit's beyond its servers left. */
  protected override elasticFail(gi: number): void {
    const m = this.m;
    const g = this.groups[m.groupElastic[gi]];
    if (g.newlyCrashed === 0) return;
    const cause = g.faultCause;
    for (const gg of g.groups) {
      const s0 = m.groupStation0[gg];
      if (m.groupBalancer[gg] === LB_POOLED) {
        if (this.free[s0] < 0) this.killInService(s0, cause, true);
        if (g.rs.ready === 0) this.killWaiting(s0, cause);
        continue;
      }
      for (let j = 0; j < g.newlyCrashed; j++) {
        const s = s0 + g.crashedSlots[j];
        this.killInService(s, cause, false);
        this.killWaiting(s, cause);
      }
    }
    g.newlyCrashed = 0;
  }

  /** A crashed replica's waiting visit leaves its group's count (and its replica's hold). */
  protected override leftWaiting(i: number, s: number): void {
    const k = this.nodeK[i];
    if (k < 0) return;
    const g = this.groups[k];
    g.touch(this.now);
    g.inSystem--;
    if (g.balanced) g.rs.release(this.m.stationReplica[s], this.now);
  }

  /** An HPA's group with every replica crashed and none ready refuses the visit (no ready endpoint); a KPA's activator holds it. */
  protected override arrive(f: number): void {
    const i = this.fNode[f];
    const k = this.nodeK[i];
    if (k >= 0) {
      const g = this.groups[k];
      const rs = g.rs;
      if (rs.ready === 0 && rs.crashed > 0 && g.hpa !== null && this.groupOut[this.m.nodeGroup[i]] === 0 && !(g.balanced && this.chooser!.sticky(i, this.fStation[f]))) {
        this.failArrival(f, i, CAUSE_CRASH);
        return;
      }
    }
    super.arrive(f);
  }
}
