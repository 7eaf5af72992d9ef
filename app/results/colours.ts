/**
 * Chart and canvas colours. Designs use the Okabe–Ito palette (distinct for
 * colour-blind readers), one shade per theme. Utilisation uses a sequential
 * ColorBrewer YlOrRd scale (colour-blind safe: lightness grows with load),
 * with a label colour chosen for contrast on each step.
 */
import type { Theme } from '../store/uiSlice';
import type { Design } from './series';

export const DESIGN_COLOUR: Record<Theme, Record<Design, string>> = {
  light: { microservices: '#0072B2', monolith: '#D55E00' },
  dark: { microservices: '#56B4E9', monolith: '#E69F00' },
};

/** The run drawn beside the current one (run history compare): Okabe–Ito bluish green. */
export const COMPARE_COLOUR: Record<Theme, string> = { light: '#009E73', dark: '#3DCC9B' };

export const CHART_INK: Record<Theme, { grid: string; axis: string; ref: string }> = {
  light: { grid: '#d5dae2', axis: '#5b6474', ref: '#1c2330' },
  dark: { grid: '#2e3846', axis: '#9aa4b2', ref: '#e5e9f0' },
};

/** Steps of the utilisation scale: [upper bound (exclusive, last inclusive), fill, text]. */
export const UTIL_STEPS: readonly { below: number; fill: string; text: string; label: string; short: string }[] = [
  { below: 0.5, fill: '#ffffb2', text: '#1c2330', label: '< 50%', short: '<50' },
  { below: 0.7, fill: '#fecc5c', text: '#1c2330', label: '50–70%', short: '<70' },
  { below: 0.85, fill: '#fd8d3c', text: '#1c2330', label: '70–85%', short: '<85' },
  { below: 0.95, fill: '#f03b20', text: '#ffffff', label: '85–95%', short: '<95' },
  { below: Number.POSITIVE_INFINITY, fill: '#bd0026', text: '#ffffff', label: '≥ 95%', short: '≥95' },
];

/** The scale step of a utilisation (0–1, may exceed 1). */
export function utilStep(u: number) {
  return UTIL_STEPS.find((s) => u < s.below) ?? UTIL_STEPS[UTIL_STEPS.length - 1];
}

/** Dash pattern per percentile (same colour per design, line style per percentile). */
export const PERCENTILE_DASH = { mean: undefined, p50: '2 3', p95: '9 3 2 3', p99: undefined } as const;
export const PERCENTILE_WIDTH = { mean: 1.5, p50: 1.8, p95: 1.8, p99: 2.6 } as const;
