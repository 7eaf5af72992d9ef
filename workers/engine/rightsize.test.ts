/** Right-sizing finds the cheapest configuration the analytic model accepts (checked by brute force), then confirms it by simulation. */
import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { loadTemplate } from '../templates/index';
import { analyticMeets, analyticMicroSize, analyticMonolithSize, PERCENTILE_FACTOR, rightSize } from './rightsize';
import type { Topology } from './schema';
import { testDoc } from './testing/docs';

const small = (slo: Topology['slo']): Topology => ({
  ...testDoc({
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 2, costPerReplicaHour: 0.1, serviceTime: { dist: 'exponential', meanMs: 4 } },
      { id: 'svc', kind: 'service', replicas: 1, concurrency: 1, costPerReplicaHour: 0.3, serviceTime: { dist: 'exponential', meanMs: 10 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 2, costPerReplicaHour: 0.5, serviceTime: { dist: 'exponential', meanMs: 6 } },
    ],
    edges: [
      { id: 'e1', source: 'gw', target: 'svc', networkMs: 1 },
      { id: 'e2', source: 'svc', target: 'db', networkMs: 1 },
    ],
    workload: { entry: 'gw', ratePerSec: 300 },
  }),
  slo,
});

const cost = (r: Record<string, number>) => r.gw * 0.1 + r.svc * 0.3 + r.db * 0.5;

/** The cheapest replicas (1–8 each) the analytic model accepts, by trying every combination. */
function bruteForce(doc: Topology, rate: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let gw = 1; gw <= 8; gw++)
    for (let svc = 1; svc <= 8; svc++)
      for (let db = 1; db <= 8; db++) {
        const r = { gw, svc, db };
        if (cost(r) >= best) continue;
        const d = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, replicas: r[n.id as keyof typeof r] })) };
        if (analyticMeets(analyze(d, rate), rate, doc.slo)) best = cost(r);
      }
  return best;
}

describe('right-sizing', () => {
  it.each([
    [{ percentile: 'mean', thresholdMs: 40 } as const, 300],
    [{ percentile: 'mean', thresholdMs: 30 } as const, 300],
    [{ percentile: 'p99', thresholdMs: 120 } as const, 200],
    [{ percentile: 'p90', thresholdMs: 60 } as const, 450],
  ])('finds the brute-force cheapest analytic configuration (%o at %d req/s)', (slo, rate) => {
    const doc = small(slo);
    const found = analyticMicroSize(doc, rate);
    expect(found.found).toBe(true);
    expect(cost(found.replicas)).toBeCloseTo(bruteForce(doc, rate), 9);
  });

  it('refuses a closed workload with a sentence (its users, not a rate, set the load)', () => {
    const open = loadTemplate('tandem');
    const closed: Topology = { ...open, workload: { ...open.workload, model: 'closed', users: 10, thinkTime: { dist: 'exponential', meanMs: 100 } } };
    expect(() => rightSize(closed, 50)).toThrow(/closed workload .* set workload.model to "open"/);
  });

  it('uses the exponential quantile as the analytic stand-in for a percentile', () => {
    expect(PERCENTILE_FACTOR.p99).toBeCloseTo(Math.log(100), 12);
    expect(PERCENTILE_FACTOR.mean).toBe(1);
  });

  it('confirms both designs by simulation and prices them side by side', () => {
    const doc = small({ percentile: 'mean', thresholdMs: 40 });
    const r = rightSize(doc, 300, { durationSec: 30, seed: 4 });
    expect(r.microservices.confirmed).toBe(true);
    expect(r.microservices.simulatedMs).toBeLessThanOrEqual(40);
    expect(r.microservices.costPerHour).toBeCloseTo(cost(r.microservices.replicas as Record<string, number>), 9);
    expect(r.monolith.found).toBe(true);
    expect(r.monolith.confirmed).toBe(true);
    expect(r.monolith.replicas).toEqual({ db: r.microservices.replicas.db });
  });

  it('RAG at 40 req/s: two A100s either way; the monolith is cheaper because its CPU parts ride on the A100 hosts’ spare cores', () => {
    const doc = loadTemplate('rag-llm');
    // Analytic: the LLM saturates at servers × 8 / 329.5 ms = 24.3 req/s per A100; 40 req/s ≤ 0.85 × 2 × 24.3 needs two.
    expect(analyticMonolithSize(doc, 40, 'a2-highgpu-1g')).toBe(2);
    const r = rightSize(doc, 40, { durationSec: 60, seed: 1 });
    expect(r.microservices.replicas).toEqual({ gateway: 1, orchestrator: 1, embedder: 1, 'vector-index': 1, llm: 2 });
    expect(r.microservices.costPerHour).toBeCloseTo(0.08925 + 0.2016 + 0.1785 + 0.4032 + 2 * 3.6733, 9);
    expect(r.monolith).toMatchObject({ unitReplicas: 2, hardware: 'a2-highgpu-1g', replicas: { 'vector-index': 1 } });
    expect(r.monolith.costPerHour).toBeCloseTo(2 * 3.6733 + 0.4032, 9);
    expect(r.microservices.confirmed && r.monolith.confirmed).toBe(true);
    expect(r.monolith.costPerHour).toBeLessThan(r.microservices.costPerHour);
  });
});
