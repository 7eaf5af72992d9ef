/**
 * The base a pattern layer (patternClosed.ts, patternHedging.ts,
 * patternMixin.ts) is mixed into: a simulator class with the fault
 * scenario's machinery (scenarioCore.ts), on the plain Simulator
 * (ScenarioSimulator) or on the ElasticSimulator (ElasticScenarioSimulator).
 */
import type { Simulator } from '../simulate';
import type { withScenario } from './scenarioCore';

/** The instance type of a scenario simulator (the mixin's members over a Simulator). */
export type ScenarioSimulatorLike = InstanceType<ReturnType<typeof withScenario<typeof Simulator>>>;

/** A scenario simulator class, constructed with (model, spec) (TypeScript's mixin form: a constructor of any[]). */
// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
export type ScenarioSimulatorClass = new (...args: any[]) => ScenarioSimulatorLike;
