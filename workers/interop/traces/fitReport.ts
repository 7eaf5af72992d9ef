import type { ServiceTime } from '../../engine/schema';
import { modelStats, sampleQuantile } from './fit';

/** Trace against model for one service's self time (ms). */
export interface ServiceFit {
  service: string;
  samples: number;
  fitted: ServiceTime;
  trace: { p50Ms: number; p99Ms: number; meanMs: number };
  model: { p50Ms: number; p99Ms: number; meanMs: number };
}

/** How well the fitted service times match the traces, service by service. */
export interface FitReport {
  traces: number;
  spans: number;
  services: ServiceFit[];
  /** Requests per second at the entry, from the root spans' start times; null with fewer than two traces. */
  entryRatePerSec: number | null;
}

/** One service's row of the fit report. */
export function serviceFit(service: string, samplesMs: readonly number[], fitted: ServiceTime): ServiceFit {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const meanMs = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    service,
    samples: sorted.length,
    fitted,
    trace: { p50Ms: sampleQuantile(sorted, 0.5), p99Ms: sampleQuantile(sorted, 0.99), meanMs },
    model: modelStats(fitted),
  };
}

/** The fit report as aligned text (for the CLI). */
export function formatFitReport(r: FitReport): string {
  const f = (x: number) => x.toFixed(2).padStart(9);
  const rows = r.services.map(
    (s) => `${s.service.slice(0, 28).padEnd(28)} ${String(s.samples).padStart(7)} ${f(s.trace.p50Ms)} ${f(s.model.p50Ms)} ${f(s.trace.p99Ms)} ${f(s.model.p99Ms)} ${f(s.trace.meanMs)} ${f(s.model.meanMs)}`,
  );
  const rate = r.entryRatePerSec === null ? 'unknown' : `${r.entryRatePerSec.toFixed(2)} req/s`;
  return [
    `${r.traces} traces, ${r.spans} spans; entry rate ${rate}`,
    'self time, ms               samples  p50 trace p50 model p99 trace p99 model mean trace mean model',
    ...rows,
    '',
  ].join('\n');
}
