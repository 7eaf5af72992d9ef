/**
 * A small pure SVG chart module for the report: line charts with axes,
 * ticks, a legend, a title, reference lines and a clip area. Returns SVG
 * markup as a string (no DOM); every text goes through `esc`.
 */
import { esc } from './escape';

/** One line: points in data units; non-finite y values break the line. */
export interface LineSeries {
  name: string;
  color: string;
  /** SVG stroke-dasharray, e.g. "6 4"; omitted = solid. */
  dash?: string;
  points: readonly (readonly [number, number])[];
  /** Draw a dot (with a tooltip) at each point; default true. */
  markers?: boolean;
  /** Tooltip text per point (an SVG <title>); defaults to "name: x, y". */
  describe?: (x: number, y: number) => string;
}

/** A vertical or horizontal reference line with a label. */
export interface RefLine {
  at: number;
  label: string;
  color: string;
}

/** A shaded span [from, to] of the x axis with a dashed edge and a label at its top left. */
export interface Band {
  from: number;
  to: number;
  label: string;
  color: string;
}

export interface LineChartSpec {
  /** Unique within the page (used for the clip path's id). */
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  vLines?: RefLine[];
  hLines?: RefLine[];
  /** Shaded spans of the x axis (e.g. a scenario's events), drawn under the lines; none = the chart is drawn exactly as without. */
  bands?: Band[];
  /** Upper end of the y axis (values above are clipped); default: the largest finite value. */
  yMax?: number;
  width?: number;
  height?: number;
}

/** Evenly spaced "nice" tick values (steps of 1, 2, 2.5 or 5 × 10^k), from at or below min to at or above max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  for (let k = first; k <= last; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** A tick label: as many decimals as the step needs, thousands separated. */
export function tickLabel(v: number, step: number): string {
  const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Styles inside every chart, so an SVG stays readable on its own (PNG export, copy-paste). */
export const CHART_STYLE =
  '<style>.grid{stroke:#e4e7eb}.axis{stroke:#57606a}.tk{font:11px system-ui,sans-serif;fill:#444}' +
  '.lg{font:12px system-ui,sans-serif;fill:#222}.ttl{font:600 14px system-ui,sans-serif;fill:#111}' +
  '.al{font:12px system-ui,sans-serif;fill:#333}.ref{font:11px system-ui,sans-serif}</style>';

/** Legend entries laid out in rows under the plot; returns the markup and its height. */
export function legend(items: { name: string; color: string; dash?: string; box?: boolean }[], x0: number, y0: number, width: number): { svg: string; height: number } {
  const colW = Math.max(120, ...items.map((it) => 34 + it.name.length * 6.6));
  const perRow = Math.max(1, Math.floor(width / colW));
  const parts = items.map((it, i) => {
    const x = x0 + (i % perRow) * colW;
    const y = y0 + Math.floor(i / perRow) * 18;
    const mark = it.box
      ? `<rect x="${x}" y="${y - 9}" width="18" height="10" fill="${it.color}"/>`
      : `<line x1="${x}" y1="${y - 4}" x2="${x + 18}" y2="${y - 4}" stroke="${it.color}" stroke-width="2.5"${it.dash ? ` stroke-dasharray="${it.dash}"` : ''}/>`;
    return `${mark}<text x="${x + 24}" y="${y}" class="lg">${esc(it.name)}</text>`;
  });
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: Math.ceil(items.length / perRow) * 18 };
}

/**
 * Bands as SVG: a pale fill over [from, to] (at least 2 px wide, so an instant event shows), dashed edges and
 * the label at the top left; a band that starts where an earlier one's label would still run drops its label
 * one line lower.
 */
function bandsSvg(bands: readonly Band[], sx: (x: number) => number, xMin: number, xMax: number, top: number, height: number): string {
  const labelEnds: number[] = [];
  return bands
    .filter((b) => b.to >= xMin && b.from <= xMax)
    .map((b) => {
      const x0 = sx(Math.max(b.from, xMin));
      const x1 = Math.max(sx(Math.min(b.to, xMax)), x0 + 2);
      let lane = 0;
      while (labelEnds[lane] !== undefined && labelEnds[lane] > x0) lane++;
      labelEnds[lane] = x0 + 6 + b.label.length * 6;
      const edge = (x: number) => `<line x1="${x}" x2="${x}" y1="${top}" y2="${top + height}" stroke="${b.color}" stroke-opacity="0.6" stroke-dasharray="3 3"/>`;
      return (
        `<g class="band"><title>${esc(b.label)}</title><rect x="${x0}" y="${top}" width="${r1(x1 - x0)}" height="${height}" fill="${b.color}" fill-opacity="0.12"/>` +
        `${edge(x0)}${edge(x1)}<text x="${r1(x0 + 4)}" y="${top + 12 + lane * 13}" class="ref" font-weight="600" fill="${b.color}">${esc(b.label)}</text></g>`
      );
    })
    .join('');
}

