/**
 * The fault marks of the playback, drawn imperatively in the animation's SVG
 * layer: a ring in the fault's colour (faultColours.ts) around every node the
 * scenario hits at the playback clock, with one line per active event
 * beside it, and a dashed line over every partitioned call. The DOM changes only
 * when the clock crosses into another segment of the scenario (faultMarks.ts).
 */
import type { Theme } from '../store/uiSlice';
import { FAULT_COLOUR } from '../scenario/faultColours';
import { type FaultFrame, faultFrameAt, type PlaybackFaults } from './faultMarks';
import type { Geometry } from './traceFrame';

const SVG = 'http://www.w3.org/2000/svg';
/** Points sampled along a partitioned edge for its dashed line. */
const EDGE_POINTS = 24;

function el(parent: Element, tag: string, attrs: Record<string, string | number>): SVGElement {
  const e = parent.appendChild(document.createElementNS(SVG, tag)) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export class FaultLayer {
  /** The marks drawn (null before the first draw, and without a scenario). */
  frame: FaultFrame | null = null;
  private built: Geometry | null = null;
  private theme: Theme;

  constructor(
    private readonly layer: SVGGElement,
    private readonly svg: SVGSVGElement,
    private readonly faults: PlaybackFaults | null,
    private readonly nodeIds: readonly string[],
    private readonly edgeIds: readonly string[],
    theme: Theme,
  ) {
    this.theme = theme;
  }

  /** Redraws on the next `draw` (the theme changed). */
  setTheme(theme: Theme): void {
    this.theme = theme;
    this.frame = null;
  }

  /** The marks at playback time simMs; a no-op while the segment (and the geometry) stays the same. */
  draw(simMs: number, geometry: Geometry): void {
    const frame = faultFrameAt(this.faults, simMs);
    if (frame === null || (frame === this.frame && geometry === this.built)) return;
    this.frame = frame;
    this.built = geometry;
    this.layer.replaceChildren();
    const colours = FAULT_COLOUR[this.theme];
    const faulted: string[] = [];
    const partitioned: string[] = [];
    frame.nodes.forEach((mark, i) => {
      if (!mark) return;
      const [x, y, w, h] = geometry.nodeBox.subarray(4 * i, 4 * i + 4);
      if (Number.isNaN(x)) return;
      const id = this.nodeIds[i];
      faulted.push(id);
      const colour = colours[mark.kind];
      const g = el(this.layer, 'g', { class: 'ls-fault-mark', 'data-testid': `fault-mark-${id}`, 'data-kinds': mark.kinds.join(',') });
      el(g, 'rect', { x: x - 7, y: y - 7, width: w + 14, height: h + 14, rx: 12, class: 'ls-fault-ring', stroke: colour });
      mark.lines.forEach((text, k) => {
        // To the right of the ring, below the ✕ of the requests that failed here (above and below a node sit its gauges, and the next node's).
        const t = el(g, 'text', { x: x + w + 14, y: y + Math.max(40, h - 6) + k * 18, class: 'ls-fault-text', fill: colour });
        t.textContent = text;
      });
    });
    const pt = new Float64Array(2);
    frame.edges.forEach((mark, e) => {
      if (!mark) return;
      let d = '';
      for (let k = 0; k <= EDGE_POINTS; k++) {
        geometry.edgePoint(e, k / EDGE_POINTS, pt);
        if (Number.isNaN(pt[0])) return;
        d += `${k === 0 ? 'M' : 'L'}${pt[0].toFixed(1)},${pt[1].toFixed(1)}`;
      }
      const id = this.edgeIds[e];
      partitioned.push(id);
      const g = el(this.layer, 'g', { class: 'ls-fault-mark', 'data-testid': `fault-edge-${id}`, 'data-mode': mark.mode });
      el(g, 'path', { d, class: 'ls-fault-cut', stroke: colours.partition });
      geometry.edgePoint(e, 0.5, pt);
      // Short, under the line: an edge is often shorter than the event's full line (that one is the tooltip's).
      const t = el(g, 'text', { x: pt[0], y: pt[1] + 30, class: 'ls-fault-text', fill: colours.partition, 'text-anchor': 'middle' });
      t.textContent = `✂ ${mark.mode}`;
      const title = el(g, 'title', {});
      title.textContent = mark.line;
    });
    this.svg.dataset.faulted = faulted.join(',');
    this.svg.dataset.partitioned = partitioned.join(',');
  }
}
