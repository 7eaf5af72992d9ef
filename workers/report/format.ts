/**
 * Rounding helpers for every number a person reads: the report, the CSV
 * headers' companions and the studio's result panels use these same
 * functions, so an exported figure reads exactly as it does on screen.
 * Non-finite values print as "–".
 */

const DASH = '–';

function fixed(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A latency in ms: 3 significant figures below 100 ms, whole ms above ("0.482", "12.3", "1,250"). */
export function fmtMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return DASH;
  const a = Math.abs(ms);
  if (a >= 100) return fixed(ms, 0);
  if (a >= 10) return fixed(ms, 1);
  if (a >= 1) return fixed(ms, 2);
  return fixed(ms, 3);
}

/** A rate in req/s: whole numbers from 100 up, one decimal below ("1,234", "81.6"). */
export function fmtRate(perSec: number | null | undefined): string {
  if (perSec == null || !Number.isFinite(perSec)) return DASH;
  return Math.abs(perSec) >= 100 ? fixed(perSec, 0) : fixed(perSec, 1);
}

/** A fraction as a percentage with one decimal ("72.4%"). */
export function fmtPct(fraction: number | null | undefined): string {
  if (fraction == null || !Number.isFinite(fraction)) return DASH;
  return `${fixed(fraction * 100, 1)}%`;
}

/** US dollars: cents below $100, whole dollars above; four decimals below one cent ("$0.0123"). */
export function fmtUsd(usd: number | null | undefined): string {
  if (usd == null || !Number.isFinite(usd)) return DASH;
  const a = Math.abs(usd);
  if (a > 0 && a < 0.01) return `$${fixed(usd, 4)}`;
  return `$${fixed(usd, a >= 100 ? 0 : 2)}`;
}

/** A ratio with two decimals and a times sign ("1.26×"). */
export function fmtRatio(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return DASH;
  return `${fixed(x, 2)}×`;
}

/** A plain count or quantity: integers with separators, else 3 significant figures. */
export function fmtNum(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return DASH;
  if (Number.isInteger(x)) return fixed(x, 0);
  const a = Math.abs(x);
  return fixed(x, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}
