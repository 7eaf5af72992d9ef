/** The palette: every node kind (drag onto the canvas, or click to add), and the mode of new calls. */
import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useRef } from 'react';
import { KINDS } from '../../workers/engine/kinds';
import { NODE_KINDS, type NodeKind } from '../../workers/engine/schema';
import { selectEdgeMode } from '../store/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';
import { KIND_MIME } from './Canvas';
import { KindIcon } from './icons';
import { Tooltip } from '../shell/Tooltip';

export function Palette() {
  const store = useAppStoreApi();
  const edgeMode = useAppStore(selectEdgeMode);
  const { screenToFlowPosition } = useReactFlow();
  const clicks = useRef(0);

  const addAtCentre = (kind: NodeKind) => {
    const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const step = (clicks.current++ % 6) * 30;
    const centre = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    store.getState().addNode(kind, { x: Math.round((centre.x - 90 + step) / 10) * 10, y: Math.round((centre.y - 30 + step) / 10) * 10 });
  };

  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(KIND_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className="ls-palette" aria-label="Palette">
      <h2 className="ls-panel-title">Add a node</h2>
      <p className="ls-hint">Drag onto the canvas or click.</p>
      <ul className="ls-palette-list">
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <Tooltip
              content={
                <>
                  <strong>{KINDS[kind].title}</strong>: {KINDS[kind].description}
                </>
              }
              side="right"
            >
              <button
                type="button"
                className={`ls-palette-item role-${KINDS[kind].role}`}
                draggable
                onDragStart={(e) => onDragStart(e, kind)}
                onClick={() => addAtCentre(kind)}
                aria-label={`Add ${KINDS[kind].title}: ${KINDS[kind].description}`}
                data-testid={`palette-${kind}`}
              >
                <span className="ls-node-icon">
                  <KindIcon kind={kind} />
                </span>
                <span className="ls-palette-name">{KINDS[kind].title}</span>
              </button>
            </Tooltip>
          </li>
        ))}
      </ul>
      <fieldset className="ls-edge-mode">
        <legend>New calls</legend>
        {(['sync', 'async'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="edge-mode"
              value={m}
              checked={edgeMode === m}
              onChange={() => store.getState().setEdgeMode(m)}
              data-testid={`edge-mode-${m}`}
            />
            {m}
            <span className="ls-edge-mode-text">{m === 'sync' ? ' (wait for reply)' : ' (fire and forget)'}</span>
          </label>
        ))}
      </fieldset>
    </aside>
  );
}
