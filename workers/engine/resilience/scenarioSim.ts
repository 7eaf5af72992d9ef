/**
 * The simulator of a design with a fault scenario: the Simulator of
 * simulate.ts with the scenario's machinery (scenarioCore.ts) mixed in. A
 * design with autoscalers runs the same machinery on the ElasticSimulator
 * (elasticScenarioSim.ts). A design without events never reaches either
 * ({@link simulateDesignRaw} runs the plain or the elastic simulator), so it
 * pays nothing and its results keep their bits.
 */
import { simulateDesignRaw as simulateElasticOrPlain } from '../autoscale/elasticSim';
import type { CompiledModel } from '../compile';
import type * as R from '../raw';
import { type SimSpec, Simulator } from '../simulate';
import { ElasticScenarioSimulator } from './elasticScenarioSim';
import { withScenario } from './scenarioCore';
import { ScenarioChooser } from './scenarioChooser';

export { FAULT_STREAM0 } from './scenarioCore';

/** Runs one replication: the scenario simulator when the design has fault events (on the elastic one with autoscalers), else the elastic or plain one. */
export function simulateDesignRaw(m: CompiledModel, spec: SimSpec): R.DesignRaw {
  if (m.scenario === null) return simulateElasticOrPlain(m, spec);
  return m.anyElastic ? new ElasticScenarioSimulator(m, spec).run() : new ScenarioSimulator(m, spec).run();
}

/** The Simulator with a fault scenario (see scenarioCore.ts). */
export class ScenarioSimulator extends withScenario(Simulator) {
  protected override makeChooser(m: CompiledModel, seed: number): ScenarioChooser {
    return new ScenarioChooser(m, seed);
  }
}
