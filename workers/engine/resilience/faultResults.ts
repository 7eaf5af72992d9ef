/**
 * The results of a design with a fault scenario (docs/results.md): availability,
 * goodput, time to recover, failures by cause, and per-node series, from the
 * merged raw fault statistics (faultRaw.ts). Pure; the same merged bytes give
 * the same figures however many workers ran the replications.
 */
import type { CompiledModel } from '../compile';
import * as R from '../raw';
import type { DesignResult, EndToEndResult, NodeResult } from '../results';
import { errorsByCause, rejectedCount } from './failureCauses';
import * as F from './faultRaw';
import { availability, goodputPerSec, timeToRecover, windowComplianceByCount } from './recovery';

/** Adds the scenario's figures to a design's end-to-end and node results, and returns the design-level ones. */
export function addFaultResults(
  m: CompiledModel,
  raw: R.DesignRaw,
  reps: number,
  endMs: number,
  e2e: EndToEndResult,
  nodes: NodeResult[],
): Pick<DesignResult, 'availability' | 'goodputPerSec' | 'recoverySec' | 'recovered'> {
  const fr = raw.fault;
  const fc = m.scenario;
  if (!fr || !fc) return {};
  const causes = fr.subarray(F.FR_CAUSES, F.FR_GOOD);
  e2e.rejected = rejectedCount(causes);
  // A rejected request finished failed (counted in errors by the simulator); it is reported apart.
  e2e.errors -= e2e.rejected;
  e2e.errorsByCause = errorsByCause(causes);
  const windows = raw.series.length / R.SERIES_FIELDS;
  const wMs = raw.windowMs;
  nodes.forEach((node, i) => {
    const utilization = new Float64Array(windows);
    const queueLength = new Float64Array(windows);
    const errors = new Float64Array(windows);
    const inFlight = new Float64Array(windows);
    for (let k = 0; k < windows; k++) {
      const lenMs = Math.max(1e-9, Math.min(wMs, endMs - k * wMs)) * reps;
      const o = F.nodeWindowOffset(i, k, windows);
      utilization[k] = fr[o + F.NW_BUSY] / (Math.max(1, m.nodeServers[i]) * lenMs);
      queueLength[k] = fr[o + F.NW_QUEUE] / lenMs;
      errors[k] = fr[o + F.NW_ERRORS] / reps;
      inFlight[k] = (fr[o + F.NW_BUSY] + fr[o + F.NW_QUEUE]) / lenMs;
    }
    node.faultSeries = { utilization, queueLength, inFlight, errors };
  });
  const finished = new Float64Array(windows);
  const bad = new Float64Array(windows);
  for (let k = 0; k < windows; k++) {
    const o = F.windowOffset(k);
    finished[k] = fr[o + F.W_FINISHED];
    // The mean SLO: a window complies when nothing failed and the successes' mean is within the threshold.
    if (Number.isNaN(m.sloQuantile)) {
      const ok = fr[o + F.W_FAILED] === 0 && fr[o + F.W_SUCCEEDED] > 0 && fr[o + F.W_LAT_SUM] / fr[o + F.W_SUCCEEDED] <= m.sloThresholdMs;
      bad[k] = ok ? 0 : finished[k];
    } else bad[k] = fr[o + F.W_BAD];
  }
  const q = Number.isNaN(m.sloQuantile) ? 0.5 : m.sloQuantile;
  const rec = timeToRecover(windowComplianceByCount(finished, bad, q), 0, wMs / 1000, fc.lastEventEndMs / 1000);
  const measuredSec = raw.totals[R.T_MEASURED_MS] / 1000;
  return {
    availability: availability(e2e.completed, e2e.arrivals) ?? Number.NaN,
    goodputPerSec: goodputPerSec(fr[F.FR_GOOD], measuredSec),
    recoverySec: rec.recoverySec,
    recovered: rec.recovered,
  };
}
