/**
 * The lesson file format, version 1: a guided sequence of steps, each a
 * complete document (inline, or a shipped template with overrides), a run
 * with a LOCKED seed (the whole room sees the same numbers), a short
 * narrative, and optionally nodes to highlight and an animation sample.
 * zod schemas are the single source of the types. See docs/lessons.md.
 */
import { z } from 'zod';
import { LIMITS } from '../engine/limits';

export const LESSON_FORMAT = 'loadsketch-lesson';
export const LESSON_VERSION = 1;
/** Most steps a lesson may have. */
export const MAX_LESSON_STEPS = 40;

const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const rate = z
  .number({ error: 'must be a number (requests per second)' })
  .gt(0, { error: 'must be greater than 0' })
  .max(LIMITS.maxRatePerSec, { error: `must be at most ${LIMITS.maxRatePerSec}` });
const record = z.record(z.string(), z.unknown());

/** Changes applied to a template before the result is validated (as a topology). */
export const OverridesSchema = z
  .object({
    name: text(LIMITS.nameChars).optional(),
    description: text(LIMITS.descriptionChars).optional(),
    /** Fields merged into the workload, run settings, SLO or monolith settings. */
    workload: record.optional(),
    run: record.optional(),
    slo: record.optional(),
    monolith: record.optional(),
    /** Per node id: fields merged into that node. */
    nodes: z.record(z.string(), record).optional(),
    /** Per edge id: fields merged into that edge. */
    edges: z.record(z.string(), record).optional(),
    removeNodes: z.array(z.string()).optional(),
    removeEdges: z.array(z.string()).optional(),
    addNodes: z.array(record).optional(),
    addEdges: z.array(record).optional(),
  })
  .strict();
export type Overrides = z.infer<typeof OverridesSchema>;

export const TemplateRefSchema = z.object({ template: z.string().max(LIMITS.idChars), overrides: OverridesSchema.optional() }).strict();
export type TemplateRef = z.infer<typeof TemplateRefSchema>;

/** A full version-1 document (checked by the topology parser), or a template reference. */
export const StepDocumentSchema = z.union([TemplateRefSchema, z.looseObject({ format: z.literal('loadsketch') })], {
  error: 'must be a full Loadsketch document ({"format": "loadsketch", …}) or {"template": "<id>", "overrides": {…}}',
});

export const SweepSpecSchema = z
  .object({ fromPerSec: rate, toPerSec: rate, points: z.int().min(2).max(40) })
  .strict()
  .refine((s) => s.toPerSec > s.fromPerSec, { error: 'toPerSec must be greater than fromPerSec', path: ['toPerSec'] });

/** The run a step makes: one offered load or a sweep, with the seed locked. */
export const StepRunSchema = z
  .object({
    ratePerSec: rate.optional(),
    sweep: SweepSpecSchema.optional(),
    seed: z.int({ error: 'must be a whole number (the seed is locked in a lesson)' }).min(0).max(0xffffffff),
  })
  .strict()
  .refine((r) => (r.ratePerSec === undefined) !== (r.sweep === undefined), { error: 'give exactly one of ratePerSec or sweep' });

export const AnimateSchema = z
  .object({ requests: z.int().min(1).max(200).optional(), startSec: z.number().min(0).max(LIMITS.maxDurationSec).optional() })
  .strict();

export const LessonStepSchema = z
  .object({
    title: text(120).min(1, { error: 'must not be empty' }),
    narrative: text(1500).min(1, { error: 'must not be empty' }),
    document: StepDocumentSchema,
    run: StepRunSchema,
    /** Node ids to highlight on the canvas. */
    focus: z.array(z.string().max(LIMITS.idChars)).max(50).optional(),
    animate: AnimateSchema.optional(),
  })
  .strict();
export type LessonStepSpec = z.infer<typeof LessonStepSchema>;

export const LessonSchema = z
  .object({
    format: z.literal(LESSON_FORMAT, { error: `must be "${LESSON_FORMAT}"` }),
    version: z.literal(LESSON_VERSION, { error: `must be ${LESSON_VERSION} (this version of Loadsketch reads lesson format 1)` }),
    title: text(200).min(1, { error: 'must not be empty' }),
    summary: text(2000).optional(),
    steps: z.array(LessonStepSchema).min(1, { error: 'must have at least one step' }).max(MAX_LESSON_STEPS),
  })
  .strict();
export type LessonSpec = z.infer<typeof LessonSchema>;
