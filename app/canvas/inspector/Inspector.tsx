/** The right-hand inspector: the selected node, call, several items, or the document. */
import { selectSelectedEdge, selectSelectedEdgeIds, selectSelectedNode, selectSelectedNodeIds } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { DocumentInspector } from './DocumentInspector';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';

export function Inspector() {
  const store = useAppStoreApi();
  const node = useAppStore(selectSelectedNode);
  const edge = useAppStore(selectSelectedEdge);
  const nodeCount = useAppStore((s) => selectSelectedNodeIds(s).length);
  const edgeCount = useAppStore((s) => selectSelectedEdgeIds(s).length);
  let body: React.ReactNode;
  let title: string;
  if (node) {
    title = 'Node';
    body = <NodeInspector key={node.id} node={node} />;
  } else if (edge) {
    title = 'Call';
    body = <EdgeInspector key={edge.id} edge={edge} />;
  } else if (nodeCount + edgeCount > 0) {
    title = 'Selection';
    body = (
      <div data-testid="multi-inspector">
        <p>
          {nodeCount} node{nodeCount === 1 ? '' : 's'}, {edgeCount} call{edgeCount === 1 ? '' : 's'} selected.
        </p>
        <div className="ls-row">
          <button type="button" className="ls-button" onClick={() => store.getState().duplicateSelection()}>
            Duplicate
          </button>
          <button type="button" className="ls-button danger" onClick={() => store.getState().deleteSelection()}>
            Delete
          </button>
        </div>
      </div>
    );
  } else {
    title = 'Document';
    body = <DocumentInspector />;
  }
  return (
    <aside className="ls-inspector" aria-label="Inspector" data-testid="inspector">
      <h2 className="ls-panel-title">{title}</h2>
      {body}
    </aside>
  );
}
