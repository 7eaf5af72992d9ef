/**
 * The canvas node: icon, label, kind, and the node's key numbers
 * (servers as replicas×concurrency, or min–max×concurrency with an HPA/KPA
 * badge when autoscaled, mean service time, hit ratio, batching).
 * Memoised; `NODE_TYPES` gives each kind its own component type.
 */
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { KINDS } from '../../workers/engine/kinds';
import { NodeUtilization } from '../results/NodeUtilization';
import { NODE_KINDS, type NodeKind, type TopologyNode } from '../../workers/engine/schema';
import { formatMs, formatPercent, formatServiceTime } from './format';
import { KindIcon } from './icons';
import { NodeTip } from './NodeTip';
import { Tooltip } from '../shell/Tooltip';
import { FaultBadge } from '../scenario/FaultBadge';

export type KindNodeData = { node: TopologyNode; isEntry: boolean };
export type KindFlowNode = Node<KindNodeData>;

function KindNodeView({ data, selected }: NodeProps<KindFlowNode>) {
  const n = data.node;
  const offline = n.role === 'offline';
  const llm = n.kind === 'llm-server' ? (n.llm ?? null) : null;
  const a = n.autoscale;
  const perReplica = n.batching?.triton?.instancesPerReplica ?? n.concurrency;
  const replicas = a ? `${a.minReplicas}–${a.maxReplicas}` : `${n.replicas}`;
  const servers = llm ? `${replicas}× engine` : n.pool ? `pool ${n.pool}` : `${replicas}×${perReplica}`;
  return (
    <Tooltip content={<NodeTip node={n} servers={servers} />} side="top" follow>
      <div className={`ls-node role-${n.role}${selected ? ' is-selected' : ''}`} data-testid={`node-${n.id}`} data-kind={n.kind}>
        <Handle type="target" position={Position.Left} aria-label={`Call into ${n.label}`} />
        <FaultBadge id={n.id} />
        <div className="ls-node-head">
          <span className="ls-node-icon">
            <KindIcon kind={n.kind} />
          </span>
          <span className="ls-node-label" data-testid="node-label">
            {n.label}
          </span>
          {data.isEntry && <span className="ls-badge">entry</span>}
        </div>
        <div className="ls-node-kind">
          {KINDS[n.kind].title}
          {n.role !== KINDS[n.kind].role ? ` · ${n.role}` : ''}
        </div>
        {offline ? (
          <div className="ls-node-stats">offline · no traffic</div>
        ) : (
          <div className="ls-node-stats" data-testid="node-stats">
            <span>{servers}</span>
            {a && (
              <span className="ls-node-autoscale" data-testid="node-autoscale">
                {a.policy.toUpperCase()}
              </span>
            )}
            {llm ? (
              <span>
                ≤{llm.maxNumSeqs} seqs{llm.mode !== 'both' ? ` · ${llm.mode}` : ''}
              </span>
            ) : (
              <span>{formatServiceTime(n.serviceTime)}</span>
            )}
            {n.hitRatio != null && <span>hit {formatPercent(n.hitRatio)}</span>}
            {n.batching && (
              <span>
                {n.batching.triton ? 'triton ' : 'batch '}
                {n.batching.maxBatch}/{formatMs(n.batching.maxWaitMs)}
              </span>
            )}
          </div>
        )}
        {!offline && <NodeUtilization id={n.id} />}
        <Handle type="source" position={Position.Right} aria-label={`Call from ${n.label}`} />
      </div>
    </Tooltip>
  );
}

/** The node component (memoised: re-renders only when its document record or selection changes). */
export const KindNode = memo(KindNodeView);

/** Stable node-type map, one entry per kind (module constant, so React Flow never re-creates node components). */
export const NODE_TYPES = Object.fromEntries(NODE_KINDS.map((k) => [k, KindNode])) as Record<NodeKind, typeof KindNode>;
