/** Two-sided 95% Student t quantiles t(0.975, df) for df = 1..30 (standard tables). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around z = 1.96 (error < 1e-3). */
export function studentT975(df: number): number {
  if (df <= 0) return Number.NaN;
  if (df <= 30) return T975[Math.round(df) - 1];
  const z = 1.959964;
  const z3 = z * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Half-width of the 95% confidence interval of the mean of `xs` (NaN with fewer than 2 finite values). */
export function ci95HalfWidth(xs: readonly number[]): number {
  const v = xs.filter((x) => Number.isFinite(x));
  const n = v.length;
  if (n < 2) return Number.NaN;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const variance = v.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1);
  return (studentT975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
}
