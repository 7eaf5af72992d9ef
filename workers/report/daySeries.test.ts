import { beforeAll, describe, expect, it } from 'vitest';
import { dayProfile } from '../engine/autoscale/dayProfiles';
import { parseTopology } from '../engine/parse';
import type { RunResult } from '../engine/results';
import { runPoint } from '../engine/run';
import type { Topology } from '../engine/schema';
import { loadTemplate } from '../templates';
import { buildReportHtml } from './buildReport';
import { autoscales, dayOf, designRows, lineKey, replicaRows, scaledLines, transitionRows } from './daySeries';
import { peakRatePerSec, staticDayCost, staticDocument } from './dayStatic';
import { smallReportInput } from './testing';

/** M/M/1 (10 ms, $0.1 per replica-hour) under an HPA at a 20% target, through four hours of a diurnal day around 30 req/s. */
function elasticMm1(): Topology {
  const base = loadTemplate('mm1');
  const r = parseTopology({
    ...base,
    nodes: base.nodes.map((n) => ({ ...n, autoscale: { policy: 'hpa', target: 0.2, maxReplicas: 6 } })),
    workload: { ...base.workload, ratePerSec: 30, profile: dayProfile({ kind: 'diurnal', meanRatePerSec: 30 }) },
    run: { durationSec: 4 * 3600, warmupSec: 60, seed: 3, replications: 1 },
  });
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.doc;
}

describe('the day of an autoscaled run', () => {
  let doc: Topology;
  let point: RunResult;
  beforeAll(() => {
    doc = elasticMm1();
    point = runPoint(doc, {});
  });

  it('has a replica line for the autoscaled node and the total of each design, and nothing for a fixed document', () => {
    const s = dayOf(doc, point)!;
    expect(s.replicas.map((l) => `${l.design}:${l.id}`)).toEqual(['microservices:server', 'microservices:total', 'monolith:total']); // a fixed monolith: no unit line
    expect(s.replicas[0].values).toEqual(Array.from(point.microservices.nodes[0].timeSeries!.replicas));
    expect(replicaRows(s)[0]).toMatchObject({ hour: 0, server: s.replicas[0].values[0] });
    const fixed = loadTemplate('mm1');
    expect(autoscales(fixed)).toBe(false);
    expect(dayOf(fixed, runPoint(fixed, { durationSec: 5 }))).toBeNull();
  });

  it('splits each autoscaled line into starting and draining (the engine series), and gives the autoscaled monolith its units alone', () => {
    const s = dayOf(doc, point)!;
    const t = point.microservices.nodes[0].timeSeries!;
    expect(s.replicas[0].starting).toEqual(Array.from(t.startingReplicas));
    expect(s.replicas[0].draining).toEqual(Array.from(t.drainingReplicas));
    expect(transitionRows(s)[3]).toEqual({ hour: s.startHour[3], 'server-starting': t.startingReplicas[3], 'server-draining': t.drainingReplicas[3] });
    expect(t.startingReplicas.some((x) => x > 0)).toBe(true);
    // The same day with the monolith autoscaled: a `monolith-unit` line from DesignResult.unit, beside the design's total.
    const both = parseTopology({ ...doc, monolith: { ...doc.monolith, autoscale: { policy: 'hpa', target: 0.2, maxReplicas: 6 } } });
    if (!both.ok) throw new Error(both.errors[0].message);
    const p2 = runPoint(both.doc, { durationSec: 3600 });
    const s2 = dayOf(both.doc, p2)!;
    const unit = s2.replicas.find((l) => lineKey(l) === 'monolith-unit')!;
    expect(unit.values).toEqual(Array.from(p2.monolith.unit!.timeSeries.replicas));
    expect(scaledLines(s2).map(lineKey)).toEqual(['server', 'monolith-unit']);
  });

  it('turns the engine per-window cost into dollars per hour and the totals into a cost per million', () => {
    const s = dayOf(doc, point)!;
    const w = point.microservices.timeSeries.windowSec;
    expect(s.costPerHour.microservices[1]).toBeCloseTo((point.microservices.timeSeries.cost[1] / w) * 3600, 9);
    // A window of one fixed monolith unit at $0.1 per hour costs $0.1 per hour.
    expect(s.costPerHour.monolith[1]).toBeCloseTo(0.1, 9);
    expect(s.totals.microservices.costPerMillion).toBeCloseTo((point.microservices.costTotal / point.microservices.endToEnd.completed) * 1e6, 9);
    expect(designRows(s, (d) => s.costPerMillion[d])[2].monolith).toBe(point.monolith.timeSeries.costPerMillionRequests[2]);
  });

  it('the static counterpart has no autoscaler and no profile, at the peak rate, and costs its hourly price over the run', () => {
    const { ratePerSec, doc: fixed } = staticDocument(doc);
    expect(ratePerSec).toBe(peakRatePerSec(doc));
    expect(ratePerSec).toBeCloseTo(48, 1);
    expect(autoscales(fixed)).toBe(false);
    expect(fixed.workload.profile).toBeNull();
    expect(parseTopology(fixed).ok).toBe(true);
    const d = { replicas: {}, costPerHour: 0.3, found: true, analyticMeanMs: null, simulatedMs: null, confirmed: true, simulations: 1 };
    expect(staticDayCost(d, 86400)).toBeCloseTo(7.2, 9);
    expect(staticDayCost({ ...d, found: false }, 86400)).toBeNaN();
  });

  it('the report carries the day: totals, and the replica, cost and cost-per-million charts as SVG', async () => {
    const input = await smallReportInput(loadTemplate('mm1'), 2, 2);
    const html = buildReportHtml({ ...input, day: dayOf(doc, point) });
    expect(html).toContain('<section id="day">');
    for (const t of ['chart-replicas', 'chart-day-cost', 'chart-day-cpm']) expect(html).toMatch(new RegExp(`<figure data-testid="${t}"><svg `));
    expect(html).toContain('data-testid="day-totals"');
    expect(html).toContain('Replicas over the day');
    expect(buildReportHtml(input)).not.toContain('<section id="day">');
  });
});
