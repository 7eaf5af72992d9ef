/**
 * Load-dependent service time: a node that gets slower as it gets busier, the
 * mechanism behind the "GC death spiral" (more requests held → more heap →
 * more garbage-collection pauses → slower service → more requests held). The
 * multiplier applies to a service time drawn when service starts, from the
 * node's load at that instant:
 * - `linear`:      1 + coefficient × x
 * - `exponential`: e^(coefficient × x)
 * where x is the utilisation of the replica's servers (busy / servers, 0..1)
 * or its queue length (requests waiting), as `basis` says; the result is
 * capped at `maxFactor`. The shapes are our choice (queueing texts call such
 * stations "load-dependent servers", e.g. Lazowska et al., *Quantitative
 * System Performance*, 1984, "load-dependent service centers": the rate depends on the number
 * present); the parameters are the user's: there is no library default to follow.
 * With coefficient 0 the factor is exactly 1: a document without the field
 * pays nothing.
 */
import { detExp } from '../detmath';

/** How service time grows with load. */
export interface SlowdownSpec {
  shape: 'linear' | 'exponential';
  basis: 'utilization' | 'queueLength';
  coefficient: number;
  maxFactor: number;
}

/** The service-time multiplier (≥ 1 for coefficient ≥ 0) at load x (utilisation 0..1 or queue length ≥ 0). */
export function slowdownFactor(exponential: boolean, coefficient: number, maxFactor: number, x: number): number {
  const f = exponential ? detExp(coefficient * x) : 1 + coefficient * x;
  return Math.min(maxFactor, f);
}

/** The load measure x for a replica: utilisation busy / servers, or the number waiting. */
export function slowdownLoad(byQueue: boolean, busy: number, servers: number, waiting: number): number {
  return byQueue ? waiting : busy / servers;
}
