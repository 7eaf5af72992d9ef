import { describe, expect, it } from 'vitest';
import { erlangC } from '../../workers/engine/analytic/erlang';
import { runPoint } from '../../workers/engine/run';
import type { Topology } from '../../workers/engine/schema';
import { loadTemplate } from '../../workers/templates';
import { explain } from './explain';

const quick = { durationSec: 20, warmupSec: 2, replications: 1 };

describe('explain', () => {
  const mm1 = loadTemplate('mm1'); // 1 server, S = 10 ms exponential, 80 req/s
  const mm1Point = runPoint(mm1, quick);

  it('fills ρ = λS/c with the node’s numbers and puts the simulated value beside it', () => {
    const e = explain({ doc: mm1, point: mm1Point, design: 'microservices', quantity: 'utilization', nodeId: 'server' });
    expect(e.lines[0].formula).toBe('ρ = λ·S / c');
    expect(e.lines[0].filled).toBe('ρ = 80 req/s × 10 ms ÷ 1 server = 80%');
    expect(e.predicted).toBeCloseTo(0.8, 12);
    expect(e.simulated).toBe(mm1Point.microservices.nodes[0].utilization);
    expect(e.simulatedText).toMatch(/^\d+(\.\d+)?%$/);
    expect(Math.abs(e.simulated! - 0.8)).toBeLessThan(0.05);
    expect(e.notCovered).toEqual([]);
  });

  it('uses Pollaczek–Khinchine for one server: W_q = ρS(1+c_s²)/(2(1−ρ)) = 40 ms at ρ = 0.8', () => {
    const e = explain({ doc: mm1, point: mm1Point, design: 'microservices', quantity: 'meanWaitMs', nodeId: 'server' });
    expect(e.lines[0].law).toMatch(/Pollaczek/);
    expect(e.lines[0].filled).toBe('W_q = 80% × 10 ms × (1 + 1) / (2 × (1 − 0.8)) = 40 ms');
    expect(e.predicted).toBeCloseTo(40, 9);
    expect(e.predicted).toBe(mm1Point.analytic.microservices.nodes[0].meanWaitMs);
  });

  it("applies Little's law to the queue length, predicted and on the simulated numbers", () => {
    const e = explain({ doc: mm1, point: mm1Point, design: 'microservices', quantity: 'meanQueueLength', nodeId: 'server' });
    expect(e.lines.at(-2)?.filled).toBe('L_q = 80 req/s × 40 ms = 3.2');
    expect(e.predicted).toBeCloseTo(3.2, 9);
    const sim = mm1Point.microservices.nodes[0];
    expect(e.lines.at(-1)?.filled).toContain(`= ${Number(((sim.arrivalRatePerSec * sim.meanWaitMs) / 1000).toPrecision(3))}`);
  });

  it('gives the M/M/1 p99 ln(100)/(μ−λ) = 230 ms and says a percentile is not covered elsewhere', () => {
    const e = explain({ doc: mm1, point: mm1Point, design: 'microservices', quantity: 'p99TimeInNodeMs', nodeId: 'server' });
    expect(e.predicted).toBeCloseTo((Math.log(100) / (100 - 80)) * 1000, 9);
    expect(e.predictedText).toBe('230 ms');
    const mmc = loadTemplate('mmc');
    const p = runPoint(mmc, quick);
    const id = mmc.nodes.find((n) => n.id === mmc.workload.entry)!.id;
    const f = explain({ doc: mmc, point: p, design: 'microservices', quantity: 'p99TimeInNodeMs', nodeId: id });
    expect(f.predicted).toBeNull();
    expect(f.predictedText).toBe('not covered');
    expect(f.notCovered[0]).toMatch(/M\/M\/1/);
  });

  it('writes out Erlang C for several servers with the engine’s own P_wait', () => {
    const mmc = loadTemplate('mmc');
    const p = runPoint(mmc, quick);
    const node = mmc.nodes.find((n) => n.id === mmc.workload.entry)!;
    const c = node.replicas * node.concurrency;
    const a = (mmc.workload.ratePerSec * (node.serviceTime as { meanMs: number }).meanMs) / 1000;
    const e = explain({ doc: mmc, point: p, design: 'microservices', quantity: 'meanWaitMs', nodeId: node.id });
    expect(e.lines.map((l) => l.law)).toEqual(['Offered load', 'Erlang C (M/M/c)', 'Erlang C wait']);
    expect(e.lines[1].filled).toBe(`P_wait = C(${c}, ${Number(a.toPrecision(3))}) = ${Number((erlangC(c, a) * 100).toPrecision(3))}%`);
    expect(e.predicted).toBe(p.analytic.microservices.nodes.find((n) => n.id === node.id)!.meanWaitMs);
  });

  it('says notCovered (with the engine’s reason) for a bounded queue instead of printing a number', () => {
    const bounded: Topology = { ...mm1, nodes: [{ ...mm1.nodes[0], queueCapacity: 5 }] };
    const p = runPoint(bounded, quick);
    const e = explain({ doc: bounded, point: p, design: 'microservices', quantity: 'meanWaitMs', nodeId: 'server' });
    expect(e.predicted).toBeNull();
    expect(e.predictedText).toBe('not covered');
    expect(e.notCovered.join(' ')).toMatch(/bounded queue \(5 waiting places\)/);
    expect(e.simulated).toBeGreaterThan(0);
  });

  it('explains the saturation rate from the bottleneck: λ_sat = c / Σ v·S', () => {
    const tandem = loadTemplate('tandem'); // stage 2: 8 ms → 125 req/s
    const p = runPoint(tandem, quick);
    const e = explain({ doc: tandem, point: p, design: 'microservices', quantity: 'saturation', nodeId: null });
    expect(e.predicted).toBeCloseTo(125, 9);
    expect(e.title).toContain('Stage 2');
    expect(e.lines[1].filled).toBe('λ_sat = 100 req/s / 0.8 = 125 req/s');
  });

  it('explains the monolith’s nodes from the derived monolith', () => {
    const tandem = loadTemplate('tandem');
    const p = runPoint(tandem, quick);
    const id = p.monolith.nodes.find((n) => n.arrivalRatePerSec > 0)!.id;
    const e = explain({ doc: tandem, point: p, design: 'monolith', quantity: 'utilization', nodeId: id });
    expect(e.predicted).toBeCloseTo(p.analytic.monolith.nodes.find((n) => n.id === id)!.utilization, 9);
    expect(() => explain({ doc: tandem, point: p, design: 'microservices', quantity: 'utilization', nodeId: 'nope' })).toThrow(/nope/);
  });
});
