/**
 * The resilience patterns on a design with autoscalers: the pattern layers
 * (patternMixin.ts) over the ElasticScenarioSimulator (docs/model.md,
 * "Patterns with autoscaling"). What it adds to the mixin: a cancelled hedge
 * into an autoscaled node (patternHedging.ts discards it when a server would
 * take it, without using it) leaves its group's counts — the autoscaler's
 * in-system count (its concurrency metric) and its replica's hold (what a
 * draining replica waits for) — as a finished visit does. The elastic
 * simulator counts a visit only once the base arrival has placed it, so a
 * loser discarded during that very arrival (a free server at once, or a
 * replica made ready for the activator's requests) is settled just after.
 */
import { withPatterns } from './patternMixin';
import { ElasticScenarioSimulator } from './elasticScenarioSim';

/** The patterns over the ElasticScenarioSimulator (see the module note). */
export class ElasticPatternSimulator extends withPatterns(ElasticScenarioSimulator) {
  /** The frame whose arrival is being handled (−1: none), and the station where it was discarded during it (−1: none). */
  private arriving = -1;
  private arrivingDiscardedAt = -1;
  /** While an autoscaler event runs: the stations of balanced groups' losers discarded as the activator hands them over. */
  private inElastic = false;
  private owedStations: number[] = [];

  protected override arrive(f: number): void {
    const prevFrame = this.arriving;
    const prevAt = this.arrivingDiscardedAt;
    this.arriving = f;
    this.arrivingDiscardedAt = -1;
    super.arrive(f);
    const s = this.arrivingDiscardedAt;
    this.arriving = prevFrame;
    this.arrivingDiscardedAt = prevAt;
    if (s >= 0) this.leaveGroup(s);
  }

  protected override onElastic(kind: number, k: number, b: number): void {
    this.inElastic = true;
    super.onElastic(kind, k, b);
    this.inElastic = false;
    const owed = this.owedStations;
    for (let j = 0; j < owed.length; j++) this.leaveGroup(owed[j]);
    owed.length = 0;
  }

  protected override discardHedge(f: number, s: number): void {
    const k = this.nodeK[this.fNode[f]];
    if (k >= 0) {
      // Not counted yet when discarded inside its own arrival, or handed over by the activator (balanced groups only).
      if (f === this.arriving) this.arrivingDiscardedAt = s;
      else if (this.inElastic && this.groups[k].balanced) this.owedStations.push(s);
      else this.leaveGroup(s);
    }
    super.discardHedge(f, s);
  }

  /** A discarded visit at station s (of an autoscaled group) leaves the group's in-system count and its replica's hold. */
  private leaveGroup(s: number): void {
    const m = this.m;
    const g = this.groups[m.groupElastic[m.stationGroup[s]]];
    g.touch(this.now);
    g.inSystem--;
    if (g.balanced) g.rs.release(m.stationReplica[s], this.now);
  }
}
