/**
 * The fuzz invariants for one document: parseTopology never throws and every
 * error names a path; a valid document runs (both designs, a bounded run:
 * short, few replications, a small work budget) without throwing, keeps
 * conservation (arrivals = completed + errors + dropped + in flight), gives
 * finite numbers, and stays within its work budget.
 */
import { parseTopology } from '../engine/parse';
import { type DesignRaw, T_EVENTS } from '../engine/raw';
import type { DesignResult } from '../engine/results';
import { combineReplications, simulateReplication } from '../engine/run';
import type { Topology } from '../engine/schema';

/** Work budget of one fuzz replication (events + arrival steps). */
export const FUZZ_MAX_EVENTS = 40_000;
/** Longest simulated run, seconds. */
export const FUZZ_MAX_DURATION_SEC = 2;

export interface FuzzOutcome {
  valid: boolean;
  ran: boolean;
  cutShort: boolean;
  /** Broken invariants (empty: clean). */
  failures: string[];
}

function designProblems(name: string, d: DesignResult): string[] {
  const out: string[] = [];
  const e = d.endToEnd;
  if (e.arrivals !== e.completed + e.errors + e.dropped + e.inFlight) {
    out.push(`${name}: conservation broken: arrivals ${e.arrivals} ≠ completed ${e.completed} + errors ${e.errors} + dropped ${e.dropped} + in flight ${e.inFlight}`);
  }
  for (const k of ['completed', 'arrivals', 'errors', 'dropped', 'inFlight', 'timeouts', 'throughputPerSec'] as const) {
    if (!Number.isFinite(e[k]) || e[k] < 0) out.push(`${name}: endToEnd.${k} is ${e[k]}`);
  }
  for (const k of ['meanMs', 'p50Ms', 'p99Ms', 'maxMs'] as const) {
    if (e.completed > 0 && !(Number.isFinite(e[k]) && e[k] >= 0)) out.push(`${name}: endToEnd.${k} is ${e[k]} with ${e.completed} completed`);
  }
  for (const [k, v] of Object.entries(e.ci95 ?? {})) if (!Number.isFinite(v)) out.push(`${name}: ci95.${k} is ${v}`);
  for (const n of d.nodes) {
    for (const k of ['arrivalRatePerSec', 'utilization', 'meanQueueLength', 'meanWaitMs', 'meanTimeInNodeMs'] as const) {
      if (!(Number.isFinite(n[k]) && n[k] >= 0)) out.push(`${name}: node ${n.id}.${k} is ${n[k]}`);
    }
  }
  return out;
}

function budgetProblems(name: string, raws: DesignRaw[]): string[] {
  return raws.filter((r) => r.totals[T_EVENTS] > FUZZ_MAX_EVENTS).map((r) => `${name}: ${r.totals[T_EVENTS]} events, over the budget of ${FUZZ_MAX_EVENTS}`);
}

/** Runs every invariant on `raw` (any value). Never throws: a throw is reported as a failure. */
export function checkDocument(raw: unknown): FuzzOutcome {
  const out: FuzzOutcome = { valid: false, ran: false, cutShort: false, failures: [] };
  let parsed: ReturnType<typeof parseTopology>;
  try {
    parsed = parseTopology(raw);
  } catch (err) {
    out.failures.push(`parseTopology threw: ${(err as Error).message}`);
    return out;
  }
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      if (typeof e.path !== 'string' || typeof e.message !== 'string' || e.message.length === 0) out.failures.push(`malformed error ${JSON.stringify(e)}`);
      // The empty path is the whole document, allowed only where the document itself is the subject.
      else if (e.path === '' && !/^The document/.test(e.message)) out.failures.push(`error without a path: ${e.message}`);
    }
    return out;
  }
  out.valid = true;
  return { ...out, ...runBounded(parsed.doc) };
}

function runBounded(doc: Topology): Omit<FuzzOutcome, 'valid'> {
  const failures: string[] = [];
  const durationSec = Math.min(doc.run.durationSec, FUZZ_MAX_DURATION_SEC);
  const opts = { durationSec, warmupSec: Math.min(doc.run.warmupSec, durationSec / 4), replications: Math.min(doc.run.replications, 2), maxEventsPerReplication: FUZZ_MAX_EVENTS };
  try {
    const reps = Array.from({ length: opts.replications }, (_, r) => simulateReplication(doc, opts, r));
    failures.push(...budgetProblems('microservices', reps.map((r) => r.microservices)), ...budgetProblems('monolith', reps.map((r) => r.monolith)));
    const result = combineReplications(doc, opts, reps);
    failures.push(...designProblems('microservices', result.microservices), ...designProblems('monolith', result.monolith));
    if (result.cutShort && !(result.cutShort.message.length > 0)) failures.push('cutShort without a message');
    return { ran: true, cutShort: result.cutShort !== undefined, failures };
  } catch (err) {
    // A RangeError naming an option is a clear refusal (e.g. rate × duration over the request cap); anything else is a bug.
    if (err instanceof RangeError && /must|at most|offers/.test(err.message)) return { ran: false, cutShort: false, failures };
    failures.push(`the run threw: ${(err as Error).stack ?? err}`);
    return { ran: false, cutShort: false, failures };
  }
}
