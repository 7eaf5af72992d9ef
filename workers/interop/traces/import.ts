/**
 * Traces → Loadsketch document: the service call graph, each service's self
 * time fitted (see fit.ts), call probability and count per visit, call stages
 * from span overlap, the entry rate from the root spans' start times and the
 * network time from client/server span pairs. See docs/import-export.md.
 */
import type { Topology } from '../../engine/schema';
import { LIMITS } from '../../engine/limits';
import { type DraftEdge, type DraftNode, draftToDocument } from '../draft';
import { guessKindFromText } from '../kindGuess';
import { ImportError } from '../limits';
import { parseJsonLimited } from '../safeJson';
import type { Warnings } from '../warnings';
import { fitServiceTime } from './fit';
import { type FitReport, serviceFit } from './fitReport';
import { readJaeger, readOtlp, type Span } from './spans';
import { callStages } from './stages';
import { buildVisits, selfTimeUs, type Visit } from './visits';

interface EdgeStats {
  visitsWithCall: number;
  calls: number;
  asyncCalls: number;
  networkUs: number[];
}

/** Requests per second from root start times: (n − 1) / (last − first), the rate estimate from n − 1 gaps. */
export function entryRate(rootStartsUs: number[]): number | null {
  if (rootStartsUs.length < 2) return null;
  const sorted = [...rootStartsUs].sort((a, b) => a - b);
  const spanSec = (sorted[sorted.length - 1] - sorted[0]) / 1e6;
  return spanSec > 0 ? (sorted.length - 1) / spanSec : null;
}

function readSpans(text: string, format: 'otlp' | 'jaeger', warnings: Warnings): Span[] {
  const trimmed = text.trim();
  if (format === 'otlp' && trimmed.startsWith('{') && /}\s*\n\s*{/.test(trimmed)) {
    return readOtlp(trimmed.split(/\n(?=\s*{)/).map((line, i) => parseJsonLimited(line, `line ${i + 1} of the OTLP file`)), warnings);
  }
  const json = parseJsonLimited(text, format === 'otlp' ? 'the OTLP file' : 'the Jaeger file');
  return format === 'otlp' ? readOtlp([json], warnings) : readJaeger(json, warnings);
}

/** Builds the document and the fit report from a trace file. */
export function importTraces(text: string, format: 'otlp' | 'jaeger', warnings: Warnings): { doc: Topology; fit: FitReport } {
  const spans = readSpans(text, format, warnings);
  if (spans.length === 0) throw new ImportError(format === 'otlp' ? 'no spans found under resourceSpans[].scopeSpans[].spans' : 'no spans found under data[].spans');
  const { visits, orphans } = buildVisits(spans);
  if (orphans) warnings.add(`${orphans} spans name a parent that is not in the file; each is read as the start of a request`);
  const byService = new Map<string, Visit[]>();
  for (const v of visits) {
    const list = byService.get(v.service);
    if (list) list.push(v);
    else byService.set(v.service, [v]);
  }
  const roots = visits.filter((v) => v.root);
  const rootCounts = new Map<string, number>();
  for (const v of roots) rootCounts.set(v.service, (rootCounts.get(v.service) ?? 0) + 1);
  const entry = [...rootCounts].sort((a, b) => b[1] - a[1])[0][0];
  if (rootCounts.size > 1) warnings.add(`requests start at ${rootCounts.size} services; the entry is ${entry}, the one most start at`);
  const edgeStats = new Map<string, Map<string, EdgeStats>>();
  for (const v of visits) {
    const seen = new Set<string>();
    for (const c of v.calls) {
      const perCaller = edgeStats.get(v.service) ?? new Map<string, EdgeStats>();
      edgeStats.set(v.service, perCaller);
      const s = perCaller.get(c.callee.service) ?? { visitsWithCall: 0, calls: 0, asyncCalls: 0, networkUs: [] };
      perCaller.set(c.callee.service, s);
      if (!seen.has(c.callee.service)) s.visitsWithCall++;
      seen.add(c.callee.service);
      s.calls++;
      if (c.async) s.asyncCalls++;
      if (c.networkUs !== null) s.networkUs.push(c.networkUs);
    }
  }
  const nodes: DraftNode[] = [];
  const fits = [];
  for (const [service, vs] of byService) {
    const samplesMs = vs.map((v) => selfTimeUs(v) / 1000);
    const fitted = fitServiceTime(samplesMs);
    fits.push(serviceFit(service, samplesMs, fitted));
    const kind = guessKindFromText(service) ?? 'service';
    // A cache's misses are already in the measured call probabilities, so no hit ratio is applied on top.
    nodes.push({ key: service, label: service, kind, serviceTime: fitted, ...(kind === 'cache' ? { hitRatio: 0 } : {}) });
  }
  const edges: DraftEdge[] = [];
  for (const [caller, perCaller] of edgeStats) {
    const callerVisits = byService.get(caller) ?? [];
    const stages = callStages(callerVisits);
    for (const [callee, s] of perCaller) {
      const networkMs = s.networkUs.length ? s.networkUs.reduce((a, b) => a + b, 0) / s.networkUs.length / 1000 : 0;
      const isAsync = s.asyncCalls * 2 > s.calls;
      edges.push({
        from: caller,
        to: callee,
        mode: isAsync ? 'async' : 'sync',
        probability: Math.round((s.visitsWithCall / callerVisits.length) * 1e4) / 1e4,
        count: Math.max(1, Math.min(LIMITS.maxCallCount, Math.round(s.calls / s.visitsWithCall))),
        networkMs: Math.min(LIMITS.maxNetworkMs, Math.round(networkMs * 1e4) / 1e4),
        stage: isAsync ? null : (stages.get(callee) ?? null),
      });
    }
  }
  const rate = entryRate(roots.filter((v) => v.service === entry).map((v) => v.startUs));
  if (rate === null) warnings.add('fewer than two requests, or all at one instant: the entry rate is the default');
  warnings.add('replicas and concurrency are not in traces: each node has its kind’s defaults; set them before trusting the utilisation');
  const doc = draftToDocument({
    name: `Imported from ${format === 'otlp' ? 'OpenTelemetry' : 'Jaeger'} traces`,
    description: `${roots.length} traces, ${spans.length} spans; service times fitted from span self times (lognormal by moments).`,
    nodes,
    edges,
    entry,
    ...(rate !== null ? { ratePerSec: Math.min(LIMITS.maxRatePerSec, Math.round(rate * 100) / 100) } : {}),
  });
  return { doc, fit: { traces: roots.length, spans: spans.length, services: fits, entryRatePerSec: rate } };
}
