/**
 * The service time of a batch (dynamic batching on a model server). A batch
 * of b requests takes one draw S of the node's service-time distribution
 * times a factor f(b):
 * - `{alpha}`: f(b) = 1 + alpha × (b − 1) (affine; version-1 documents use alpha 0.1);
 * - `{table: [{size, ms}]}`: the table gives the MEAN batch time T(b) and the
 *   distribution its shape: f(b) = T(b) / E[S], so a batch of b takes on average
 *   T(b) ms with the distribution's coefficient of variation. T is linear between
 *   the table's points; below the smallest size it is that point's time (a
 *   smaller batch is not assumed faster than the smallest one measured); above
 *   the largest it grows in proportion to b (the largest measured batch's time
 *   per request, no further gain). When E[S] = 0 the batch takes exactly T(b).
 * See docs/model.md, "Dynamic batching".
 */
import { serviceMoments } from './analytic/serviceMoments';
import type { Batching, ServiceTime } from './schema';

/** Mean batch time T(b) (ms) of a measured table (points in any order, sizes ≥ 1). */
export function tableBatchMs(table: readonly { size: number; ms: number }[], b: number): number {
  const pts = [...table].sort((x, y) => x.size - y.size);
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (b <= first.size) return first.ms;
  if (b >= last.size) return (last.ms * b) / last.size;
  for (let k = 1; k < pts.length; k++) {
    const hi = pts[k];
    if (b <= hi.size) {
      const lo = pts[k - 1];
      if (hi.size === lo.size) return hi.ms;
      return lo.ms + ((hi.ms - lo.ms) * (b - lo.size)) / (hi.size - lo.size);
    }
  }
  return last.ms;
}

/** The factor f(b) for b = 0..maxBatch (index 0 unused), and an additive term for E[S] = 0 tables. */
export function batchFactors(batching: Batching, st: ServiceTime): { factor: Float64Array; addMs: Float64Array } {
  const max = batching.maxBatch;
  const factor = new Float64Array(max + 1);
  const addMs = new Float64Array(max + 1);
  const cost = batching.cost;
  if ('alpha' in cost) {
    // Written as version 1 computed it, so the product is bit-identical.
    for (let b = 1; b <= max; b++) factor[b] = 1 + cost.alpha * (b - 1);
    return { factor, addMs };
  }
  const meanMs = serviceMoments(st).meanMs;
  for (let b = 1; b <= max; b++) {
    const t = tableBatchMs(cost.table, b);
    if (meanMs > 0) factor[b] = t / meanMs;
    else addMs[b] = t;
  }
  return { factor, addMs };
}

/** Mean batch time (ms) of a full batch of b for the analytic model: E[S] × f(b) (+ T(b) when E[S] = 0). */
export function meanBatchMs(batching: Batching, st: ServiceTime, b: number): number {
  const cost = batching.cost;
  if ('alpha' in cost) return serviceMoments(st).meanMs * (1 + cost.alpha * (b - 1));
  return tableBatchMs(cost.table, b);
}
