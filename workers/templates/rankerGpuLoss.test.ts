/**
 * The `ranker-gpu-loss` template (docs/templates.md) behaves as its description says: the microservices lose
 * 2 of 8 ranker replicas for 60 s and stay available but slow, then recover; the equal-budget monolith (one
 * replica holding the 8 GPUs) loses its machine and serves nothing during the crash.
 */
import { describe, expect, it } from 'vitest';
import { deriveMonolithDeployment } from '../engine/monolith';
import { runPoint } from '../engine/run';
import { loadTemplate } from './index';

describe('ranker-gpu-loss template', () => {
  const doc = loadTemplate('ranker-gpu-loss');

  it('maps the ranker crash onto the one-replica monolith as a crash of its replica', () => {
    const { doc: mono, deployment } = deriveMonolithDeployment(doc);
    expect(deployment.replicas).toBe(1);
    expect(mono.scenario?.events[0]).toMatchObject({ kind: 'crash', target: 'monolith', fraction: 0.25 });
    expect(deployment.scenarioNotes?.[0]).toMatch(/2 of 8 replicas/);
  });

  it('microservices stay available and recover after the replicas return; the monolith is down for the 60 s', () => {
    const r = runPoint(doc, {});
    const m = r.microservices;
    const o = r.monolith;
    expect(m.availability).toBeGreaterThan(0.999);
    expect(m.recovered).toBe(true);
    expect(m.recoverySec).toBeGreaterThan(0);
    expect(m.recoverySec).toBeLessThan(60);
    const ranker = m.nodes.find((n) => n.id === 'ranker')!;
    // Window k spans [4k, 4k + 4) s: replicas 6 and 7 serve nothing during the crash (utilisation over the 8 is at most 6/8).
    expect(Math.max(...ranker.faultSeries!.utilization.slice(16, 29))).toBeLessThanOrEqual(0.75 + 1e-9);
    // The monolith: 60 s of 230 s measured served nothing.
    expect(o.availability).toBeGreaterThan(0.7);
    expect(o.availability).toBeLessThan(0.78);
    expect(o.endToEnd.errorsByCause?.crash).toBe(o.endToEnd.errors);
  });
});
