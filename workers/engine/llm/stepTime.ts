/**
 * The duration of one LLM iteration (one forward pass of the continuous batch) from the number
 * of tokens it processes: `alphaMs + betaMs × tokens`, or a measured table.
 */

/** A measured step-time curve: a step of `tokens[i]` tokens takes `ms[i]`; tokens ascending. */
export interface StepTable {
  tokens: Float64Array;
  ms: Float64Array;
}

/** Builds a {@link StepTable} from points; throws naming the fault if tokens are not ascending or a time is not positive. */
export function stepTable(points: readonly { tokens: number; ms: number }[]): StepTable {
  if (points.length === 0) throw new RangeError('stepTable must have at least one point');
  const tokens = new Float64Array(points.length);
  const ms = new Float64Array(points.length);
  points.forEach((p, i) => {
    if (!(p.tokens >= 1) || (i > 0 && p.tokens <= points[i - 1].tokens)) throw new RangeError(`stepTable[${i}].tokens must be ≥ 1 and ascending`);
    if (!(p.ms > 0)) throw new RangeError(`stepTable[${i}].ms must be positive`);
    tokens[i] = p.tokens;
    ms[i] = p.ms;
  });
  return { tokens, ms };
}

/**
 * Step time (ms) of a step of `tokens` tokens (> 0). With a table: linear interpolation between
 * its points; below the first point its time (a step has a floor cost); above the last, the last
 * segment's slope continued (a single point: proportional to tokens). Without: alpha + beta × tokens.
 */
export function stepMs(alphaMs: number, betaMs: number, table: StepTable | null, tokens: number): number {
  if (table === null) return alphaMs + betaMs * tokens;
  const t = table.tokens;
  const m = table.ms;
  const n = t.length;
  if (tokens <= t[0]) return m[0];
  if (n === 1) return (m[0] * tokens) / t[0];
  let i = 1;
  while (i < n - 1 && t[i] < tokens) i++;
  return m[i - 1] + ((m[i] - m[i - 1]) * (tokens - t[i - 1])) / (t[i] - t[i - 1]);
}
