/**
 * Stations: the queues of a design. A node with its own servers is one
 * station; the members of a pool share one station whose arrivals are the
 * sum of theirs and whose service time is the λ-weighted mixture of theirs.
 * With a balancer other than `pooled`, a station stands for each one of the
 * group's n identical replicas (its own queue, λ/n on average; replicas.ts).
 * A batching node's work per request is that of a full batch: T(b)/b at
 * b = maxBatch (batchCost.ts), so the saturation rate includes batching.
 */
import { meanBatchMs } from '../batchCost';
import type { Balancer, Topology } from '../schema';
import { replicaWaitMs } from './replicas';
import type { Routing } from './routing';
import { mixtureMoments, type ServiceMoments, serviceMoments } from './serviceMoments';

/** One FCFS queue in front of `servers` identical servers. */
export interface Station {
  /** Indices (in `doc.nodes`) of the nodes served here, in document order. */
  members: number[];
  /** Pool id, or null for a node with its own replicas × concurrency servers. */
  poolId: string | null;
  /** Servers of one replica (of the whole pool or node when pooled). */
  servers: number;
  /** Replicas this station stands for (1 when pooled: one shared queue). */
  replicas: number;
  balancer: Balancer;
  /** Pools of one deployable unit (stickiness): their per-replica arrivals follow the unit's first choice. */
  unit: string | null;
  /** False when the balancer's per-replica wait has no closed form here (waitMs then only tells saturation). */
  waitCovered: boolean;
  /** Arrival rate λ at the whole group, per second. */
  ratePerSec: number;
  /** Service-time moments (the λ-weighted mixture for a pool); a batching node counts T(b)/b per request at b = maxBatch. */
  moments: ServiceMoments;
  /** Utilisation ρ = λ·E[S]/(replicas × servers). */
  rho: number;
  /** ρ per unit of entry rate (per req/s): ρ grows linearly with the offered load. */
  rhoPerRate: number;
  /** Mean wait at one replica (M/G/c, or replicas.ts), ms; null when ρ ≥ 1. */
  waitMs: number | null;
}

/** The stations of a design at entry rate `ratePerSec`, and each node's station (−1 for offline nodes). */
export function buildStations(
  doc: Topology,
  routing: Routing,
  ratePerSec: number,
): { stations: Station[]; stationOf: Int32Array; moments: ServiceMoments[] } {
  const moments = doc.nodes.map((n) => {
    const m = serviceMoments(n.serviceTime);
    const b = n.batching;
    return b != null && b.maxBatch > 1 ? { meanMs: meanBatchMs(b, n.serviceTime, b.maxBatch) / b.maxBatch, scv: m.scv } : m;
  });
  const stationOf = new Int32Array(doc.nodes.length).fill(-1);
  const pools = new Map(doc.pools.map((p) => [p.id, p]));
  const byPool = new Map<string, number>();
  type Group = { members: number[]; poolId: string | null; servers: number; replicas: number; balancer: Balancer; unit: string | null };
  const groups: Group[] = [];
  const group = (servers: number, replicas: number, balancer: Balancer, poolId: string | null, unit: string | null): Group =>
    balancer === 'pooled'
      ? { members: [], poolId, servers: servers * replicas, replicas: 1, balancer, unit }
      : { members: [], poolId, servers, replicas, balancer, unit };
  doc.nodes.forEach((node, i) => {
    if (node.role === 'offline') return;
    const pool = node.pool == null ? undefined : pools.get(node.pool);
    if (pool === undefined) {
      stationOf[i] = groups.length;
      const g = group(node.concurrency, node.replicas, node.balancer, null, null);
      g.members.push(i);
      groups.push(g);
      return;
    }
    let s = byPool.get(pool.id);
    if (s === undefined) {
      s = groups.length;
      byPool.set(pool.id, s);
      groups.push(group(pool.servers, pool.replicas, pool.balancer, pool.id, pool.unit));
    }
    groups[s].members.push(i);
    stationOf[i] = s;
  });

  const stations = groups.map((g): Station => {
    const visits = g.members.map((i) => routing.visits[i]);
    const mix = g.members.length === 1 ? moments[g.members[0]] : mixtureMoments(g.members.map((i) => moments[i]), visits);
    let workPerRate = 0; // Σ visits_i · E[S_i], ms per entry request
    g.members.forEach((i, k) => {
      workPerRate += visits[k] * moments[i].meanMs;
    });
    let visitSum = 0;
    for (const v of visits) visitSum += v;
    const rhoPerRate = workPerRate / 1000 / (g.servers * g.replicas);
    const lambda = ratePerSec * visitSum;
    const wait = replicaWaitMs(g.balancer, g.replicas, g.servers, lambda, mix);
    // Explicit fields, not a spread: V8 builds spread objects slowly (most of this function's time).
    return {
      members: g.members,
      poolId: g.poolId,
      servers: g.servers,
      replicas: g.replicas,
      balancer: g.balancer,
      unit: g.unit,
      waitCovered: wait.covered,
      ratePerSec: lambda,
      moments: mix,
      rho: ratePerSec * rhoPerRate,
      rhoPerRate,
      waitMs: wait.waitMs,
    };
  });
  return { stations, stationOf, moments };
}
