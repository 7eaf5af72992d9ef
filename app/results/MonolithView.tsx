/** The derived monolith drawn read-only (its own React Flow instance), beside the original on the canvas. */
import { Background, BackgroundVariant, Handle, type Node, type NodeProps, Position, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { KINDS } from '../../workers/engine/kinds';
import { deploymentSentence } from '../../workers/report/deploymentSentence';
import type { Topology } from '../../workers/engine/schema';
import { KindIcon } from '../canvas/icons';
import { useAppStore } from '../store/react';
import { selectTheme } from '../store/selectors';
import { type MonoNodeData, monolithFlow } from './monolithFlow';

function MonoNode({ data }: NodeProps<Node<MonoNodeData>>) {
  const n = data.node;
  return (
    <div className={`ls-node ls-mono-node role-${n.role}`} data-testid={`mono-node-${n.id}`} data-merged={data.merged}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="ls-node-head">
        <span className="ls-node-icon">
          <KindIcon kind={n.kind} />
        </span>
        <span className="ls-node-label">{n.label}</span>
      </div>
      <div className="ls-node-kind" data-testid={`mono-side-${n.id}`}>
        {data.side === 'llm' ? 'LLM engine in each unit · its own GPUs' : data.side === 'gpu' ? 'merged · on the GPUs' : data.side === 'cpu' ? 'merged · on the worker threads' : `${KINDS[n.kind].title} · stays remote`}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

function MonoLabel({ data }: NodeProps<Node<{ text: string }>>) {
  return <div className="ls-mono-label">{data.text}</div>;
}

const TYPES = { mono: memo(MonoNode), monoLabel: memo(MonoLabel) };

export const MonolithView = memo(function MonolithView({ doc }: { doc: Topology }) {
  const theme = useAppStore(selectTheme);
  const flow = useMemo(() => monolithFlow(doc), [doc]);
  const sentence = useMemo(() => deploymentSentence(doc, flow.deployment), [doc, flow]);
  return (
    <figure className="ls-chart" data-testid="monolith-drawing" data-merged={flow.merged.join(',')}>
      <h3 className="ls-chart-title">The derived monolith</h3>
      <figcaption className="ls-chart-caption" data-testid="monolith-derivation" data-fits={flow.deployment.fits}>
        {sentence}
      </figcaption>
      <div className="ls-mono-flow">
        <ReactFlowProvider>
          <ReactFlow
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={TYPES}
            colorMode={theme}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            fitView
            minZoom={0.05}
            proOptions={{ hideAttribution: true }}
            aria-label="Monolith drawing (read-only)"
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    </figure>
  );
});
