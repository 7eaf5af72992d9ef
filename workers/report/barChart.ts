/** Horizontal grouped bar chart (pure SVG string), e.g. per-node utilisation of both designs. */
import { clip, esc } from './escape';
import { CHART_STYLE, legend, niceTicks, tickLabel } from './svgChart';

export interface BarGroup {
  name: string;
  color: string;
}

export interface BarChartSpec {
  title: string;
  xLabel: string;
  /** One row per category; `values[g]` belongs to `groups[g]` (null = no bar, e.g. a node absent in a design). */
  rows: { label: string; values: (number | null)[]; highlight?: boolean }[];
  groups: BarGroup[];
  /** Upper end of the value axis (default: max(1, largest value)). */
  xMax?: number;
  /** A vertical reference line (e.g. 100% utilisation). */
  refAt?: number;
  /** Text of a bar's value and tooltip. */
  format: (v: number) => string;
  /** Text of an axis tick (default: the plain number). */
  tickFormat?: (v: number) => string;
  width?: number;
}

export function barChart(spec: BarChartSpec): string {
  const W = spec.width ?? 720;
  const m = { l: 190, r: 70, t: 34, b: 40 };
  const bar = 12;
  const rowH = spec.groups.length * bar + 10;
  const ph = Math.max(rowH, spec.rows.length * rowH);
  const H = m.t + ph + m.b;
  const pw = W - m.l - m.r;
  const vals = spec.rows.flatMap((r) => r.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const top = spec.xMax ?? Math.max(1, ...vals);
  const ticks = niceTicks(0, top, 5);
  const X1 = Math.max(top, ticks[ticks.length - 1]);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const sx = (v: number) => Math.round((m.l + (Math.min(Math.max(v, 0), X1) / X1) * pw) * 10) / 10;
  const grid = ticks
    .map((v) => `<line x1="${sx(v)}" x2="${sx(v)}" y1="${m.t}" y2="${m.t + ph}" class="grid"/><text x="${sx(v)}" y="${m.t + ph + 16}" class="tk" text-anchor="middle">${esc(spec.tickFormat ? spec.tickFormat(v) : tickLabel(v, step))}</text>`)
    .join('');
  const rows = spec.rows
    .map((r, i) => {
      const y0 = m.t + i * rowH + 5;
      const label = `<text x="${m.l - 8}" y="${y0 + (spec.groups.length * bar) / 2 + 4}" class="tk${r.highlight ? ' hl' : ''}" text-anchor="end">${esc(clip(r.label, 28))}${r.highlight ? ' ◆' : ''}</text>`;
      const bars = r.values
        .map((v, g) => {
          if (v === null || !Number.isFinite(v)) return '';
          const y = y0 + g * bar;
          const tip = `${r.label} · ${spec.groups[g].name}: ${spec.format(v)}`;
          return `<rect x="${m.l}" y="${y}" width="${Math.max(0.5, sx(v) - m.l)}" height="${bar - 2}" fill="${spec.groups[g].color}"><title>${esc(tip)}</title></rect><text x="${sx(v) + 4}" y="${y + bar - 3}" class="tk">${esc(spec.format(v))}</text>`;
        })
        .join('');
      return label + bars;
    })
    .join('');
  const ref = spec.refAt !== undefined && spec.refAt <= X1 ? `<line x1="${sx(spec.refAt)}" x2="${sx(spec.refAt)}" y1="${m.t}" y2="${m.t + ph}" stroke="#b42318" stroke-dasharray="3 3"/>` : '';
  const lg = legend(spec.groups.map((g) => ({ name: g.name, color: g.color, box: true })), m.l, H + 10, pw);
  const total = H + lg.height + 12;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${total}" width="${W}" height="${total}" role="img" aria-label="${esc(spec.title)}">` +
    `<title>${esc(spec.title)}</title>${CHART_STYLE}<style>.hl{font-weight:700;fill:#b42318}</style><rect width="${W}" height="${total}" fill="#fff"/>` +
    `<text x="${W / 2}" y="18" class="ttl" text-anchor="middle">${esc(spec.title)}</text>` +
    grid +
    rows +
    ref +
    `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" class="axis"/>` +
    `<text x="${m.l + pw / 2}" y="${H - 6}" class="al" text-anchor="middle">${esc(spec.xLabel)}</text>` +
    lg.svg +
    '</svg>'
  );
}
