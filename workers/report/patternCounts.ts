/**
 * The resilience patterns' own counts per edge, both designs, shaped once for the studio's table
 * (app/results/PatternCountsTable.tsx), the report's scenario section and the CLI's table output.
 *
 * Each kind of count is one entry of PATTERN_COUNTS: the `DesignResult` key holding a per-edge array and the
 * figures to show: circuit breakers (`breakers[]`: times opened, calls refused) and retry budgets
 * (`retryBudgets[]`: retries allowed, retries refused). A further per-edge count is one more entry here; every
 * surface picks it up.
 */
import type { DesignResult, RunResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { labelOf } from './model';

export const PATTERN_DESIGNS = ['microservices', 'monolith'] as const;
export type PatternDesign = (typeof PATTERN_DESIGNS)[number];

/** One figure of a per-edge count: its key in the result entry, its column name, and a short name for the CLI. */
export interface PatternFigure {
  key: string;
  label: string;
  short: string;
}

/** The `DesignResult` keys that hold a per-edge array (entries with an `edge` id). */
export type PerEdgeKey = { [K in keyof DesignResult]-?: NonNullable<DesignResult[K]> extends readonly { edge: string }[] ? K : never }[keyof DesignResult];

/** One kind of per-edge count. */
export interface PatternCountKind {
  /** The `DesignResult` key of the per-edge array (each entry has `edge`, the edge's id). */
  resultKey: PerEdgeKey;
  /** Test id of its table, its short name and the caption of its table. */
  id: string;
  name: string;
  title: string;
  figures: readonly PatternFigure[];
  /** What to say after the call's name about an entry (e.g. the budget's kind), if anything. */
  detail?: (entry: Record<string, unknown>) => string;
}

export const PATTERN_COUNTS: readonly PatternCountKind[] = [
  {
    resultKey: 'breakers',
    id: 'breaker-counts',
    name: 'circuit breakers (whole run, warm-up included)',
    title: 'Circuit breakers: times each opened and calls it refused while open (whole run, warm-up included)',
    figures: [
      { key: 'opened', label: 'Opened (times)', short: 'opened' },
      { key: 'refused', label: 'Calls refused', short: 'refused' },
    ],
  },
  {
    resultKey: 'retryBudgets',
    id: 'retry-budget-counts',
    name: 'retry budgets (whole run, warm-up included)',
    title: 'Retry budgets: retries each allowed and retries it refused (whole run, warm-up included)',
    figures: [
      { key: 'retriesAllowed', label: 'Retries allowed', short: 'allowed' },
      { key: 'retriesRefused', label: 'Retries refused', short: 'refused' },
    ],
    detail: (e) => (e.kind === 'envoy' ? 'Envoy budget' : e.kind === 'grpc-throttle' ? 'gRPC throttle' : ''),
  },
];

/** One edge's counts: the call in words, and per design its figures (null where that design has no such pattern on the edge). */
export interface PatternCountRow {
  edge: string;
  call: string;
  /** The kind's detail for the entry (e.g. "Envoy budget"), '' if none. */
  detail: string;
  values: Record<PatternDesign, Record<string, number> | null>;
}

export interface PatternCountTable {
  kind: PatternCountKind;
  rows: PatternCountRow[];
}

type EdgeEntry = { edge: string };

function entriesOf(d: DesignResult, kind: PatternCountKind): readonly EdgeEntry[] {
  return d[kind.resultKey] ?? [];
}

/** A figure of an entry as a number (0 when absent). */
const figureOf = (entry: EdgeEntry, key: string): number => Number((entry as unknown as Record<string, unknown>)[key] ?? 0);

/** "Prediction gateway → Feature store" for an edge of the document, else (or without a document) its id. */
export function callText(doc: Topology | null, edgeId: string): string {
  const e = doc?.edges.find((x) => x.id === edgeId);
  if (!doc) return edgeId;
  return e ? `${labelOf(doc, e.source)} → ${labelOf(doc, e.target)}` : edgeId;
}

/** The tables of the run's per-edge counts, each with a row per edge (in the microservices' edge order, then the monolith's extra ones); none without any. */
export function patternCountTables(doc: Topology | null, point: RunResult): PatternCountTable[] {
  return PATTERN_COUNTS.flatMap((kind) => {
    const byDesign = PATTERN_DESIGNS.map((d) => [d, entriesOf(point[d], kind)] as const);
    const edges = [...new Set(byDesign.flatMap(([, list]) => list.map((x) => x.edge)))];
    if (edges.length === 0) return [];
    const rows = edges.map((edge): PatternCountRow => {
      const values = {} as PatternCountRow['values'];
      for (const [d, list] of byDesign) {
        const hit = list.find((x) => x.edge === edge);
        values[d] = hit ? Object.fromEntries(kind.figures.map((f) => [f.key, figureOf(hit, f.key)])) : null;
      }
      const first = byDesign.flatMap(([, list]) => list.filter((x) => x.edge === edge))[0];
      const detail = kind.detail && first ? kind.detail(first as unknown as Record<string, unknown>) : '';
      return { edge, call: callText(doc, edge), detail, values };
    });
    return [{ kind, rows }];
  });
}

/** A row's name in a table: the call (or `name`, e.g. the edge's id), then its detail in brackets when it has one. */
export function rowName(r: PatternCountRow, name = r.call): string {
  return r.detail ? `${name} (${r.detail})` : name;
}
