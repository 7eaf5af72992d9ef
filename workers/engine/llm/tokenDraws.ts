/**
 * Token counts drawn from `{dist, mean, cv}`, parameterised exactly like service times
 * (compile.ts setDist: lognormal by mean and cv, gamma by shape 1/cv² and scale mean·cv²), then
 * rounded to the nearest whole token and floored at 1 (a request has at least one input and one
 * output token). Deterministic: only the seeded Rng and detmath's exp/log.
 */
import { detExp, detLog } from '../detmath';
import type { Rng } from '../rng';

export const TOKENS_DETERMINISTIC = 0;
export const TOKENS_EXPONENTIAL = 1;
export const TOKENS_LOGNORMAL = 2;
export const TOKENS_GAMMA = 3;

/** A token-count distribution: mean tokens and coefficient of variation (ignored by deterministic and exponential). */
export interface TokenDistSpec {
  dist: 'deterministic' | 'exponential' | 'lognormal' | 'gamma';
  mean: number;
  cv?: number;
}

/** A compiled token distribution: a code and two parameters, for typed-array storage per edge or workload. */
export interface TokenDist {
  code: number;
  p1: number;
  p2: number;
}

/** Compiles a spec; throws naming the field when mean or cv is out of range. */
export function compileTokenDist(spec: TokenDistSpec): TokenDist {
  if (!(spec.mean >= 1)) throw new RangeError('tokens.mean must be at least 1');
  const cv = spec.cv ?? 0;
  switch (spec.dist) {
    case 'deterministic':
      return { code: TOKENS_DETERMINISTIC, p1: spec.mean, p2: 0 };
    case 'exponential':
      return { code: TOKENS_EXPONENTIAL, p1: spec.mean, p2: 0 };
    case 'lognormal': {
      if (!(cv > 0)) throw new RangeError('tokens.cv must be positive for lognormal');
      const s2 = detLog(1 + cv * cv);
      return { code: TOKENS_LOGNORMAL, p1: detLog(spec.mean) - s2 / 2, p2: Math.sqrt(s2) };
    }
    case 'gamma': {
      if (!(cv > 0)) throw new RangeError('tokens.cv must be positive for gamma');
      const k = 1 / (cv * cv);
      return { code: TOKENS_GAMMA, p1: k, p2: spec.mean / k };
    }
  }
}

/** One token count (≥ 1, whole) from `d`, using `rng`. */
export function drawTokens(d: TokenDist, rng: Rng): number {
  let x: number;
  switch (d.code) {
    case TOKENS_DETERMINISTIC:
      x = d.p1;
      break;
    case TOKENS_EXPONENTIAL:
      x = rng.exp(d.p1);
      break;
    case TOKENS_LOGNORMAL:
      x = detExp(d.p1 + d.p2 * rng.normal());
      break;
    default:
      x = rng.gamma(d.p1) * d.p2;
  }
  return Math.max(1, Math.round(x));
}
