/**
 * Number formats for every figure a person reads: the studio's charts,
 * tables and sentences (app/results re-exports these) and the report use the
 * same functions, so an exported figure reads exactly as it does on screen.
 * Three significant digits; null/NaN → "—".
 */

// One formatter, made on first use: toLocaleString(locale, options) builds a new one per call
// (tens of µs each; the first costs ~40 ms in a browser, which the studio takes while idle).
let numberFormat: Intl.NumberFormat | null = null;
const sig = (v: number, digits = 3) => {
  numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
  return numberFormat.format(Number(v.toPrecision(digits)));
};

/** 12.345 → "12.3 ms", 1234 → "1.23 s"; null/NaN → "—". */
export function fmtMs(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1000 ? `${sig(v / 1000)} s` : `${sig(v)} ms`;
}

/** 412.7 → "413 req/s". */
export function fmtRate(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${sig(v)} req/s`;
}

/** 0.834 → "83.4%", 0.00405 → "0.41%", 0.0000405 → "< 0.01%": three significant digits, at most two decimals. */
export function fmtPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const pct = v * 100;
  if (pct !== 0 && Math.abs(pct) < 0.005) return pct > 0 ? '< 0.01%' : '> −0.01%';
  return `${sig(Math.round(Number(pct.toPrecision(3)) * 100) / 100)}%`;
}

/** 0.4123 → "$0.412". */
export function fmtMoney(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `$${sig(v)}`;
}

/** A plain number, 3 significant digits. */
export function fmtNum(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return sig(v);
}

/** 75 → "1 min 15 s". */
export function fmtDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const s = Math.max(0, Math.round(sec));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** 1.2638 → "1.26×". */
export function fmtRatio(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${v.toFixed(2)}×`;
}

/** A count: whole numbers with thousands separators (1234 → "1,234"). */
export function fmtCount(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.round(v).toLocaleString('en-US');
}
