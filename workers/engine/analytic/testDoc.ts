/** Builds small validated documents for the analytic tests (parsed, so defaults are the real ones). */
import { parseTopology } from '../parse';
import type { EdgeSpec, NodeSpec, Topology, WorkloadSpec } from '../schema';

/** Parses a document made of the given parts; throws with the parser's messages if it is invalid. */
export function makeDoc(
  nodes: NodeSpec[],
  edges: EdgeSpec[],
  workload: WorkloadSpec,
  pools: { id: string; servers: number }[] = [],
): Topology {
  const r = parseTopology({ format: 'loadsketch', version: 1, nodes, edges, workload, pools });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.doc;
}

/** A node with `servers` single-threaded replicas and an exponential service time. */
export function expNode(id: string, meanMs: number, servers = 1, extra: Partial<NodeSpec> = {}): NodeSpec {
  return { id, kind: 'service', replicas: servers, concurrency: 1, serviceTime: { dist: 'exponential', meanMs }, ...extra };
}

/** A synchronous call with no network cost unless given. */
export function call(source: string, target: string, extra: Partial<EdgeSpec> = {}): EdgeSpec {
  return { id: `${source}-${target}`, source, target, networkMs: 0, ...extra };
}
