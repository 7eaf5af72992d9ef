/**
 * Measured points from a real load test, to draw beside the simulated curve:
 * a k6 summary (`k6 run --summary-export`, or the JSON `handleSummary` gets)
 * or a Locust stats CSV (`--csv` writes `*_stats.csv` and `*_stats_history.csv`).
 */
import { IMPORT_LIMITS, ImportError } from './limits';
import { own, ownNumber, parseJsonLimited } from './safeJson';

/** One measured load level: achieved rate (req/s) and latency statistics (ms; null when the file has none). */
export interface CalibrationPoint {
  ratePerSec: number;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface CalibrationResult {
  source: 'k6' | 'locust';
  points: CalibrationPoint[];
}

/** A k6 metric's values: `--summary-export` puts them on the metric, `handleSummary` under `values`. */
function k6Values(metrics: unknown, name: string): unknown {
  const m = own(metrics, name);
  return own(m, 'values') ?? m;
}

/** One point from a k6 summary: the rate of `http_reqs`, the trend of `http_req_duration`. */
export function readK6Summary(text: string): CalibrationResult {
  const metrics = own(parseJsonLimited(text, 'the k6 summary'), 'metrics');
  const reqs = k6Values(metrics, 'http_reqs');
  const dur = k6Values(metrics, 'http_req_duration');
  const ratePerSec = ownNumber(reqs, 'rate');
  if (ratePerSec === undefined || !dur) throw new ImportError('the k6 summary has no metrics.http_reqs.rate or metrics.http_req_duration');
  const n = (k: string) => ownNumber(dur, k) ?? null;
  return { source: 'k6', points: [{ ratePerSec, meanMs: n('avg'), p50Ms: n('med') ?? n('p(50)'), p95Ms: n('p(95)'), p99Ms: n('p(99)') }] };
}

/** Splits one CSV line (quoted fields, doubled quotes inside). */
function csvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Points from a Locust stats CSV: the `Aggregated` row (stats) or every `Aggregated` row with traffic (stats history). */
export function readLocustCsv(text: string): CalibrationResult {
  if (text.length > IMPORT_LIMITS.maxChars) throw new ImportError('the Locust CSV is larger than 16 MB');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  const header = csvLine(lines[0] ?? '');
  const col = (name: string) => header.indexOf(name);
  const rateCol = col('Requests/s');
  if (col('Name') < 0 || rateCol < 0) throw new ImportError('the CSV has no "Name" and "Requests/s" columns: it is not a Locust stats file');
  const num = (row: string[], name: string): number | null => {
    const i = col(name);
    const v = i >= 0 ? Number(row[i]) : Number.NaN;
    return Number.isFinite(v) && row[i] !== 'N/A' && row[i] !== '' ? v : null;
  };
  const points: CalibrationPoint[] = [];
  for (const line of lines.slice(1, 100_001)) {
    const row = csvLine(line);
    if (row[col('Name')] !== 'Aggregated') continue;
    const ratePerSec = num(row, 'Requests/s');
    if (ratePerSec === null || ratePerSec <= 0) continue;
    points.push({ ratePerSec, meanMs: num(row, 'Average Response Time') ?? num(row, 'Total Average Response Time'), p50Ms: num(row, '50%'), p95Ms: num(row, '95%'), p99Ms: num(row, '99%') });
  }
  if (points.length === 0) throw new ImportError('the Locust CSV has no "Aggregated" row with a request rate');
  return { source: 'locust', points };
}

/** Reads a k6 summary JSON or a Locust stats CSV, by content. */
export function readCalibration(text: string): CalibrationResult {
  return text.trimStart().startsWith('{') ? readK6Summary(text) : readLocustCsv(text);
}
