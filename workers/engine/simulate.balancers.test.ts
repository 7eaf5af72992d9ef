/**
 * Replicas behind a load balancer, through the engine, against queueing
 * theory (formula and source beside each case). n replicas of one
 * exponential server each (μ = 1/10 ms), Poisson arrivals at total rate Λ,
 * per-replica utilisation ρ = Λ/(nμ) = 0.7.
 */
import { describe, expect, it } from 'vitest';
import { simulateDesign } from './run';
import type { Balancer } from './schema';
import { lengthFor, testDoc2 } from './testing/docs';
import { enM1Sigma, mmcMeanMs } from './testing/queueingTheory';

const N = 4;
const MEAN_MS = 10;
const MU = 1 / MEAN_MS; // per ms
const RHO = 0.7;
const RATE = (RHO * N * MU) * 1000; // req/s

function replicated(balancer: Balancer, replicas = N, ratePerSec = RATE) {
  return testDoc2({
    nodes: [{ id: 's', kind: 'service', replicas, concurrency: 1, balancer, serviceTime: { dist: 'exponential', meanMs: MEAN_MS } }],
    workload: { entry: 's', ratePerSec },
  });
}

function run(balancer: Balancer, requests = 300_000) {
  return simulateDesign(replicated(balancer), lengthFor(requests, RATE, 8));
}

describe('replicas behind a load balancer', () => {
  it('random over n one-server replicas = n independent M/M/1 at Λ/n: mean response 1/(μ − Λ/n) (Kleinrock Vol. 1 §3.2; Poisson splitting)', () => {
    const r = run('random');
    const theory = 1 / (MU - (RHO * MU)); // ms
    const e = r.endToEnd;
    expect(Math.abs(e.meanMs / theory - 1), `mean ${e.meanMs} vs ${theory}`).toBeLessThan(0.02);
    expect(Math.abs(e.meanMs - theory)).toBeLessThanOrEqual(e.ci95?.meanMs ?? 0);
    // Per-replica spread: every replica near ρ, min ≤ mean ≤ max.
    const s = r.nodes[0];
    expect(s.utilizationMin).toBeLessThanOrEqual(s.utilization);
    expect(s.utilizationMax).toBeGreaterThanOrEqual(s.utilization);
    expect(s.utilizationMin).toBeGreaterThan(RHO - 0.02);
    expect(s.utilizationMax).toBeLessThan(RHO + 0.02);
  });

  it('round-robin = E_n/M/1 per replica: σ = A*(μ(1 − σ)) with A*(s) = (nλ/(nλ + s))^n, λ = Λ/n; mean response 1/(μ(1 − σ)) (Kleinrock Vol. 1 §6.4)', () => {
    const e = run('round-robin').endToEnd;
    const sigma = enM1Sigma(N, RHO * MU, MU);
    const theory = 1 / (MU * (1 - sigma));
    expect(Math.abs(e.meanMs / theory - 1), `mean ${e.meanMs} vs ${theory} (σ = ${sigma})`).toBeLessThan(0.02);
    expect(Math.abs(e.meanMs - theory)).toBeLessThanOrEqual(e.ci95?.meanMs ?? 0);
  });

  it('p2c and least-outstanding beat random and are no better than one pooled M/M/n queue (Erlang C)', () => {
    const random = 1 / (MU - RHO * MU);
    const pooled = mmcMeanMs(N, RHO * N * MU, MU);
    for (const b of ['p2c', 'least-outstanding'] as const) {
      const e = run(b, 150_000).endToEnd;
      const half = e.ci95?.meanMs ?? 0;
      expect(e.meanMs + half, `${b}: ${e.meanMs} must beat random ${random}`).toBeLessThan(random);
      expect(e.meanMs + half, `${b}: ${e.meanMs} must be no better than pooled ${pooled}`).toBeGreaterThanOrEqual(pooled);
    }
    // Least-outstanding sees every replica; p2c two: it balances at least as well.
    const lo = run('least-outstanding', 150_000).endToEnd.meanMs;
    const p2c = run('p2c', 150_000).endToEnd.meanMs;
    expect(lo).toBeLessThan(p2c);
  });

  it('pooled is the M/M/n station of version 1 (Erlang C), per-replica spread equal to the mean', () => {
    const r = run('pooled', 150_000);
    const theory = mmcMeanMs(N, RHO * N * MU, MU);
    expect(Math.abs(r.endToEnd.meanMs / theory - 1)).toBeLessThan(0.02);
    expect(r.nodes[0].utilizationMin).toBe(r.nodes[0].utilization);
    expect(r.nodes[0].utilizationMax).toBe(r.nodes[0].utilization);
  });

  it('a pool unit keeps a request on its replica: the second pool mirrors the exact round-robin split of the first', () => {
    // a (pool p: 2 replicas, round-robin) calls b (pool q: 2 replicas, random). In one unit, b's replica r
    // serves exactly the requests a's replica r served: an even split to within one request. Without the
    // unit, q's own random choice splits them unevenly.
    const doc = (unit: string | null) =>
      testDoc2({
        nodes: [
          { id: 'a', kind: 'service', pool: 'p', serviceTime: { dist: 'exponential', meanMs: 5 } },
          { id: 'b', kind: 'service', pool: 'q', serviceTime: { dist: 'deterministic', meanMs: 5 } },
        ],
        edges: [{ id: 'ab', source: 'a', target: 'b' }],
        pools: [
          { id: 'p', servers: 1, replicas: 2, balancer: 'round-robin', unit },
          { id: 'q', servers: 1, replicas: 2, balancer: 'random', unit },
        ],
        workload: { entry: 'a', ratePerSec: 100 },
      });
    const opts = { durationSec: 400, warmupSec: 0, replications: 1, seed: 3 };
    const sticky = simulateDesign(doc('u'), opts).nodes[1];
    const loose = simulateDesign(doc(null), opts).nodes[1];
    const oneVisit = 5 / (400 * 1000); // utilisation of one 5 ms visit over the run
    expect(sticky.utilizationMax - sticky.utilizationMin).toBeLessThanOrEqual(2 * oneVisit);
    expect(loose.utilizationMax - loose.utilizationMin).toBeGreaterThan(10 * oneVisit);
  });
});
