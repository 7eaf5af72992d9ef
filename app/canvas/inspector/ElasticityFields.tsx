/** A node's autoscaler and cold start (nodes with their own servers; a pool member shares the pool's fixed servers). */
import type { Topology, TopologyNode } from '../../../workers/engine/schema';
import { meanServiceMs } from '../format';
import { AutoscaleFields } from './AutoscaleFields';
import { withOptional } from './autoscaleEdits';
import { ColdStartField } from './ColdStartField';

const setNode =
  <K extends 'autoscale' | 'coldStart'>(id: string, key: K) =>
  (value: TopologyNode[K] | null) =>
  (doc: Topology): Topology => ({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? withOptional(n, key, value) : n)) });

export function ElasticityFields({ node, at }: { node: TopologyNode; at: string }) {
  if (node.pool) return <p className="ls-hint">A pool member runs on the pool’s fixed servers: take it out of the pool to autoscale it.</p>;
  const shape = { concurrency: node.concurrency, meanServiceMs: meanServiceMs(node.serviceTime), replicas: node.replicas };
  const a = node.autoscale ?? null;
  return (
    <>
      <AutoscaleFields path={`${at}.autoscale`} value={a} shape={shape} testIdPrefix="as-" apply={setNode(node.id, 'autoscale')} />
      {a && <p className="ls-hint">Replicas above is where the run starts (kept within min and max).</p>}
      {a && <ColdStartField path={`${at}.coldStart`} kind={node.kind} value={node.coldStart ?? null} apply={setNode(node.id, 'coldStart')} />}
    </>
  );
}
