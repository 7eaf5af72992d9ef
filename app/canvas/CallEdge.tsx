/**
 * A call: solid for sync, dashed for async, dotted with "no traffic" when it
 * touches an offline node. The label lists what differs from the defaults.
 */
import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getBezierPath, Position } from '@xyflow/react';
import { memo } from 'react';
import { EDGE_DEFAULTS } from '../../workers/engine/kinds';
import type { TopologyEdge } from '../../workers/engine/schema';
import { FaultBadge, selectFaultLines } from '../scenario/FaultBadge';
import { Tooltip } from '../shell/Tooltip';
import { useAppStore } from '../store/react';
import { formatMs, formatPercent } from './format';

export type CallEdgeData = { edge: TopologyEdge; offline: boolean };
export type CallFlowEdge = Edge<CallEdgeData, 'call'>;

/** The parts of an edge's label: only values that differ from the defaults. */
export function edgeLabelParts(e: TopologyEdge, offline: boolean): string[] {
  const parts: string[] = [];
  if (offline) return ['no traffic'];
  if (e.mode === 'async') parts.push('async');
  if (e.probability !== EDGE_DEFAULTS.probability) parts.push(`p ${formatPercent(e.probability)}`);
  if (e.count !== EDGE_DEFAULTS.count) parts.push(`×${e.count}`);
  if (e.networkMs !== EDGE_DEFAULTS.networkMs) parts.push(`net ${formatMs(e.networkMs)}`);
  if (e.timeoutMs != null) parts.push(`timeout ${formatMs(e.timeoutMs)}${e.retries ? ` ×${e.retries + 1}` : ''}`);
  return parts;
}

/** Rough width (px) of a label at 11 px, padding and border included: enough to tell whether it fits its room. */
const labelWidthPx = (text: string) => text.length * 6.3 + 12;

/**
 * The room (px) a call's label has between its two nodes when the call leaves and enters them sideways (the label
 * sits on its midpoint, between the handles): a longer label is cut with an ellipsis there instead of running under
 * the nodes, and shows its full text in a tooltip. Null: no limit (a vertical call has the whole width).
 */
function labelRoom(sourceX: number, targetX: number, sourcePosition: Position, targetPosition: Position): number | null {
  const sideways = (p: Position) => p === Position.Left || p === Position.Right;
  return sideways(sourcePosition) && sideways(targetPosition) ? Math.max(56, Math.abs(targetX - sourceX) - 12) : null;
}

function CallEdgeView(props: EdgeProps<CallFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const faulted = useAppStore((s) => selectFaultLines(id)(s) !== '');
  if (!data) return null;
  const { edge, offline } = data;
  const cls = `ls-edge mode-${edge.mode}${offline ? ' is-offline' : ''}${selected ? ' is-selected' : ''}`;
  const parts = edgeLabelParts(edge, offline);
  const text = parts.join(' · ');
  const room = labelRoom(sourceX, targetX, sourcePosition, targetPosition);
  const cut = room !== null && labelWidthPx(text) > room;
  const label = (
    <div
      className={`ls-edge-label nodrag nopan${selected ? ' is-selected' : ''}${cut ? ' is-cut' : ''}`}
      data-testid={`edge-label-${edge.id}`}
      data-full-text={text}
      style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, ...(room !== null ? { maxWidth: room, overflow: 'hidden', textOverflow: 'ellipsis' } : {}) }}
    >
      {text}
    </div>
  );
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} interactionWidth={16} />
      {parts.length > 0 && (
        <EdgeLabelRenderer>{cut ? <Tooltip content={text}>{label}</Tooltip> : label}</EdgeLabelRenderer>
      )}
      {faulted && (
        <EdgeLabelRenderer>
          <div
            className="ls-edge-fault nodrag nopan"
            // Above the label when there is one, else on the call's midpoint.
            style={{ transform: `translate(-50%, ${parts.length ? '-150%' : '-50%'}) translate(${labelX}px, ${labelY - (parts.length ? 4 : 0)}px)` }}
          >
            <FaultBadge id={edge.id} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const CallEdge = memo(CallEdgeView);
export const EDGE_TYPES = { call: CallEdge };
