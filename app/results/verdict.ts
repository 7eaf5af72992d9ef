/** The capacity-at-SLO sentence (pure, so it is tested and reused in reports). */
import type { Slo } from '../../workers/engine/schema';
import type { DesignCapacity } from '../store/runSlice';
import { fmtMoney, fmtMs, fmtRate } from './format';

const PCT_TEXT: Record<Slo['percentile'], string> = { mean: 'mean', p50: 'p50', p90: 'p90', p95: 'p95', p99: 'p99', p999: 'p99.9' };

export function sloText(slo: Slo): string {
  return `${PCT_TEXT[slo.percentile]} latency ≤ ${fmtMs(slo.thresholdMs)}`;
}

/** "Within the SLO (p99 latency ≤ 200 ms), the microservice design sustains 412 req/s and the monolith 530 req/s: the monolith carries 1.29× as much." */
export function capacitySentence(slo: Slo, micro: DesignCapacity, mono: DesignCapacity): string {
  const a = micro.capacityPerSec;
  const b = mono.capacityPerSec;
  const head = `Within the SLO (${sloText(slo)}), the microservice design sustains ${a > 0 ? fmtRate(a) : 'no tested load'} and the monolith ${b > 0 ? fmtRate(b) : 'no tested load'}`;
  if (a <= 0 && b <= 0) return `${head}: neither design meets it.`;
  if (a <= 0 || b <= 0) return `${head}: only the ${a > 0 ? 'microservice design' : 'monolith'} meets it.`;
  const ratio = Math.max(a, b) / Math.min(a, b);
  if (ratio < 1.005) return `${head}: about the same.`;
  return `${head}: the ${a > b ? 'microservice design' : 'monolith'} carries ${ratio.toFixed(2)}× as much.`;
}

/** "Cost per million requests at that load: $0.41 (microservices) and $0.33 (monolith)." */
export function costSentence(micro: DesignCapacity, mono: DesignCapacity): string {
  const a = micro.atCapacity?.microservices.costPerMillionRequests;
  const b = mono.atCapacity?.monolith.costPerMillionRequests;
  return `Cost per million requests at that load: ${fmtMoney(a)} (microservices) and ${fmtMoney(b)} (monolith).`;
}
