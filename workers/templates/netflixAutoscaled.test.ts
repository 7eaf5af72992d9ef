/**
 * The autoscaled Netflix day (netflix-autoscaled.json): a valid format-2
 * document whose autoscalers can hold the whole day within their bounds.
 * In the template menu (Industry), with its golden file (docs/templates.md).
 */
import { describe, expect, it } from 'vitest';
import { dayProfile } from '../engine/autoscale/dayProfiles';
import { parseTopology, serializeTopology } from '../engine/parse';
import raw from './netflix-autoscaled.json';

describe('netflix-autoscaled template', () => {
  const parsed = parseTopology(raw);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const doc = parsed.doc;

  it('is a valid document that round-trips, a one-day run of the engine diurnal profile around 300 req/s', () => {
    expect(parseTopology(JSON.parse(serializeTopology(doc)))).toEqual(parsed);
    expect(doc.run.durationSec).toBe(86_400);
    expect(doc.workload.profile).toEqual(dayProfile({ kind: 'diurnal', meanRatePerSec: 300 }));
  });

  it('autoscales the recommendation service, the ranking model (default GPU cold start) and the monolith with HPAs on utilisation', () => {
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    expect(byId.get('ranker')?.autoscale).toMatchObject({ policy: 'hpa', metric: 'utilization', target: 0.7, minReplicas: 2, maxReplicas: 16, syncPeriodSec: 15 });
    expect(byId.get('ranker')?.coldStart).toBeUndefined();
    expect(byId.get('recs')?.autoscale).toMatchObject({ policy: 'hpa', target: 0.6 });
    expect(doc.monolith.autoscale).toMatchObject({ policy: 'hpa', minReplicas: 1, maxReplicas: 24 });
  });

  it("the ranker's bounds hold the whole day: at the 480 req/s peak and the 120 req/s trough the HPA's desired count is inside [min, max]", () => {
    const ranker = doc.nodes.find((n) => n.id === 'ranker')!;
    const a = ranker.autoscale!;
    const rates = doc.workload.profile!.map((p) => p.ratePerSec);
    // Busy servers = rate × 12 ms (one server per replica); desired = ceil(busy ÷ target).
    const desired = (rate: number) => Math.ceil((rate * 0.012) / ranker.concurrency / a.target);
    expect(Math.max(...rates)).toBeCloseTo(480, 0);
    expect(desired(Math.max(...rates))).toBe(9);
    expect(desired(Math.max(...rates))).toBeLessThanOrEqual(a.maxReplicas);
    expect(desired(Math.min(...rates))).toBe(3);
    expect(desired(Math.min(...rates))).toBeGreaterThanOrEqual(a.minReplicas);
  });
});
