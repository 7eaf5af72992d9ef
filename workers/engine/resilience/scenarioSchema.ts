/**
 * The scenario of a run: timed faults, `doc.scenario.events[]` (issue 11).
 * Each event is `{atSec, durationSec, kind, target, …}`; `target` is a node
 * id, or an edge id for `partition`. Events may overlap (see
 * `scenarioTimeline.ts` for how overlapping events combine). Times in seconds
 * of simulated time from the start of the run (warm-up included).
 *
 * Proposed for `workers/engine/schema.ts` once issue 10 is merged; kept here
 * so the engine's document schema is untouched until the wiring session.
 */
import { z } from 'zod';
import { num } from '../zodFields';
import { LIMITS } from '../limits';

/** Most events one scenario may hold (keeps the compiled timeline small: 2 change points per event). */
export const MAX_SCENARIO_EVENTS = 500;

const fraction = z
  .number()
  .gt(0, { error: 'must be greater than 0 and at most 1' })
  .max(1, { error: 'must be greater than 0 and at most 1' });
const targetId = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.idChars, { error: `must be at most ${LIMITS.idChars} characters` });

/** Fields every event has: start and length in seconds, and the node (or edge) it hits. */
const base = {
  atSec: num(0, LIMITS.maxDurationSec),
  durationSec: num(0, LIMITS.maxDurationSec),
  target: targetId,
  /** Optional label shown on the timeline. */
  label: z.string().max(LIMITS.labelChars, { error: `must be at most ${LIMITS.labelChars} characters` }).optional(),
};

/** `replicas` of the target node (or a `fraction` of them, rounded up) are down for the duration; give exactly one. */
export const CrashEventSchema = z
  .object({
    ...base,
    kind: z.literal('crash'),
    replicas: z
      .number()
      .int({ error: `must be a whole number from 1 to ${LIMITS.maxReplicas}` })
      .min(1, { error: `must be a whole number from 1 to ${LIMITS.maxReplicas}` })
      .max(LIMITS.maxReplicas, { error: `must be a whole number from 1 to ${LIMITS.maxReplicas}` })
      .optional(),
    fraction: fraction.optional(),
  })
  .strict()
  .refine((e) => (e.replicas === undefined) !== (e.fraction === undefined), {
    error: 'give exactly one of replicas or fraction',
    path: ['replicas'],
  });

/** Service time × `factor`, then + `addMs`, for the duration (at least one of them). */
export const LatencyEventSchema = z
  .object({
    ...base,
    kind: z.literal('latency'),
    factor: num(0.01, 1000).optional(),
    addMs: num(0, LIMITS.maxServiceMs).optional(),
  })
  .strict()
  .refine((e) => e.factor !== undefined || e.addMs !== undefined, {
    error: 'give factor, addMs or both',
    path: ['factor'],
  });

/** Concurrency per replica reduced by `percent` (noisy neighbour, CPU throttling); at least one server stays. */
export const CapacityEventSchema = z
  .object({ ...base, kind: z.literal('capacity'), percent: num(0, 100) })
  .strict();

/** A `fraction` of the target's visits fail at once, for the duration. */
export const ErrorsEventSchema = z.object({ ...base, kind: z.literal('errors'), fraction }).strict();

/** The target edge's calls fail at once (`fail`) or never answer, so they end at their timeout (`hang`). */
export const PartitionEventSchema = z
  .object({ ...base, kind: z.literal('partition'), mode: z.enum(['fail', 'hang']).default('fail') })
  .strict();

/** The whole target node is down (every replica), e.g. a dependency outage. */
export const OutageEventSchema = z.object({ ...base, kind: z.literal('outage') }).strict();

/**
 * The target cache is emptied at `atSec`: its hit ratio is 0 for `durationSec`,
 * then climbs back linearly to its configured value over `warmSec`.
 */
export const CacheFlushEventSchema = z
  .object({ ...base, kind: z.literal('cacheFlush'), warmSec: num(0, LIMITS.maxDurationSec) })
  .strict();

/** One timed fault. */
export const ScenarioEventSchema = z.discriminatedUnion('kind', [
  CrashEventSchema,
  LatencyEventSchema,
  CapacityEventSchema,
  ErrorsEventSchema,
  PartitionEventSchema,
  OutageEventSchema,
  CacheFlushEventSchema,
]);
export type ScenarioEvent = z.infer<typeof ScenarioEventSchema>;
export type ScenarioEventKind = ScenarioEvent['kind'];
export type ScenarioEventSpec = z.input<typeof ScenarioEventSchema>;

/** `doc.scenario`: the timed events of a run (none: a steady-state run, as in version 1). */
export const ScenarioSchema = z
  .object({
    events: z
      .array(ScenarioEventSchema)
      .max(MAX_SCENARIO_EVENTS, { error: `must have at most ${MAX_SCENARIO_EVENTS} events` })
      .default([]),
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;

/** When an event stops affecting the system, in seconds: its duration, plus the warm-up of a cache flush. */
export function eventEndSec(e: ScenarioEvent): number {
  return e.atSec + e.durationSec + (e.kind === 'cacheFlush' ? e.warmSec : 0);
}

/** The end of the last event (seconds), or null for a scenario without events. */
export function lastEventEndSec(events: readonly ScenarioEvent[]): number | null {
  let end: number | null = null;
  for (const e of events) end = Math.max(end ?? 0, eventEndSec(e));
  return end;
}
