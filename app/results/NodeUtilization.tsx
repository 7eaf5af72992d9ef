/** A canvas node's utilisation at the shown point (reads only this node's number from the run slice). */
import { useAppStore } from '../store/react';
import { utilStep } from './colours';
import { fmtPct } from './format';
import { selectNodeUtilization } from './selectors';
import { UtilLegend } from './UtilLegend';

export function NodeUtilization({ id }: { id: string }) {
  const u = useAppStore(selectNodeUtilization(id));
  if (u === null) return null;
  const step = utilStep(u);
  return (
    <div className="ls-node-util" data-testid="node-util" data-value={u}>
      <div className="ls-node-util-bar">
        <div className="ls-node-util-fill" style={{ width: `${Math.min(100, u * 100)}%`, background: step.fill }} />
      </div>
      <span className="ls-node-util-chip" style={{ background: step.fill, color: step.text }}>
        {fmtPct(u)}
      </span>
    </div>
  );
}

/** The utilisation legend over the canvas (a compact strip just above the minimap), shown when nodes are coloured. */
export function CanvasUtilLegend() {
  const shown = useAppStore((s) => s.run?.points.some((p) => p !== null) ?? false);
  return shown ? <UtilLegendBox /> : null;
}

function UtilLegendBox() {
  return (
    <div className="ls-canvas-legend">
      <UtilLegend title="Utilisation %" compact />
    </div>
  );
}
