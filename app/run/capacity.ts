/**
 * Capacity at SLO: the bisection lives in the engine folder
 * (workers/engine/capacity.ts) so the CLI's report runs the very same search;
 * the pool supplies the evaluator (runController.findCapacity).
 */
export {
  type CapacityFound,
  type CapacitySearchSpec,
  type Evaluation,
  MAX_FAILED_SHARE,
  meetsSlo,
  searchCapacity,
  sloValueMs,
} from '../../workers/engine/capacity';
