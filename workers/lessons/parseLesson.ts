/**
 * Reading a lesson: validate the shape (zod), build each step's document
 * (a template with its overrides, or the inline document) and validate it
 * with the topology parser, then check meaning (focus ids exist). Errors
 * name their JSON path, like the topology parser's. Never throws.
 */
import { describeValue, valueAt } from '../engine/errorText';
import { formatPath, parseTopology, type TopologyError } from '../engine/parse';
import type { Topology } from '../engine/schema';
import { loadTemplate, TEMPLATES } from '../templates';
import { LessonSchema, type LessonSpec, type Overrides } from './schema';

/** A step ready to show: its document (seed locked), its run, highlights and animation sample. */
export interface LessonStep {
  title: string;
  narrative: string;
  doc: Topology;
  run: { kind: 'single'; ratePerSec: number } | { kind: 'sweep'; fromPerSec: number; toPerSec: number; points: number };
  seed: number;
  focus: string[];
  animate: { requests: number; startSec: number | null };
}

export interface Lesson {
  title: string;
  summary: string;
  steps: LessonStep[];
  /** The file as read (what a share link or an export carries). */
  spec: LessonSpec;
}

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: TopologyError[] };

const MAX_ERRORS = 50;

type Json = Record<string, unknown>;

/** Applies overrides to a (normalized) template document; returns the raw result or an error. */
export function applyOverrides(base: Topology, o: Overrides, at: string): { doc: Json } | { error: TopologyError } {
  const doc = structuredClone(base) as unknown as Json & { nodes: Json[]; edges: Json[] };
  for (const k of ['name', 'description'] as const) if (o[k] !== undefined) doc[k] = o[k];
  for (const k of ['workload', 'run', 'slo', 'monolith'] as const) if (o[k]) doc[k] = { ...(doc[k] as Json), ...o[k] };
  const gone = new Set(o.removeNodes ?? []);
  doc.nodes = doc.nodes.filter((n) => !gone.has(n.id as string));
  doc.edges = doc.edges.filter((e) => !gone.has(e.source as string) && !gone.has(e.target as string) && !(o.removeEdges ?? []).includes(e.id as string));
  for (const [kind, list] of [['nodes', o.nodes], ['edges', o.edges]] as const) {
    for (const [id, patch] of Object.entries(list ?? {})) {
      const arr = doc[kind];
      const i = arr.findIndex((x) => x.id === id);
      if (i < 0) return { error: { path: `${at}.overrides.${kind}.${id}`, message: `the template has no ${kind === 'nodes' ? 'node' : 'edge'} "${id.slice(0, 40)}"` } };
      arr[i] = { ...arr[i], ...patch };
    }
  }
  doc.nodes.push(...(o.addNodes ?? []));
  doc.edges.push(...(o.addEdges ?? []));
  return { doc };
}

function stepDocument(raw: LessonSpec['steps'][number]['document'], at: string): { doc: Topology } | { errors: TopologyError[] } {
  let candidate: unknown = raw;
  if ('template' in raw && typeof raw.template === 'string' && !('format' in raw)) {
    if (!TEMPLATES.some((t) => t.id === raw.template)) {
      return { errors: [{ path: `${at}.template`, message: `no template "${raw.template.slice(0, 40)}"; known: ${TEMPLATES.map((t) => t.id).join(', ')}` }] };
    }
    const applied = applyOverrides(loadTemplate(raw.template), (raw.overrides ?? {}) as Overrides, at);
    if ('error' in applied) return { errors: [applied.error] };
    candidate = applied.doc;
  }
  const r = parseTopology(candidate);
  if (r.ok) return { doc: r.doc };
  return { errors: r.errors.map((e) => ({ path: e.path ? `${at}.${e.path}` : at, message: e.message })) };
}

/** Reads any value as a lesson (format "loadsketch-lesson", version 1). */
export function parseLesson(raw: unknown): LessonParseResult {
  const shaped = LessonSchema.safeParse(raw);
  if (!shaped.success) {
    return {
      ok: false,
      errors: shaped.error.issues.slice(0, MAX_ERRORS).map((i) => {
        const path = formatPath(i.path);
        const got = i.code === 'unrecognized_keys' ? ` (unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')})` : ` (got ${describeValue(valueAt(raw, i.path))})`;
        return { path, message: `${path || 'The lesson'} ${i.message}${got}` };
      }),
    };
  }
  const spec = shaped.data;
  const errors: TopologyError[] = [];
  const steps: LessonStep[] = [];
  spec.steps.forEach((s, k) => {
    const at = `steps[${k}]`;
    const built = stepDocument(s.document, `${at}.document`);
    if ('errors' in built) {
      errors.push(...built.errors);
      return;
    }
    const ids = new Set(built.doc.nodes.map((n) => n.id));
    (s.focus ?? []).forEach((id, j) => {
      if (!ids.has(id)) errors.push({ path: `${at}.focus[${j}]`, message: `${at}.focus[${j}] names no node of the step's document ("${id.slice(0, 40)}")` });
    });
    const doc: Topology = { ...built.doc, run: { ...built.doc.run, seed: s.run.seed } };
    steps.push({
      title: s.title,
      narrative: s.narrative,
      doc,
      run: s.run.sweep ? { kind: 'sweep', ...s.run.sweep } : { kind: 'single', ratePerSec: s.run.ratePerSec! },
      seed: s.run.seed,
      focus: s.focus ?? [],
      animate: { requests: s.animate?.requests ?? 60, startSec: s.animate?.startSec ?? null },
    });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, lesson: { title: spec.title, summary: spec.summary ?? '', steps, spec } };
}

/** Reads lesson file text; JSON syntax errors become errors too. */
export function parseLessonText(text: string): LessonParseResult {
  if (text.length > 8 * 1024 * 1024) return { ok: false, errors: [{ path: '', message: 'The lesson file is larger than 8 MB' }] };
  try {
    return parseLesson(JSON.parse(text));
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `The lesson file is not valid JSON: ${(err as Error).message}` }] };
  }
}
