/**
 * Stable props for recharts. Recharts 3 keeps each chart's settings in an
 * internal store and re-dispatches them whenever a prop's identity changes;
 * every dispatch re-runs the chart's selectors and re-renders synchronously.
 * Inline objects and functions would do that on every render, so charts take
 * their margins, formatters, label objects and domains from here.
 */
import type { Theme } from '../store/uiSlice';
import { CHART_INK } from './colours';
import { fmtMs, fmtRate } from './format';
import { fmtUsers } from '../../workers/report/closedText';

export const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 } as const;
export const MARGIN_SMALL = { top: 4, right: 10, bottom: 4, left: 0 } as const;
export const DOT_SMALL = { r: 2 } as const;
export const DOT = { r: 2.5 } as const;
export const DOMAIN_ZERO_TO_MAX: [number, 'dataMax'] = [0, 'dataMax'];

/** Axis tick: three significant digits, thousands and millions as k and M (1300 → "1.3k", 10500 → "10.5k"). */
export const tick3 = (v: number) => {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e3) return `${Number((v / 1e3).toPrecision(3))}k`;
  return `${Number(v.toPrecision(3))}`;
};

/**
 * "Nice" ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 × 10^k, at
 * most `count` + 1 of them, so labels are short and never crowd (recharts is
 * told to draw every one of them and measures no text).
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const n = Math.ceil(max / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
export const tickPct = (v: number) => `${Math.round(v * 100)}%`;
export const tickMs = (v: number) => fmtMs(v);
export const offeredLabel = (v: unknown) => `Offered ${fmtRate(Number(v))}`;
/** Tooltip title of a closed workload's sweep point (x = users). */
export const usersLabel = (v: unknown) => fmtUsers(Number(v));
/** The x-axis title of a sweep chart: users for a closed workload, else the offered load. */
export const sweepAxisTitle = (closed: boolean) => (closed ? 'users (N)' : 'offered load (req/s)');

type Position = 'insideBottom' | 'insideLeft';
const labels = new Map<string, { value: string; position: Position; fill: string; angle?: number; offset?: number }>();

/** An axis label object, the same object for the same text and theme. */
export function axisLabel(theme: Theme, value: string, vertical = false) {
  const k = `${theme}|${vertical}|${value}`;
  let l = labels.get(k);
  if (!l) {
    const fill = CHART_INK[theme].axis;
    l = vertical ? { value, angle: -90, position: 'insideLeft', fill } : { value, position: 'insideBottom', offset: -10, fill };
    labels.set(k, l);
  }
  return l;
}
