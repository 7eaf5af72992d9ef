/**
 * The `retry-storm-breaker` template (docs/templates.md): a 5 s slowdown of the feature store starts a retry
 * storm that outlives it (metastable: the run ends still violating the SLO) without the circuit breaker, and
 * the breaker on the gateway → feature-store edge ends it (recovered). Checked over three seeds, in both
 * designs (the feature store is infra, the same in the monolith), with conservation.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine/compile';
import { CB_OPEN } from '../engine/resilience/circuitBreaker';
import { PatternSimulator } from '../engine/resilience/patternSim';
import { resolveRun, runPoint, simSpec } from '../engine/run';
import type { Topology } from '../engine/schema';
import { conserved } from '../engine/testing/conservation';
import { loadTemplate } from './index';

/** Counts the feature store's visits, and those while the gateway's breaker is OPEN. */
class Watched extends PatternSimulator {
  visits = 0;
  whileOpen = 0;
  protected override arrive(f: number): void {
    if (this.fNode[f] === 1) {
      this.visits++;
      if (this.breakers.state[0] === CB_OPEN) this.whileOpen++;
    }
    super.arrive(f);
  }
}

function withoutBreaker(doc: Topology): Topology {
  return { ...doc, edges: doc.edges.map(({ circuitBreaker: _, ...e }) => e) };
}


describe('retry-storm-breaker template', () => {
  const doc = loadTemplate('retry-storm-breaker');

  it.each([1, 2, 3])('seed %i: without the breaker the storm outlives the slowdown (did not recover); with it, recovered', (seed) => {
    const run = { ...doc.run, seed };
    const storm = runPoint(withoutBreaker({ ...doc, run }), {});
    const saved = runPoint({ ...doc, run }, {});
    for (const d of [storm.microservices, storm.monolith]) {
      expect(d.recovered).toBe(false);
      expect(d.recoverySec).toBeNull();
      expect(d.availability).toBeLessThan(0.2); // the storm: nearly every request times out to the end
      expect(d.endToEnd.errorsByCause?.timeout).toBe(d.endToEnd.errors);
      conserved(d);
    }
    for (const d of [saved.microservices, saved.monolith]) {
      expect(d.recovered).toBe(true);
      // Open for its 60 s wait from shortly after the slowdown, then 10 trial calls, then closed.
      expect(d.recoverySec).toBeGreaterThan(40);
      expect(d.recoverySec).toBeLessThan(90);
      expect(d.availability).toBeGreaterThan(0.6);
      expect(d.endToEnd.errorsByCause?.breakerOpen).toBeGreaterThan(1000);
      conserved(d);
    }
  });

  it('an open breaker sends nothing: the feature store sees no visit while the breaker is open', () => {
    const sim = new Watched(compileModel(doc), simSpec(doc, resolveRun(doc), doc.run.seed));
    sim.run();
    expect(sim.breakers.opened[0]).toBeGreaterThanOrEqual(1);
    expect(sim.breakers.rejected[0]).toBeGreaterThan(1000);
    expect(sim.visits).toBeGreaterThan(3000);
    expect(sim.whileOpen).toBe(0);
  });
});
