/**
 * What a canvas node's tooltip says: its whole label (the node may cut it
 * short), its kind and what the kind is for, then
 * what each of the node's numbers means (the same words the native tooltips
 * of each number said before), and the utilisation bar once there are results.
 * Rendered only while the tooltip is open.
 */
import { KINDS } from '../../workers/engine/kinds';
import type { TopologyNode } from '../../workers/engine/schema';
import { fmtPct } from '../results/format';
import { selectNodeUtilization } from '../results/selectors';
import { useAppStore } from '../store/react';
import { formatMs, formatPercent, formatServiceTime } from './format';

export function NodeTip({ node, servers }: { node: TopologyNode; servers: string }) {
  const u = useAppStore(selectNodeUtilization(node.id));
  const kind = KINDS[node.kind];
  return (
    <>
      <strong>{node.label}</strong> · {kind.title}: {kind.description}
      {node.role !== 'offline' && (
        <ul className="ls-tooltip-lines">
          <li>
            {node.kind === 'llm-server'
              ? `${servers}: one continuous-batching engine per replica`
              : node.pool
                ? `${servers}: queues for the servers of the shared pool ${node.pool}`
                : node.autoscale
                  ? `${servers}: autoscaled (${node.autoscale.policy.toUpperCase()} on ${node.autoscale.metric}) between ${node.autoscale.minReplicas} and ${node.autoscale.maxReplicas} replicas × concurrency`
                  : `${servers}: servers = replicas × concurrency`}
          </li>
          {node.autoscale && (
            <li>
              {node.autoscale.policy.toUpperCase()}: autoscaler on {node.autoscale.metric}, target {node.autoscale.target}
            </li>
          )}
          <li>{formatServiceTime(node.serviceTime)}: mean service time</li>
          {node.hitRatio != null && <li>hit {formatPercent(node.hitRatio)}: cache hit ratio</li>}
          {node.batching && (
            <li>
              batch {node.batching.maxBatch}/{formatMs(node.batching.maxWaitMs)}: dynamic batching (largest batch / longest wait)
            </li>
          )}
          {u !== null && <li>{fmtPct(u)}: simulated utilisation at the point shown in the results (click the bar to explain it)</li>}
        </ul>
      )}
    </>
  );
}
