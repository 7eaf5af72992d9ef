/**
 * The shipped templates: documents under version control (version 1, and
 * version 2 for those that use machines), each
 * valid (tests parse every one) and described in `docs/templates.md`.
 */
import { parseTopology } from '../engine/parse';
import type { Topology } from '../engine/schema';
import embeddingCacheStampede from './embedding-cache-stampede.json';
import fanout from './fanout.json';
import hedgingFanout from './hedging-fanout.json';
import mlLifecycle from './ml-lifecycle.json';
import mm1 from './mm1.json';
import mmc from './mmc.json';
import netflix from './netflix.json';
import netflixAutoscaled from './netflix-autoscaled.json';
import llmDisaggregated from './llm-disaggregated.json';
import llmRouter from './llm-router.json';
import ragAssistant from './rag-assistant.json';
import ragLlm from './rag-llm.json';
import rankerGpuLoss from './ranker-gpu-loss.json';
import retrieveRankRerank from './retrieve-rank-rerank.json';
import retryStormBreaker from './retry-storm-breaker.json';
import tandem from './tandem.json';
import tfxServing from './tfx-serving.json';
import uberMichelangelo from './uber-michelangelo.json';

/** A template as the "New from template" menu lists it. */
export interface TemplateInfo {
  id: string;
  /** Which menu group it belongs to. */
  group: 'industry' | 'paper' | 'classroom';
  /** The raw file, as shipped. */
  spec: unknown;
}

/** Every shipped template, the default (Netflix) first. */
export const TEMPLATES: readonly TemplateInfo[] = [
  { id: 'netflix', group: 'industry', spec: netflix },
  { id: 'netflix-autoscaled', group: 'industry', spec: netflixAutoscaled },
  { id: 'uber-michelangelo', group: 'industry', spec: uberMichelangelo },
  { id: 'tfx-serving', group: 'industry', spec: tfxServing },
  { id: 'rag-llm', group: 'industry', spec: ragLlm },
  { id: 'rag-assistant', group: 'industry', spec: ragAssistant },
  { id: 'llm-router', group: 'industry', spec: llmRouter },
  { id: 'llm-disaggregated', group: 'industry', spec: llmDisaggregated },
  { id: 'retrieve-rank-rerank', group: 'paper', spec: retrieveRankRerank },
  { id: 'ml-lifecycle', group: 'paper', spec: mlLifecycle },
  { id: 'ranker-gpu-loss', group: 'paper', spec: rankerGpuLoss },
  { id: 'retry-storm-breaker', group: 'paper', spec: retryStormBreaker },
  { id: 'embedding-cache-stampede', group: 'paper', spec: embeddingCacheStampede },
  { id: 'hedging-fanout', group: 'paper', spec: hedgingFanout },
  { id: 'mm1', group: 'classroom', spec: mm1 },
  { id: 'mmc', group: 'classroom', spec: mmc },
  { id: 'tandem', group: 'classroom', spec: tandem },
  { id: 'fanout', group: 'classroom', spec: fanout },
];

/** The template the studio opens with. */
export const DEFAULT_TEMPLATE_ID = TEMPLATES[0].id;

/** Loads a template as a normalized document; throws only if a shipped file is broken (tests prevent that). */
export function loadTemplate(id: string): Topology {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`No template "${id}"; known: ${TEMPLATES.map((x) => x.id).join(', ')}`);
  const r = parseTopology(t.spec);
  if (!r.ok) throw new Error(`Template "${id}" is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.doc;
}
