/**
 * "A replica is chosen" for autoscaled balanced groups: the same Envoy rules
 * as balancer.ts, over the group's READY replicas only (a starting replica
 * takes no traffic; a draining one takes no new requests but serves what it
 * holds). A visit that moves between pools of one deployable unit stays on
 * its replica, as in balancer.ts. Fixed groups are left to the base class.
 */
import { ReplicaChooser } from '../balancer';
import type { CompiledModel } from '../compile';
import * as L from '../compileStations';
import { R_READY, type ReplicaSet } from './replicaSet';

const { LB_P2C, LB_POOLED, LB_RANDOM, LB_ROUND_ROBIN } = L;

/** The balancer of a design with autoscaled groups. */
export class ElasticChooser extends ReplicaChooser {
  /** Per autoscaled group: its ready replica indices (ascending) and how many. */
  private readonly readyList: Int32Array[] = [];
  private readonly readyCount: Int32Array;
  /** Per autoscaled group: round-robin position in its ready list. */
  private readonly rr: Int32Array;

  constructor(m: CompiledModel, seed: number) {
    super(m, seed);
    for (const g of m.elastic) this.readyList.push(new Int32Array(2 * g.autoscale.maxReplicas));
    this.readyCount = new Int32Array(m.elastic.length);
    this.rr = new Int32Array(m.elastic.length);
  }

  /** Re-reads autoscaled group k's ready replicas (after a scale or a ready event). */
  syncReady(k: number, rs: ReplicaSet): void {
    const list = this.readyList[k];
    let c = 0;
    for (let r = 0; r < rs.capacity && c < list.length; r++) if (rs.state[r] === R_READY) list[c++] = r;
    this.readyCount[k] = c;
  }

  /** True when a visit to node i coming from station `from` would stay on its unit's replica (no choice made). */
  sticky(i: number, from: number): boolean {
    const m = this.m;
    const g = m.nodeGroup[i];
    const u = m.groupUnit[g];
    if (u < 0 || from < 0) return false;
    const fg = m.stationGroup[from];
    return m.groupUnit[fg] === u && m.groupBalancer[fg] !== LB_POOLED;
  }

  override station(i: number, from: number): number {
    const m = this.m;
    const g = m.nodeGroup[i];
    const k = m.groupElastic[g];
    const kind = m.groupBalancer[g];
    if (k < 0 || kind === LB_POOLED || this.sticky(i, from)) return super.station(i, from);
    const s0 = m.groupStation0[g];
    const list = this.readyList[k];
    const n = this.readyCount[k];
    if (n <= 1) return s0 + list[0];
    if (kind === LB_ROUND_ROBIN) {
      const r = this.rr[k] % n;
      this.rr[k] = r + 1;
      return s0 + list[r];
    }
    const rng = this.rng[g]!;
    if (kind === LB_RANDOM) return s0 + list[Math.floor(rng.next() * n)];
    const out = this.outstanding;
    if (kind === LB_P2C) {
      const a = s0 + list[Math.floor(rng.next() * n)];
      const b = s0 + list[Math.floor(rng.next() * n)];
      return out[b] < out[a] ? b : a;
    }
    let best = s0 + list[0];
    let tied = 1;
    for (let j = 1; j < n; j++) {
      const s = s0 + list[j];
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
