/** Sentences of the results views; the verdict itself is built by workers/report/verdict.ts (shared with the report and the CLI). */
import { capacityResult, designCapacity } from '../../workers/engine/capacity';
import type { Slo } from '../../workers/engine/schema';
import { buildVerdict, type Verdict } from '../../workers/report/verdict';
import type { CapacityRecord } from '../store/runSlice';
import { fmtMs } from './format';

const PCT_TEXT: Record<Slo['percentile'], string> = { mean: 'mean', p50: 'p50', p90: 'p90', p95: 'p95', p99: 'p99', p999: 'p99.9' };

export function sloText(slo: Slo): string {
  return `${PCT_TEXT[slo.percentile]} latency ≤ ${fmtMs(slo.thresholdMs)}`;
}

/** The verdict of a finished capacity search, with or without a sweep: the shared builder over the search's result. */
export function capacityVerdict(cap: CapacityRecord): Verdict | null {
  const { microservices: micro, monolith: mono, slo } = cap;
  if (!micro || !mono) return null;
  const any = micro.atCapacity ?? mono.atCapacity;
  const result = capacityResult(
    slo,
    designCapacity('microservices', slo, micro.atCapacity, micro.failsAtPerSec, any),
    designCapacity('monolith', slo, mono.atCapacity, mono.failsAtPerSec, any),
    cap.evaluations,
  );
  return buildVerdict(cap.doc, slo, [], result, null);
}
