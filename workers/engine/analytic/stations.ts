/**
 * Stations: the queues of a design. A node with its own servers is one
 * station; the members of a pool share one station whose arrivals are the
 * sum of theirs and whose service time is the λ-weighted mixture of theirs.
 */
import type { Topology } from '../schema';
import { mgcWaitMs } from './erlang';
import type { Routing } from './routing';
import { mixtureMoments, type ServiceMoments, serviceMoments } from './serviceMoments';

/** One FCFS queue in front of `servers` identical servers. */
export interface Station {
  /** Indices (in `doc.nodes`) of the nodes served here, in document order. */
  members: number[];
  /** Pool id, or null for a node with its own replicas × concurrency servers. */
  poolId: string | null;
  servers: number;
  /** Arrival rate λ, per second. */
  ratePerSec: number;
  /** Service-time moments (the λ-weighted mixture for a pool). */
  moments: ServiceMoments;
  /** Utilisation ρ = λ·E[S]/servers. */
  rho: number;
  /** ρ per unit of entry rate (per req/s): ρ grows linearly with the offered load. */
  rhoPerRate: number;
  /** M/G/c mean wait, ms; null when ρ ≥ 1. */
  waitMs: number | null;
}

/** The stations of a design at entry rate `ratePerSec`, and each node's station (−1 for offline nodes). */
export function buildStations(
  doc: Topology,
  routing: Routing,
  ratePerSec: number,
): { stations: Station[]; stationOf: Int32Array; moments: ServiceMoments[] } {
  const moments = doc.nodes.map((n) => serviceMoments(n.serviceTime));
  const stationOf = new Int32Array(doc.nodes.length).fill(-1);
  const poolServers = new Map(doc.pools.map((p) => [p.id, p.servers]));
  const byPool = new Map<string, number>();
  const groups: { members: number[]; poolId: string | null; servers: number }[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.role === 'offline') return;
    const servers = node.pool == null ? undefined : poolServers.get(node.pool);
    if (node.pool == null || servers === undefined) {
      stationOf[i] = groups.length;
      groups.push({ members: [i], poolId: null, servers: node.replicas * node.concurrency });
      return;
    }
    let s = byPool.get(node.pool);
    if (s === undefined) {
      s = groups.length;
      byPool.set(node.pool, s);
      groups.push({ members: [], poolId: node.pool, servers });
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
    const rhoPerRate = workPerRate / 1000 / g.servers;
    const lambda = ratePerSec * visitSum;
    // Explicit fields, not a spread: V8 builds spread objects slowly (most of this function's time).
    return {
      members: g.members,
      poolId: g.poolId,
      servers: g.servers,
      ratePerSec: lambda,
      moments: mix,
      rho: ratePerSec * rhoPerRate,
      rhoPerRate,
      waitMs: mgcWaitMs(g.servers, lambda, mix.meanMs, mix.scv),
    };
  });
  return { stations, stationOf, moments };
}
