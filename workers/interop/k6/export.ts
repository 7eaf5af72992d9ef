/**
 * Loadsketch document → a runnable k6 script that checks the model on the
 * real system: an open-model arrival-rate scenario over the sweep's rates up
 * to the knee, thresholds from the document's SLO, one request to the entry
 * endpoint whose URL is a clearly marked variable.
 */
import { analyze } from '../../engine/analytic';
import type { Slo, Topology } from '../../engine/schema';
import { sweepRates } from '../../engine/sweep';

export interface K6ExportSpec {
  /** Offered loads to test (req/s); default: the studio's sweep rates up to the knee. */
  ratesPerSec?: number[];
  /** The knee (req/s): no rate above it is tested; default: the analytic saturation rate of the microservice design. */
  kneePerSec?: number;
  /** Seconds each rate is held (default 60); the ramp to it takes a sixth of that (at least 5 s). */
  holdSec?: number;
}

export interface K6ExportResult {
  script: string;
  /** The rates tested (req/s) and the k6 options written into the script. */
  ratesPerSec: number[];
  options: Record<string, unknown>;
}

/** k6's trend statistic for an SLO percentile (`p(99)`, `avg`, …). */
export function k6Stat(slo: Slo): string {
  if (slo.percentile === 'mean') return 'avg';
  if (slo.percentile === 'p999') return 'p(99.9)';
  return `p(${slo.percentile.slice(1)})`;
}

/** A JavaScript string literal that is also safe inside a `//` comment (no line terminators survive). */
export function jsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The rates the script tests: the sweep's rates at or below the knee (at least one: the lowest). */
export function k6Rates(doc: Topology, spec: K6ExportSpec = {}): number[] {
  const knee = spec.kneePerSec ?? analyze(doc, doc.workload.ratePerSec).saturationRatePerSec ?? Number.POSITIVE_INFINITY;
  const all = spec.ratesPerSec ?? sweepRates(doc);
  const below = all.filter((r) => r <= knee);
  return below.length ? below : [Math.min(...all)];
}

/** The k6 script for `doc`. */
export function exportK6(doc: Topology, spec: K6ExportSpec = {}): K6ExportResult {
  const rates = k6Rates(doc, spec);
  const holdSec = spec.holdSec ?? 60;
  const rampSec = Math.max(5, Math.round(holdSec / 6));
  // k6 rates are whole numbers per timeUnit: per second when every rate is whole, else per minute (within 1/120 req/s).
  const perMinute = rates.some((r) => !Number.isInteger(r));
  const unit = perMinute ? 60 : 1;
  const target = (r: number) => Math.max(1, Math.round(r * unit));
  const maxRate = Math.max(...rates);
  // Little's law: requests in flight = rate × time in system; allow the SLO threshold per request, twice over.
  const preAllocatedVUs = Math.max(10, Math.ceil(maxRate * (doc.slo.thresholdMs / 1000) * 2));
  const scenario =
    rates.length === 1
      ? { executor: 'constant-arrival-rate', rate: target(rates[0]), timeUnit: perMinute ? '1m' : '1s', duration: `${holdSec}s`, preAllocatedVUs, maxVUs: preAllocatedVUs * 4 }
      : {
          executor: 'ramping-arrival-rate',
          startRate: target(rates[0]),
          timeUnit: perMinute ? '1m' : '1s',
          preAllocatedVUs,
          maxVUs: preAllocatedVUs * 4,
          stages: rates.flatMap((r) => [
            { target: target(r), duration: `${rampSec}s` },
            { target: target(r), duration: `${holdSec}s` },
          ]),
        };
  const options = {
    scenarios: { loadsketch_sweep: scenario },
    thresholds: { http_req_duration: [`${k6Stat(doc.slo)}<${doc.slo.thresholdMs}`], http_req_failed: ['rate<0.01'] },
  };
  const entry = doc.nodes.find((n) => n.id === doc.workload.entry);
  const script = `// k6 load test written by Loadsketch for the design ${jsString(doc.name)}.
// Open model: requests arrive at the sweep's rates (${rates.map((r) => r.toFixed(2)).join(', ')} req/s),
// each held ${holdSec} s, up to the knee the model predicts; the thresholds are the document's SLO
// (${doc.slo.percentile} < ${doc.slo.thresholdMs} ms) and at most 1% failed requests, as in the studio's capacity search.
// Run: k6 run --env BASE_URL=https://your-system.example script.js --summary-export summary.json
// then import summary.json in the studio (File → Import) to see it beside the simulated curve.
import http from 'k6/http';
import { check } from 'k6';

// ======================= FILL IN BEFORE RUNNING =======================
// The entry endpoint of the real system: node ${jsString(entry?.label ?? doc.workload.entry)} (id ${jsString(doc.workload.entry)}).
const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080'; // FILL IN: the system's base URL
const ENTRY_PATH = '/'; // FILL IN: the path of the entry request
// ======================================================================

export const options = ${JSON.stringify(options, null, 2)};

export default function () {
  const res = http.get(\`\${BASE_URL}\${ENTRY_PATH}\`);
  check(res, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 });
}
`;
  return { script, ratesPerSec: rates, options };
}