/** Renders a line chart as a standalone `<svg>` string. */
export function lineChart(spec: LineChartSpec): string {
  const W = spec.width ?? 720;
  const H = spec.height ?? 320;
  const m = { l: 68, r: 20, t: 34, b: 46 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0])).filter(Number.isFinite);
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  const xMin = Math.min(0, ...xs);
  const xMax = Math.max(xMin + 1e-9, ...xs, ...(spec.vLines ?? []).map((l) => l.at).filter((v) => v <= Math.max(...xs, 0) * 1.05));
  const yTop = spec.yMax ?? Math.max(1e-9, ...ys, ...(spec.hLines ?? []).map((l) => l.at));
  const xt = niceTicks(xMin, xMax, 7);
  const yt = niceTicks(0, yTop);
  const X1 = Math.max(xMax, xt[xt.length - 1]);
  const Y1 = Math.max(yTop, yt[yt.length - 1]);
  const sx = (x: number) => r1(m.l + ((x - xMin) / (X1 - xMin)) * pw);
  const sy = (y: number) => r1(m.t + ph - (Math.max(-Y1, Math.min(y, Y1 * 20)) / Y1) * ph);
  const xStep = xt.length > 1 ? xt[1] - xt[0] : 1;
  const yStep = yt.length > 1 ? yt[1] - yt[0] : 1;
  const grid = [
    ...yt.map((v) => `<line x1="${m.l}" x2="${m.l + pw}" y1="${sy(v)}" y2="${sy(v)}" class="grid"/><text x="${m.l - 6}" y="${sy(v) + 4}" class="tk" text-anchor="end">${tickLabel(v, yStep)}</text>`),
    ...xt.map((v) => `<line x1="${sx(v)}" x2="${sx(v)}" y1="${m.t + ph}" y2="${m.t + ph + 4}" class="axis"/><text x="${sx(v)}" y="${m.t + ph + 17}" class="tk" text-anchor="middle">${tickLabel(v, xStep)}</text>`),
  ].join('');
  const clipId = `clip-${spec.id}`;
  const lines = spec.series
    .map((s) => {
      let d = '';
      let pen = false;
      const dots: string[] = [];
      for (const [x, y] of s.points) {
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${sx(x)} ${sy(y)}`;
        pen = true;
        if (s.markers !== false && y <= Y1) {
          const tip = s.describe ? s.describe(x, y) : `${s.name}: ${x}, ${y}`;
          dots.push(`<circle cx="${sx(x)}" cy="${sy(y)}" r="2.6" fill="${s.color}"><title>${esc(tip)}</title></circle>`);
        }
      }
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>${dots.join('')}`;
    })
    .join('');
  const refs = [
    ...(spec.vLines ?? []).filter((l) => l.at >= xMin && l.at <= X1).map((l, i) => `<line x1="${sx(l.at)}" x2="${sx(l.at)}" y1="${m.t}" y2="${m.t + ph}" stroke="${l.color}" stroke-dasharray="3 3"/><text x="${sx(l.at) - 4}" y="${m.t + 12 + i * 14}" class="ref" text-anchor="end" fill="${l.color}">${esc(l.label)}</text>`),
    ...(spec.hLines ?? []).filter((l) => l.at <= Y1).map((l) => `<line x1="${m.l}" x2="${m.l + pw}" y1="${sy(l.at)}" y2="${sy(l.at)}" stroke="${l.color}" stroke-dasharray="3 3"/><text x="${m.l + 6}" y="${sy(l.at) - 4}" class="ref" fill="${l.color}">${esc(l.label)}</text>`),
  ].join('');
  const bands = spec.bands?.length ? bandsSvg(spec.bands, sx, xMin, X1, m.t, ph) : '';
  const lg = legend(spec.series.map((s) => ({ name: s.name, color: s.color, dash: s.dash })), m.l, H + 10, pw);
  const total = H + lg.height + 12;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${total}" width="${W}" height="${total}" role="img" aria-label="${esc(spec.title)}">` +
    `<title>${esc(spec.title)}</title>${CHART_STYLE}<rect width="${W}" height="${total}" fill="#fff"/>` +
    `<defs><clipPath id="${esc(clipId)}"><rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}"/></clipPath></defs>` +
    `<text x="${W / 2}" y="18" class="ttl" text-anchor="middle">${esc(spec.title)}</text>` +
    grid +
    `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" class="axis"/><line x1="${m.l}" x2="${m.l + pw}" y1="${m.t + ph}" y2="${m.t + ph}" class="axis"/>` +
    `<g clip-path="url(#${esc(clipId)})">${bands}${lines}${refs}</g>` +
    `<text x="${m.l + pw / 2}" y="${H - 8}" class="al" text-anchor="middle">${esc(spec.xLabel)}</text>` +
    `<text transform="translate(16 ${m.t + ph / 2}) rotate(-90)" class="al" text-anchor="middle">${esc(spec.yLabel)}</text>` +
    lg.svg +
    '</svg>'
  );
}
