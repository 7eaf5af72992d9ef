/** The HTML report and the verdict of a closed workload's sweep: users on the x axis, in the tables and in the sentences. */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../engine/schema';
import { sweep } from '../engine/sweep';
import { loadTemplate } from '../templates';
import { buildReportHtml } from './buildReport';
import { latencyChart, throughputChart } from './reportCharts';
import { detailPoint } from './model';
import { buildVerdict } from './verdict';

const open = loadTemplate('retrieve-rank-rerank');
const closed: Topology = {
  ...open,
  workload: { ...open.workload, profile: null, model: 'closed', users: 12, thinkTime: { dist: 'exponential', meanMs: 300 } },
  run: { ...open.run, durationSec: 4, warmupSec: 0.5, replications: 1, seed: 5 },
};

describe('report of a closed sweep', () => {
  const result = sweep(closed, { fromUsers: 2, toUsers: 12, steps: 3 });

  it('charts plot against users, with MVA and the bound on the throughput chart', () => {
    expect(result.points.map((p) => p.users)).toEqual([2, 7, 12]);
    const lat = latencyChart(result, closed.slo);
    expect(lat).toContain('Users (N)');
    expect(lat).toContain('analytic mean (MVA)');
    expect(lat).not.toContain('Offered load');
    const thr = throughputChart(result);
    expect(thr).toContain('Throughput vs users');
    expect(thr).toContain('Microservices analytic (MVA)');
    expect(thr).toContain('min(N/(D+Z), 1/Dmax)');
    expect(thr).toMatch(/at 7 users/);
  });

  it('the whole report and the verdict speak of users', () => {
    const html = buildReportHtml({
      doc: closed,
      sweep: result,
      capacity: null,
      settings: { durationSec: 4, warmupSec: 0.5, seed: 5, replications: 1, steps: 3 },
      generatedBy: 'a unit test',
      generatedAt: '2026-01-02 03:04',
    });
    expect(html).toContain('A closed workload: 3 numbers of users from 2 users to 12 users');
    expect(html).toMatch(/<th[^>]*>Users<\/th>/);
    const v = buildVerdict(closed, { ...closed.slo, thresholdMs: 1e6 }, result.points, null, null);
    // With an SLO every point meets, each design's capacity is the most users swept, with its measured throughput.
    expect(v.microservices.capacityUsers).toBe(12);
    expect(v.microservices.capacityPerSec).toBe(result.points[2].microservices.endToEnd.throughputPerSec);
    expect(v.headline).toMatch(/meets the SLO up to at least 12 users \(.* req\/s completed\)/);
    const none = buildVerdict(closed, { ...closed.slo, thresholdMs: 0.001 }, result.points, null, null);
    expect(none.headline).toMatch(/neither design meets the SLO at any number of users tried/);
  });

  it('the detail point is chosen by users (every closed point has the document\'s rate)', () => {
    expect(detailPoint(result, 7)?.users).toBe(7);
    expect(detailPoint(result, 12)?.users).toBe(12);
    expect(detailPoint(result, 3)?.users).toBe(2);
  });
});
