/**
 * The canvas's zoom buttons: React Flow's Controls panel and buttons (same classes, same actions), with the
 * studio's tooltips instead of the native titles React Flow puts on its own buttons. Icons are React Flow's (MIT).
 */
import { ControlButton, Controls, type ReactFlowState, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Tooltip } from '../shell/Tooltip';

const select = (s: ReactFlowState) => ({
  interactive: s.nodesDraggable || s.nodesConnectable || s.elementsSelectable,
  atMin: s.transform[2] <= s.minZoom,
  atMax: s.transform[2] >= s.maxZoom,
});

function Icon({ box, d }: { box: string; d: string }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={box} aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

const PLUS = 'M32 18.133H18.133V32h-4.266V18.133H0v-4.266h13.867V0h4.266v13.867H32z';
const MINUS = 'M0 0h32v4.2H0z';
const FIT =
  'M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z';
const LOCK =
  'M21.333 10.667H19.81V7.619C19.81 3.429 16.38 0 12.19 0 8 0 4.571 3.429 4.571 7.619v3.048H3.048A3.056 3.056 0 000 13.714v15.238A3.056 3.056 0 003.048 32h18.285a3.056 3.056 0 003.048-3.048V13.714a3.056 3.056 0 00-3.048-3.047zM12.19 24.533a3.056 3.056 0 01-3.047-3.047 3.056 3.056 0 013.047-3.048 3.056 3.056 0 013.048 3.048 3.056 3.056 0 01-3.048 3.047zm4.724-13.866H7.467V7.619c0-2.59 2.133-4.724 4.723-4.724 2.591 0 4.724 2.133 4.724 4.724v3.048z';
const UNLOCK =
  'M21.333 10.667H19.81V7.619C19.81 3.429 16.38 0 12.19 0c-4.114 1.828-1.37 2.133.305 2.438 1.676.305 4.42 2.59 4.42 5.181v3.048H3.047A3.056 3.056 0 000 13.714v15.238A3.056 3.056 0 003.048 32h18.285a3.056 3.056 0 003.048-3.048V13.714a3.056 3.056 0 00-3.048-3.047zM12.19 24.533a3.056 3.056 0 01-3.047-3.047 3.056 3.056 0 013.047-3.048 3.056 3.056 0 013.048 3.048 3.056 3.056 0 01-3.048 3.047z';

function Button(props: { tip: string; name: string; className: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <Tooltip content={props.tip} side="right">
      <ControlButton className={props.className} onClick={props.onClick} disabled={props.disabled} aria-label={props.name}>
        {props.children}
      </ControlButton>
    </Tooltip>
  );
}

export function ZoomControls() {
  const { zoomIn, zoomOut, fitView } = useReactFlow();
  const flow = useStoreApi();
  const { interactive, atMin, atMax } = useStore(useShallow(select));
  const toggle = () => flow.setState({ nodesDraggable: !interactive, nodesConnectable: !interactive, elementsSelectable: !interactive });
  return (
    <Controls aria-label="Zoom controls" showZoom={false} showFitView={false} showInteractive={false}>
      <Button tip="Zoom in" name="Zoom in" className="react-flow__controls-zoomin" onClick={() => void zoomIn()} disabled={atMax}>
        <Icon box="0 0 32 32" d={PLUS} />
      </Button>
      <Button tip="Zoom out" name="Zoom out" className="react-flow__controls-zoomout" onClick={() => void zoomOut()} disabled={atMin}>
        <Icon box="0 0 32 5" d={MINUS} />
      </Button>
      <Button tip="Fit the drawing in the canvas" name="Fit view" className="react-flow__controls-fitview" onClick={() => void fitView()}>
        <Icon box="0 0 32 30" d={FIT} />
      </Button>
      <Button
        tip={interactive ? 'Lock the drawing: no moving, connecting or selecting' : 'Unlock the drawing'}
        name={interactive ? 'Lock the drawing' : 'Unlock the drawing'}
        className="react-flow__controls-interactive"
        onClick={toggle}
      >
        <Icon box="0 0 25 32" d={interactive ? UNLOCK : LOCK} />
      </Button>
    </Controls>
  );
}
