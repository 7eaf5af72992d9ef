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

export const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 } as const;
export const MARGIN_SMALL = { top: 4, right: 10, bottom: 4, left: 0 } as const;
export const DOT_SMALL = { r: 2 } as const;
export const DOT = { r: 2.5 } as const;
export const DOMAIN_ZERO_TO_MAX: [number, 'dataMax'] = [0, 'dataMax'];

/** Axis tick: three significant digits. */
export const tick3 = (v: number) => `${Number(v.toPrecision(3))}`;
export const tickPct = (v: number) => `${Math.round(v * 100)}%`;
export const tickMs = (v: number) => fmtMs(v);
export const offeredLabel = (v: unknown) => `Offered ${fmtRate(Number(v))}`;

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
