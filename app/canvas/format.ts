/** Short number formats for node and edge labels. */
import type { ServiceTime } from '../../workers/engine/schema';

/** 0.5 → "0.5 ms", 25 → "25 ms", 1500 → "1.5 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${trim(ms / 1000)} s`;
  return `${trim(ms)} ms`;
}

function trim(v: number): string {
  if (v >= 100) return String(Math.round(v));
  return String(Number(v.toPrecision(3)));
}

const DIST_SHORT: Record<ServiceTime['dist'], string> = {
  exponential: 'exp',
  deterministic: 'fixed',
  lognormal: 'lognorm',
  gamma: 'gamma',
  uniform: 'uniform',
};

/** Mean service time, in ms. */
export function meanServiceMs(st: ServiceTime): number {
  return st.dist === 'uniform' ? (st.minMs + st.maxMs) / 2 : st.meanMs;
}

/** "25 ms gamma" */
export function formatServiceTime(st: ServiceTime): string {
  return `${formatMs(meanServiceMs(st))} ${DIST_SHORT[st.dist]}`;
}

export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(3))}%`;
}
