import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/results';
import { loadTemplate } from '../templates';
import { buildReportHtml } from './buildReport';
import { fmtMoney, fmtRate } from './format';
import type { ReportInput } from './model';
import { smallReportInput } from './testing';
import { sweepCapacity, verdictOf } from './verdict';

let input: ReportInput;
beforeAll(async () => {
  input = await smallReportInput(loadTemplate('retrieve-rank-rerank'), 5, 3);
});

describe('verdictOf', () => {
  it('with a capacity search: both capacities, the ratio, the cost per million at each, the bottleneck by name', () => {
    const c = input.capacity!;
    const v = verdictOf(input);
    expect(v.source).toBe('search');
    expect(v.microservices.capacityPerSec).toBe(c.microservices.ratePerSec);
    expect(v.monolith.capacityPerSec).toBe(c.monolith.ratePerSec);
    expect(v.headline).toContain(`the microservice design meets the SLO up to ${fmtRate(c.microservices.ratePerSec)}`);
    expect(v.headline).toContain(`the monolith up to ${fmtRate(c.monolith.ratePerSec)}`);
    const ratio = c.microservices.ratePerSec! / c.monolith.ratePerSec!;
    // Both designs run the ranker on its own 8 GPU slots, so their capacities are within 2% here: "about the same".
    if (Math.abs(ratio - 1) < 0.02) expect(v.headline).toMatch(/about the same load\.$/);
    else expect(v.headline).toContain(`${Math.max(ratio, 1 / ratio).toFixed(2)}× as much`);
    expect(v.cost).toBe(
      `Cost per million requests at those loads: ${fmtMoney(c.microservices.costPerMillionRequests)} for the microservices, ${fmtMoney(c.monolith.costPerMillionRequests)} for the monolith.`,
    );
    // The analytic bottleneck of this template is the GPU ranker (workers/templates: 8 replicas × 1).
    expect(v.reason).toMatch(/^Why: in the microservice design the Ranking model \(GPU\) \(model server, 8 replicas × 1\) saturates first/);
    expect(v.reason).toMatch(/the monolith \(1 replica\) pools 10 worker threads per replica across its 3 CPU-side services and runs its model on 8 GPU slots per replica, apart from the threads, but grows only by whole replicas/);
  });

  it('without a search: the highest swept load meeting the SLO, said as a lower bound', () => {
    const v = verdictOf({ ...input, capacity: null });
    const pts = input.sweep!.points;
    const best = (d: 'microservices' | 'monolith') => Math.max(...pts.filter((p) => sweepCapacity([p], input.doc.slo, d).capacityPerSec !== null).map((p) => p.ratePerSec));
    expect(v.source).toBe('sweep');
    expect(v.microservices).toEqual({ capacityPerSec: best('microservices'), lowerBound: true, costPerMillionRequests: expect.any(Number) });
    expect(v.headline).toContain(`up to at least ${fmtRate(best('microservices'))}`);
  });

  it('says when neither or only one design meets the SLO', () => {
    const tight = { ...input.doc, slo: { percentile: 'p99' as const, thresholdMs: 0.001 } };
    expect(verdictOf({ ...input, doc: tight, capacity: null }).headline).toMatch(/neither design meets the SLO at any load tried/);
    const pts = input.sweep!.points;
    const onlyMicro: RunResult[] = pts.map((p) => ({ ...p, monolith: { ...p.monolith, saturated: true } }));
    expect(verdictOf({ ...input, sweep: { points: onlyMicro }, capacity: null }).headline).toMatch(/only the microservice design meets the SLO, up to at least .*; the monolith misses it at every load tried/);
  });

  it('is the report’s verdict, word for word', () => {
    const html = buildReportHtml(input);
    const v = verdictOf(input);
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html).toContain(`data-testid="verdict">${esc(v.headline)}</p>`);
    expect(html).toContain(`data-testid="reason">${esc(v.reason!)}</p>`);
  });
});
