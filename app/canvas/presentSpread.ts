/**
 * Room for presentation type. While presenting, nodes grow (larger type, no truncated labels) and the animation
 * draws a queue gauge above each node and a busy bar below it, so a drawing laid out for editing can collide on a
 * projector. The canvas then shows the drawing stretched by one factor per axis, just enough that no two nodes nor
 * their gauges overlap; the document's positions are not touched, and the drawing keeps its shape.
 */
import type { TopologyNode } from '../../workers/engine/schema';

/** Height of the queue gauge and its label above a node while presenting, px (AnimationOverlay draws them 36 px up). */
export const GAUGE_ABOVE_PX = 40;
/** Height of the busy bar under a node while presenting, px. */
export const GAUGE_BELOW_PX = 12;
/** Air left between two boxes, px. */
const GAP_PX = 10;
/** Size assumed for a node React Flow has not measured yet, px. */
const DEFAULT_SIZE = { width: 180, height: 80 };
/** The stretch never goes beyond this (a drawing with nodes stacked on each other stays readable, not endless). */
export const MAX_SPREAD = 3;
/** Above this many nodes the pairwise check is skipped (such drawings are presented zoomed far out anyway). */
const MAX_NODES = 400;

export interface Spread {
  sx: number;
  sy: number;
}

export const NO_SPREAD: Spread = { sx: 1, sy: 1 };

/**
 * The smallest per-axis stretch (≥ 1, ≤ MAX_SPREAD) after which every pair of nodes that share a column has room for
 * the upper one's box and both gauges between their tops, and every pair that shares a row has room side by side.
 * Stretching scales the gaps only, so one pass is enough.
 */
export function presentSpread(nodes: readonly TopologyNode[], measured: Readonly<Record<string, { width: number; height: number }>>): Spread {
  if (nodes.length < 2 || nodes.length > MAX_NODES) return NO_SPREAD;
  let sx = 1;
  let sy = 1;
  const size = (n: TopologyNode) => measured[n.id] ?? DEFAULT_SIZE;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i];
    const sa = size(a);
    for (let j = i + 1; j < nodes.length; j++) {
      const b = nodes[j];
      const sb = size(b);
      const dx = b.position.x - a.position.x;
      const dy = b.position.y - a.position.y;
      // Boxes sharing a column need room vertically, boxes sharing a row (gauges included) horizontally; a pair that
      // shares both is parted along the axis that needs the smaller stretch.
      const sameColumn = a.position.x < b.position.x + sb.width && b.position.x < a.position.x + sa.width;
      const sameRow = a.position.y - GAUGE_ABOVE_PX < b.position.y + sb.height + GAUGE_BELOW_PX && b.position.y - GAUGE_ABOVE_PX < a.position.y + sa.height + GAUGE_BELOW_PX;
      const needY = sameColumn ? ((dy > 0 ? sa : sb).height + GAUGE_BELOW_PX + GAUGE_ABOVE_PX + GAP_PX) / Math.abs(dy) : 1;
      const needX = sameRow ? ((dx > 0 ? sa : sb).width + GAP_PX) / Math.abs(dx) : 1;
      if (needX <= 1 || needY <= 1) continue;
      if (needY <= needX) sy = Math.max(sy, needY);
      else sx = Math.max(sx, needX);
    }
  }
  return { sx: Math.min(sx, MAX_SPREAD), sy: Math.min(sy, MAX_SPREAD) };
}
