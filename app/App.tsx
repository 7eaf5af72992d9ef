import { Background, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { DEFAULT_TEMPLATE_ID, loadTemplate } from '../workers/templates';

const doc = loadTemplate(DEFAULT_TEMPLATE_ID);

export function App() {
  const nodes = doc.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label } }));
  const edges = doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  return (
    <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <header data-testid="doc-name">{doc.name}</header>
      <div style={{ flex: 1 }}>
        <ReactFlow nodes={nodes} edges={edges} fitView>
          <Background />
        </ReactFlow>
      </div>
    </div>
  );
}
