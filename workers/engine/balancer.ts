/**
 * "A replica is chosen": the load balancer in front of a replica group whose
 * balancer is not `pooled` (see compileStations.ts). The simulator asks
 * {@link ReplicaChooser.station} for the station (replica) a visit joins, and
 * reports admissions and releases so least-outstanding and p2c see each
 * replica's outstanding requests (in service or waiting there). The rules
 * follow Envoy (docs/model.md, "Replicas behind a load balancer"):
 * - round-robin: replicas in turn, 0, 1, …, n−1, 0, … per group;
 * - random: uniformly at random;
 * - least-outstanding: the fewest outstanding; ties uniformly at random
 *   (Envoy least-request FULL_SCAN: reservoir sampling over the tied hosts);
 * - p2c: two independent uniform draws (with replacement, as Envoy's
 *   N_CHOICES with choice_count 2), the second wins only with strictly fewer
 *   outstanding (ties keep the first draw).
 * A visit that moves between two groups of one deployable unit (pools with the
 * same `unit`, both balanced) stays on the replica index it came from.
 * Each group draws from its own random stream, so other streams are untouched.
 */
import type { CompiledModel } from './compile';
import * as L from './compileStations';
import { Rng, streamSeed } from './rng';

const { LB_P2C, LB_POOLED, LB_RANDOM, LB_ROUND_ROBIN } = L;

/** First random stream of the balancers (group g uses BALANCER_STREAM0 + g; streams below are the nodes'). */
export const BALANCER_STREAM0 = 1_000_000;

/** Chooses replicas for the balanced groups of one replication. */
export class ReplicaChooser {
  /** Per station: visits admitted there whose server is not yet released (waiting, in a batcher, or in service). */
  readonly outstanding: Int32Array;
  protected readonly next: Int32Array;
  protected readonly rng: (Rng | null)[] = [];

  constructor(
    protected readonly m: CompiledModel,
    seed: number,
  ) {
    this.outstanding = new Int32Array(m.stationCount);
    this.next = new Int32Array(m.groupCount);
    for (let g = 0; g < m.groupCount; g++) {
      const b = m.groupBalancer[g];
      this.rng.push(b === LB_POOLED || b === LB_ROUND_ROBIN ? null : new Rng(streamSeed(seed, BALANCER_STREAM0 + g)));
    }
  }

  /**
   * The station a visit to node i joins. `from`: the station of the visit that
   * sent it (−1 for a new request). Pooled groups have one station.
   */
  station(i: number, from: number): number {
    const m = this.m;
    const g = m.nodeGroup[i];
    const kind = m.groupBalancer[g];
    const s0 = m.groupStation0[g];
    if (kind === LB_POOLED) return s0;
    const n = m.groupReplicas[g];
    const u = m.groupUnit[g];
    if (u >= 0 && from >= 0) {
      const fg = m.stationGroup[from];
      if (m.groupUnit[fg] === u && m.groupBalancer[fg] !== LB_POOLED) return s0 + (m.stationReplica[from] % n);
    }
    if (n === 1) return s0;
    return this.pick(g, kind, s0, n);
  }

  /**
   * The rule of group g's balancer `kind` over its replicas s0 … s0 + count − 1 (count ≥ 2): all of them here,
   * the ones up during a fault (resilience/scenarioChooser.ts).
   */
  protected pick(g: number, kind: number, s0: number, count: number): number {
    if (kind === LB_ROUND_ROBIN) {
      // next[g] < count always when every replica is up; after replicas went down it may not be.
      const r = this.next[g] < count ? this.next[g] : 0;
      this.next[g] = r + 1 === count ? 0 : r + 1;
      return s0 + r;
    }
    const rng = this.rng[g]!;
    if (kind === LB_RANDOM) return s0 + Math.floor(rng.next() * count);
    const out = this.outstanding;
    if (kind === LB_P2C) {
      const a = s0 + Math.floor(rng.next() * count);
      const b = s0 + Math.floor(rng.next() * count);
      return out[b] < out[a] ? b : a;
    }
    // LB_LEAST_OUTSTANDING: full scan, ties by reservoir sampling.
    let best = s0;
    let tied = 1;
    for (let s = s0 + 1; s < s0 + count; s++) {
      if (out[s] < out[best]) {
        best = s;
        tied = 1;
      } else if (out[s] === out[best]) {
        tied++;
        if (Math.floor(rng.next() * tied) === 0) best = s;
      }
    }
    return best;
  }
}
