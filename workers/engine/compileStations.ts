/**
 * Compiles a document's servers into stations and replica groups. A group is
 * a node with its own servers, or a pool. With `balancer: pooled` a group is
 * one station of replicas × servers behind one FCFS queue (the version-1
 * meaning); with any other balancer each replica is its own station with its
 * own FCFS queue and `concurrency` (a pool: `servers`) servers, and the
 * balancer picks the replica (see balancer.ts). Pools (and nodes) that share a `unit`
 * keep a request on one replica index (see docs/model.md, "Replicas").
 */
import type { Balancer, Topology } from './schema';
import { serversPerReplica } from './compileEngines';

/** Balancer codes (compiled `groupBalancer`). */
export const LB_POOLED = 0;
export const LB_ROUND_ROBIN = 1;
export const LB_RANDOM = 2;
export const LB_LEAST_OUTSTANDING = 3;
export const LB_P2C = 4;

const CODE: Record<Balancer, number> = {
  pooled: LB_POOLED,
  'round-robin': LB_ROUND_ROBIN,
  random: LB_RANDOM,
  'least-outstanding': LB_LEAST_OUTSTANDING,
  p2c: LB_P2C,
};

/** The station layout of a design. Arrays are indexed by node, group or station. */
export interface CompiledStations {
  /** Node → its group (every node has one; offline nodes too, they get no traffic). */
  nodeGroup: Int32Array;
  /** Node → its group's first station (the only one for a pooled group). */
  nodeStation: Int32Array;
  /** Node → all servers of its group (replicas × per-replica servers), for utilisation. */
  nodeServers: Int32Array;
  /** Node → offset of its per-replica slots (node × replica), −1 for a pooled group. */
  nodeReplicaBase: Int32Array;
  /** Total per-replica slots (Σ over nodes in non-pooled groups of the group's replicas). */
  replicaSlots: number;
  groupCount: number;
  groupStation0: Int32Array;
  groupReplicas: Int32Array;
  groupBalancer: Uint8Array;
  /** All servers of the group (replicas × per-replica servers). */
  groupServers: Int32Array;
  /** Unit index shared by pools with the same `unit`, −1 for none. */
  groupUnit: Int32Array;
  stationCount: number;
  stationServers: Int32Array;
  stationGroup: Int32Array;
  /** Replica index of the station within its group (0 for a pooled group). */
  stationReplica: Int32Array;
  /** True when some group has a balancer other than pooled (the simulator then runs its balancer). */
  anyBalanced: boolean;
  /**
   * Group → its autoscaler (index into `elastic`, see autoscale/compileElastic.ts), −1 when fixed.
   * An autoscaled balanced group has `2 × maxReplicas` replica stations (room for draining ones),
   * of which the balancer uses the ready ones; an autoscaled pooled group's one station starts with
   * the initial replicas' servers. `groupServers` of an autoscaled group counts `maxReplicas`.
   */
  groupElastic: Int32Array;
}

/** How an autoscaled group is laid out: its autoscaler index, most replicas, and replicas at the start. */
export interface ElasticLayout {
  index: number;
  maxReplicas: number;
  initialReplicas: number;
}

/** Builds the groups and stations of a document (pools first, then nodes with their own servers). */
export function compileStations(doc: Topology, nodeElastic: (i: number) => ElasticLayout | null = () => null, unitElastic: ElasticLayout | null = null, elasticUnit: string | null = null): CompiledStations {
  const n = doc.nodes.length;
  const groups: { replicas: number; servers: number; balancer: number; unit: number; elastic: ElasticLayout | null }[] = [];
  const units = new Map<string, number>();
  const poolGroup = new Map<string, number>();
  const unitIndex = (name: string | null | undefined) => {
    if (name == null) return -1;
    const u = units.get(name) ?? units.size;
    units.set(name, u);
    return u;
  };
  for (const p of doc.pools) {
    poolGroup.set(p.id, groups.length);
    groups.push({ replicas: p.replicas, servers: p.servers, balancer: CODE[p.balancer], unit: unitIndex(p.unit), elastic: p.unit !== null && p.unit === elasticUnit ? unitElastic : null });
  }
  const nodeGroup = new Int32Array(n);
  doc.nodes.forEach((node, i) => {
    const g = node.pool !== null ? poolGroup.get(node.pool) : undefined;
    if (g !== undefined) nodeGroup[i] = g;
    else {
      nodeGroup[i] = groups.length;
      groups.push({ replicas: node.replicas, servers: serversPerReplica(node), balancer: CODE[node.balancer], unit: unitIndex(node.unit), elastic: nodeElastic(i) });
    }
  });
  const gc = groups.length;
  const groupStation0 = new Int32Array(gc);
  const groupReplicas = new Int32Array(gc);
  const groupBalancer = new Uint8Array(gc);
  const groupUnit = new Int32Array(gc);
  const groupServers = Int32Array.from(groups, (g) => (g.elastic ? g.elastic.maxReplicas : g.replicas) * g.servers);
  const groupElastic = Int32Array.from(groups, (g) => (g.elastic ? g.elastic.index : -1));
  const servers: number[] = [];
  const stationGroup: number[] = [];
  const stationReplica: number[] = [];
  let anyBalanced = false;
  groups.forEach((g, k) => {
    groupStation0[k] = servers.length;
    groupBalancer[k] = g.balancer;
    groupUnit[k] = g.unit;
    if (g.balancer === LB_POOLED) {
      groupReplicas[k] = 1;
      servers.push((g.elastic ? g.elastic.initialReplicas : g.replicas) * g.servers);
      stationGroup.push(k);
      stationReplica.push(0);
      return;
    }
    anyBalanced = true;
    groupReplicas[k] = g.elastic ? 2 * g.elastic.maxReplicas : g.replicas;
    for (let r = 0; r < groupReplicas[k]; r++) {
      servers.push(g.servers);
      stationGroup.push(k);
      stationReplica.push(r);
    }
  });
  const nodeStation = new Int32Array(n);
  const nodeServers = new Int32Array(n);
  const nodeReplicaBase = new Int32Array(n).fill(-1);
  let slots = 0;
  for (let i = 0; i < n; i++) {
    const g = nodeGroup[i];
    nodeStation[i] = groupStation0[g];
    nodeServers[i] = groupServers[g];
    if (groupBalancer[g] !== LB_POOLED) {
      nodeReplicaBase[i] = slots;
      slots += groupReplicas[g];
    }
  }
  return {
    nodeGroup,
    nodeStation,
    nodeServers,
    nodeReplicaBase,
    replicaSlots: slots,
    groupCount: gc,
    groupStation0,
    groupReplicas,
    groupBalancer,
    groupServers,
    groupUnit,
    stationCount: servers.length,
    stationServers: Int32Array.from(servers),
    stationGroup: Int32Array.from(stationGroup),
    stationReplica: Int32Array.from(stationReplica),
    anyBalanced,
    groupElastic,
  };
}
