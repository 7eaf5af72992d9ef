import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCalibration } from './calibration';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('calibration import', () => {
  it('reads a k6 --summary-export file', () => {
    expect(readCalibration(fixture('k6-summary.json'))).toEqual({
      source: 'k6',
      points: [{ ratePerSec: 119.87, meanMs: 42.5, p50Ms: 35.2, p95Ms: 88.6, p99Ms: 140.2 }],
    });
  });

  it('reads the handleSummary shape (values under each metric)', () => {
    const text = JSON.stringify({ metrics: { http_reqs: { values: { rate: 10 } }, http_req_duration: { values: { avg: 5, med: 4, 'p(95)': 9 } } } });
    expect(readCalibration(text).points).toEqual([{ ratePerSec: 10, meanMs: 5, p50Ms: 4, p95Ms: 9, p99Ms: null }]);
  });

  it('reads the Aggregated row of a Locust stats CSV', () => {
    expect(readCalibration(fixture('locust_stats.csv'))).toEqual({
      source: 'locust',
      points: [{ ratePerSec: 80.04, meanMs: 38.4, p50Ms: 31, p95Ms: 79, p99Ms: 120 }],
    });
  });

  it.each([
    ['{"metrics": {}}', /no metrics.http_reqs.rate/],
    ['{"metrics": ', /not valid JSON/],
    ['a,b\n1,2', /not a Locust stats file/],
    ['Type,Name,Requests/s\nGET,/x,3', /no "Aggregated" row/],
  ])('gives a clear error for %j', (text, message) => {
    expect(() => readCalibration(text)).toThrow(message);
  });
});
