/**
 * The animated requests: an SVG layer in React Flow's viewport coordinates
 * (ViewportPortal) with one circle per visible dot and a queue / busy gauge
 * on every node, redrawn imperatively by the Player on each animation frame;
 * failures as ✕ marks naming their cause, and the scenario's faulted nodes and
 * partitioned calls ringed while the clock is inside their event (faultLayer.ts).
 * React renders this component once per trace, never per frame.
 */
import { getBezierPath, Position, useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { Topology } from '../../workers/engine/schema';
import { CAUSE_NAMES, type TraceResult } from '../../workers/engine/traceResult';
import { useAppStore } from '../store/react';
import { FaultLayer } from './faultLayer';
import { playbackFaults, serversUp } from './faultMarks';
import { DEFAULT_SPEED, Player } from './player';
import { type ReplicaTimeline, replicaLabel } from './replicaTimeline';
import { DOT_FAILED, failedCause, frameAt, type Geometry, Levels } from './traceFrame';

/** Real ms a dot takes at least to cross an edge (a call with no network cost still visibly travels). */
const HOP_REAL_MS = 280;
const MAX_DOTS = 600;
const SAMPLES = 48;
const DOT_CLASS = ['travel', 'queued', 'serving', 'answer', 'timeout', 'async', 'dropped'].map((k) => `ls-dot ls-dot-${k}`);
const SVG = 'http://www.w3.org/2000/svg';
/** Upper estimate of one character of a gauge label (15 px bold system font), px: a longer label is squeezed to its node width. */
const LABEL_CHAR_PX = 9.5;

type NodeLookup = Map<string, { internals: { positionAbsolute: { x: number; y: number } }; measured: { width?: number; height?: number } }>;

function buildGeometry(trace: TraceResult, doc: Topology, lookup: NodeLookup): Geometry {
  const nodeBox = new Float64Array(4 * trace.nodeIds.length).fill(Number.NaN);
  trace.nodeIds.forEach((id, i) => {
    const n = lookup.get(id);
    if (!n) return;
    nodeBox.set([n.internals.positionAbsolute.x, n.internals.positionAbsolute.y, n.measured.width ?? 180, n.measured.height ?? 80], 4 * i);
  });
  const index = new Map(trace.nodeIds.map((id, i) => [id, i]));
  const edges = new Map(doc.edges.map((e) => [e.id, e]));
  const path = document.createElementNS(SVG, 'path');
  const samples = trace.edgeIds.map((id) => {
    const e = edges.get(id);
    const s = e ? index.get(e.source) : undefined;
    const t = e ? index.get(e.target) : undefined;
    const pts = new Float64Array(2 * (SAMPLES + 1)).fill(Number.NaN);
    if (s === undefined || t === undefined || Number.isNaN(nodeBox[4 * s]) || Number.isNaN(nodeBox[4 * t])) return pts;
    const [d] = getBezierPath({
      sourceX: nodeBox[4 * s] + nodeBox[4 * s + 2],
      sourceY: nodeBox[4 * s + 1] + nodeBox[4 * s + 3] / 2,
      sourcePosition: Position.Right,
      targetX: nodeBox[4 * t],
      targetY: nodeBox[4 * t + 1] + nodeBox[4 * t + 3] / 2,
      targetPosition: Position.Left,
    });
    path.setAttribute('d', d);
    const len = path.getTotalLength();
    for (let k = 0; k <= SAMPLES; k++) {
      const p = path.getPointAtLength((len * k) / SAMPLES);
      pts[2 * k] = p.x;
      pts[2 * k + 1] = p.y;
    }
    return pts;
  });
  return {
    nodeBox,
    edgePoint: (e, progress, out) => {
      const pts = samples[e];
      const f = Math.max(0, Math.min(1, progress)) * SAMPLES;
      const k = Math.min(SAMPLES - 1, Math.floor(f));
      const r = f - k;
      out[0] = pts[2 * k] + r * (pts[2 * k + 2] - pts[2 * k]);
      out[1] = pts[2 * k + 1] + r * (pts[2 * k + 3] - pts[2 * k + 1]);
    },
  };
}

/** Never wider than its node (nodes never overlap, so neither do the labels): squeezed when it would be. */
function fitLabel(el: Element, text: string, w: number) {
  if (text.length * LABEL_CHAR_PX > w) {
    el.setAttribute('textLength', String(w));
    el.setAttribute('lengthAdjust', 'spacingAndGlyphs');
  } else el.removeAttribute('textLength');
}

/** A failure mark: a ✕ and, on the rightmost of a row, its cause. */
interface Cross {
  g: SVGGElement;
  label: SVGTextElement;
  key: string;
}

const CROSS = 'M-6,-6L6,6M6,-6L-6,6';

/** Draws the ✕ dots of the frame (kinds ≥ DOT_FAILED) from the pool; returns how many. */
function drawCrosses(layer: SVGGElement, pool: Cross[], buf: Float32Array, dots: number): number {
  let n = 0;
  const at = new Set<string>();
  for (let d = 0; d < dots; d++) if (buf[3 * d + 2] >= DOT_FAILED) at.add(`${Math.round(buf[3 * d])},${Math.round(buf[3 * d + 1])}`);
  for (let d = 0; d < dots; d++) {
    const k = buf[3 * d + 2];
    if (k < DOT_FAILED) continue;
    if (n === pool.length) {
      const g = layer.appendChild(document.createElementNS(SVG, 'g'));
      g.setAttribute('class', 'ls-cross');
      const c = g.appendChild(document.createElementNS(SVG, 'circle'));
      c.setAttribute('r', '9');
      const p = g.appendChild(document.createElementNS(SVG, 'path'));
      p.setAttribute('d', CROSS);
      const label = g.appendChild(document.createElementNS(SVG, 'text'));
      label.setAttribute('x', '13');
      label.setAttribute('y', '5');
      label.setAttribute('class', 'ls-cross-label');
      pool.push({ g, label, key: '' });
    }
    const cr = pool[n++];
    const x = buf[3 * d];
    const y = buf[3 * d + 1];
    const cause = failedCause(k);
    const name = cause >= 0 ? CAUSE_NAMES[cause] : 'failed';
    // A row of ✕ at one node is named once, on its rightmost.
    const text = at.has(`${Math.round(x + 13)},${Math.round(y)}`) ? '' : name;
    const key = `${x.toFixed(1)},${y.toFixed(1)},${name},${text}`;
    if (key === cr.key) continue;
    cr.key = key;
    cr.g.removeAttribute('visibility');
    cr.g.setAttribute('transform', `translate(${x.toFixed(1)},${y.toFixed(1)})`);
    cr.g.setAttribute('data-cause', name);
    cr.label.textContent = text;
  }
  for (let j = n; j < pool.length; j++) {
    if (pool[j].key === '') continue;
    pool[j].key = '';
    pool[j].g.setAttribute('visibility', 'hidden');
  }
  return n;
}

interface Props {
  trace: TraceResult;
  doc: Topology;
  onPlayer: (p: Player | null) => void;
  /** Replica counts of autoscaled nodes over the run (from the shown run), drawn under their nodes. */
  replicas?: ReplicaTimeline | null;
}

export function AnimationOverlay({ trace, doc, onPlayer, replicas = null }: Props) {
  const theme = useAppStore((s) => s.theme);
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const faultsRef = useRef<FaultLayer | null>(null);
  const replicasRef = useRef(replicas);
  replicasRef.current = replicas;
  const svgRef = useRef<SVGSVGElement>(null);
  // React Flow updates node sizes in place: a string of positions and sizes tells when the drawing moved or grew.
  const layoutKey = useFlowStore((s) => {
    let key = '';
    for (const n of s.nodeLookup.values()) key += `${n.id}:${n.internals.positionAbsolute.x},${n.internals.positionAbsolute.y},${n.measured.width},${n.measured.height};`;
    return key;
  });
  const lookupOf = useFlowStore((s) => s.nodeLookup) as unknown as NodeLookup;
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutKey is the change signal for the in-place lookup
  const geometry = useMemo(() => buildGeometry(trace, doc, lookupOf), [trace, doc, lookupOf, layoutKey]);
  // Nodes move or grow (e.g. when a run adds their utilisation bar): the next frame uses the new geometry, the clock keeps going.
  const geometryRef = useRef(geometry);
  geometryRef.current = geometry;
  const redraw = useRef<(() => void) | null>(null);
  const offlineRef = useRef(new Set<string>());
  offlineRef.current = new Set(doc.nodes.filter((n) => n.role === 'offline').map((n) => n.id));
  useEffect(() => {
    if (geometry.nodeBox.length > 0) redraw.current?.();
  }, [geometry]);
  useEffect(() => {
    faultsRef.current?.setTheme(theme);
    redraw.current?.();
  }, [theme]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    svg.replaceChildren();
    const gauges = svg.appendChild(document.createElementNS(SVG, 'g'));
    const marks = new FaultLayer(svg.appendChild(document.createElementNS(SVG, 'g')), svg, playbackFaults(doc, trace.nodeIds, trace.edgeIds), trace.nodeIds, trace.edgeIds, themeRef.current);
    faultsRef.current = marks;
    const dotsLayer = svg.appendChild(document.createElementNS(SVG, 'g'));
    const crossLayer = svg.appendChild(document.createElementNS(SVG, 'g'));
    const levels = new Levels(trace);
    const offline = offlineRef.current;
    const buildGauges = (geometry: Geometry) =>
      trace.nodeIds.map((_, i) => {
      const [x, y, w, h] = geometry.nodeBox.subarray(4 * i, 4 * i + 4);
      // Offline boxes carry no requests: no gauge (it would only say "busy 0/1").
      if (Number.isNaN(x) || offline.has(trace.nodeIds[i])) return null;
      const g = gauges.appendChild(document.createElementNS(SVG, 'g'));
      g.setAttribute('class', 'ls-gauge');
      g.setAttribute('data-node', trace.nodeIds[i]);
      const mk = (tag: string, attrs: Record<string, string | number>) => {
        const el = g.appendChild(document.createElementNS(SVG, tag));
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
        return el;
      };
      mk('rect', { x, y: y - 30, width: w, height: 10, rx: 3, class: 'ls-gauge-track' });
      const fill = mk('rect', { x, y: y - 30, width: 0, height: 10, rx: 3, class: 'ls-gauge-queue' });
      mk('rect', { x, y: y + h + 4, width: w, height: 6, rx: 3, class: 'ls-gauge-track' });
      const busy = mk('rect', { x, y: y + h + 4, width: 0, height: 6, rx: 3, class: 'ls-gauge-busy' });
      const label = mk('text', { x, y: y - 36, class: 'ls-gauge-label' });
      const reps = mk('text', { x, y: y + h + 27, class: 'ls-gauge-label ls-gauge-replicas' });
      return { fill, busy, label, reps, g, w, last: '', lastReps: '' };
    });
    let built = geometryRef.current;
    let gauge = buildGauges(built);
    const circles: SVGCircleElement[] = [];
    const crosses: Cross[] = [];
    const kinds: number[] = [];
    const buf = new Float32Array(3 * MAX_DOTS);
    let player: Player | null = null;
    const draw = (simMs: number) => {
      const geometry = geometryRef.current;
      if (geometry !== built) {
        built = geometry;
        gauges.replaceChildren();
        gauge = buildGauges(geometry);
      }
      marks.draw(simMs, geometry);
      const counts = frameAt(trace, simMs, HOP_REAL_MS / (player?.snapshot.realMsPerSimMs ?? DEFAULT_SPEED), geometry, buf);
      const failures = drawCrosses(crossLayer, crosses, buf, counts.dots);
      while (circles.length < counts.dots) {
        const c = dotsLayer.appendChild(document.createElementNS(SVG, 'circle'));
        c.setAttribute('r', '7');
        circles.push(c);
        kinds.push(-1);
      }
      for (let d = 0; d < circles.length; d++) {
        const c = circles[d];
        if (d >= counts.dots) {
          if (kinds[d] !== -1) {
            c.setAttribute('visibility', 'hidden');
            kinds[d] = -1;
          }
          continue;
        }
        const k = buf[3 * d + 2];
        if (k >= DOT_FAILED) {
          // Drawn as a ✕ (drawCrosses).
          if (kinds[d] !== -1) {
            c.setAttribute('visibility', 'hidden');
            kinds[d] = -1;
          }
          continue;
        }
        c.setAttribute('cx', buf[3 * d].toFixed(1));
        c.setAttribute('cy', buf[3 * d + 1].toFixed(1));
        if (kinds[d] !== k) {
          if (kinds[d] === -1) c.removeAttribute('visibility');
          c.setAttribute('class', DOT_CLASS[k]);
          kinds[d] = k;
        }
      }
      levels.seek(simMs);
      const timeline = replicasRef.current;
      gauge.forEach((gg, i) => {
        if (!gg) return;
        const reps = replicaLabel(timeline, trace.nodeIds[i], simMs) ?? '';
        if (reps !== gg.lastReps) {
          gg.lastReps = reps;
          gg.reps.textContent = reps;
          if (reps) gg.g.setAttribute('data-replicas', reps);
          else gg.g.removeAttribute('data-replicas');
          fitLabel(gg.reps, reps, gg.w);
        }
        const q = levels.queued[i];
        const b = levels.busy[i];
        // Under a crash, outage or capacity cut: the servers the engine has up now.
        const mark = marks.frame?.nodes[i] ?? null;
        const c = serversUp(mark, trace.nodeServers[i]);
        const text = `queue ${q} · busy ${b}/${c}${mark?.replicasDown ? ` · ${mark.replicasDown} down` : ''}`;
        if (text === gg.last) return;
        gg.last = text;
        gg.fill.setAttribute('width', ((gg.w * Math.min(q, 20)) / 20).toFixed(1));
        gg.busy.setAttribute('width', ((gg.w * Math.min(b, c)) / Math.max(1, c)).toFixed(1));
        gg.label.textContent = text;
        fitLabel(gg.label, text, gg.w);
      });
      svg.dataset.dots = String(counts.dots);
      svg.dataset.failures = String(failures);
      svg.dataset.moving = String(counts.moving);
      svg.dataset.simMs = simMs.toFixed(3);
    };
    player = new Player(trace, draw);
    const made = player;
    redraw.current = () => made.seek(made.snapshot.simMs);
    onPlayer(made);
    return () => {
      made.dispose();
      faultsRef.current = null;
      redraw.current = null;
      onPlayer(null);
    };
  }, [trace, doc, onPlayer]);

  return (
    <ViewportPortal>
      <svg ref={svgRef} className="ls-anim" data-testid="animation-layer" width={1} height={1} aria-hidden="true" />
    </ViewportPortal>
  );
}
