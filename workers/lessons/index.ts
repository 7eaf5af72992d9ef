/**
 * The shipped lessons (lesson files under version control; tests parse each
 * one and check its narrative's numbers with the engine). See docs/lessons.md.
 */
import knee from './files/knee-of-the-curve.json';
import littlesLaw from './files/littles-law.json';
import monolith from './files/monolith-vs-microservices.json';
import pooling from './files/pooling.json';
import retryStorm from './files/retry-storm.json';
import tailAtScale from './files/tail-at-scale.json';
import { type Lesson, parseLesson } from './parseLesson';

export { type Lesson, type LessonParseResult, type LessonStep, parseLesson, parseLessonText } from './parseLesson';

export interface LessonInfo {
  id: string;
  /** The lesson file as shipped. */
  spec: unknown;
}

export const LESSONS: readonly LessonInfo[] = [
  { id: 'littles-law', spec: littlesLaw },
  { id: 'knee-of-the-curve', spec: knee },
  { id: 'pooling', spec: pooling },
  { id: 'monolith-vs-microservices', spec: monolith },
  { id: 'tail-at-scale', spec: tailAtScale },
  { id: 'retry-storm', spec: retryStorm },
];

/** Loads a shipped lesson; throws only if a shipped file is broken (tests prevent that). */
export function loadLesson(id: string): Lesson {
  const info = LESSONS.find((l) => l.id === id);
  if (!info) throw new Error(`No lesson "${id}"; known: ${LESSONS.map((l) => l.id).join(', ')}`);
  const r = parseLesson(info.spec);
  if (!r.ok) throw new Error(`Lesson "${id}" is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.lesson;
}
