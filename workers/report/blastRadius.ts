/**
 * The blast radius of a run's scenario in words, both designs: the failure
 * causes in the order they are listed, the time to recover (or that the run
 * did not), and the recovery sentence with its two endings: the run ended too
 * soon after the last event to tell, or the design stayed out of its SLO (a
 * metastable failure, or already overloaded before it). The studio's
 * blast-radius card (app/results/ResilienceCard.tsx) uses these too: one
 * builder for the card and the report.
 */
import { RECOVERY_STABLE_WINDOWS } from '../engine/resilience/recovery';
import { type ScenarioEvent, lastEventEndSec } from '../engine/resilience/scenarioSchema';
import type { DesignResult, RunResult } from '../engine/results';
import { fmtNum, fmtPct, fmtRate } from './format';

type Design = 'microservices' | 'monolith';
const DESIGNS: readonly Design[] = ['microservices', 'monolith'];
const DESIGN_LABEL: Record<Design, string> = { microservices: 'Microservices', monolith: 'Monolith' };

/** Failure causes (keys of `endToEnd.errorsByCause`) in the order they are listed, with their names. */
export const FAILURE_CAUSES: readonly (readonly [string, string])[] = [
  ['crash', 'crashed replica'],
  ['outage', 'outage'],
  ['partition', 'partition'],
  ['error', 'injected error'],
  ['timeout', 'timeout'],
  ['dropped', 'dropped (full queue)'],
  ['rejected', 'rejected (admission)'],
  ['breakerOpen', 'breaker open'],
];

export const NOT_RECOVERED = 'did not recover by the end of the run';

/** Whether a run carries scenario figures (a run of a document with events). */
export function hasResilience(point: RunResult): boolean {
  return point.microservices.availability !== undefined;
}

/** "recovered 4 s after the last event", "within the SLO as soon as the last event ended", or the metastable phrase. */
export function recoveryText(r: { recoverySec?: number | null; recovered?: boolean }): string {
  if (r.recoverySec === null || r.recovered === false) return NOT_RECOVERED;
  if (r.recoverySec === undefined) return '—';
  return r.recoverySec === 0 ? 'within the SLO as soon as the last event ended' : `recovered ${fmtNum(r.recoverySec)} s after the last event`;
}

/** The time to recover as a table cell: "4 s", the metastable phrase, or "—". */
export function recoveryCell(r: { recoverySec?: number | null; recovered?: boolean }): string {
  return r.recovered === false || r.recoverySec === null ? NOT_RECOVERED : r.recoverySec === undefined ? '—' : `${fmtNum(r.recoverySec)} s`;
}

/** Seconds the run went on after its last event ended (from the design's windows), or null without events. */
export function secondsAfterLastEvent(design: DesignResult, events: readonly ScenarioEvent[]): number | null {
  const last = lastEventEndSec(events);
  const { startSec, windowSec } = design.timeSeries;
  if (last === null || startSec.length === 0) return null;
  return startSec[startSec.length - 1] + windowSec - last;
}

/**
 * Whether the design was already missing its SLO before the scenario began: over the measured windows that end by
 * the first event's start (after `warmupSec`), at least half the time counted as SLO violation. False when no such
 * window exists (the first event starts within a window of the warm-up's end).
 */
export function outOfSloBeforeFirstEvent(design: DesignResult, events: readonly ScenarioEvent[], warmupSec: number): boolean {
  if (events.length === 0) return false;
  const firstSec = Math.min(...events.map((e) => e.atSec));
  const { startSec, windowSec, sloViolationSec } = design.timeSeries;
  let windows = 0;
  let violatingSec = 0;
  for (let k = 0; k < startSec.length; k++) {
    if (startSec[k] < warmupSec - 1e-9 || startSec[k] + windowSec > firstSec + 1e-9) continue;
    windows++;
    violatingSec += sloViolationSec[k];
  }
  return windows > 0 && violatingSec >= 0.5 * windows * windowSec;
}

/** The recovery of both designs in sentences: what happened, then (when a design did not recover) why it cannot tell or that it is metastable. */
export interface RecoverySentences {
  /** "Microservices: 99.9% of requests succeeded, recovered 4 s after the last event. Monolith: …" */
  summary: string;
  /** When a design did not recover but the run ended before RECOVERY_STABLE_WINDOWS windows after the last event. */
  tooShort: string | null;
  /** When a design did not recover although the run went on long enough: the metastable failure. */
  metastable: string | null;
  /**
   * When a design did not recover but was already missing its SLO before the first event (report only, given
   * `warmupSec`): overloaded at this load, which is not a metastable failure.
   */
  overloaded: string | null;
}

/**
 * `warmupSec` (the run's warm-up): when given, a design that did not recover but was already out of its SLO before
 * the first event is said to be overloaded rather than metastable (the studio's card and the report both pass it).
 */
export function recoverySentences(point: RunResult, events: readonly ScenarioEvent[], warmupSec?: number): RecoverySentences {
  const summary = DESIGNS.map((d) => `${DESIGN_LABEL[d]}: ${fmtPct(point[d].availability)} of requests succeeded, ${recoveryText(point[d])}.`).join(' ');
  const after = secondsAfterLastEvent(point.microservices, events);
  // Recovery needs RECOVERY_STABLE_WINDOWS compliant windows after the last event: a run that ends sooner cannot show one.
  const short = after !== null && after < RECOVERY_STABLE_WINDOWS * point.microservices.timeSeries.windowSec;
  const notRecovered = DESIGNS.filter((d) => point[d].recovered === false);
  const before = DESIGNS.filter((d) => notRecovered.includes(d) && warmupSec !== undefined && outOfSloBeforeFirstEvent(point[d], events, warmupSec));
  const overloaded = before.length
    ? `${before.length > 1 ? 'Both designs were' : `The ${DESIGN_LABEL[before[0]].toLowerCase()} was`} already missing ${before.length > 1 ? 'their' : 'its'} SLO before the first event: overloaded at ${fmtRate(point.ratePerSec)}, not held down by the fault.`
    : null;
  const stuck = notRecovered.filter((d) => !before.includes(d));
  if (stuck.length === 0) return { summary, tooShort: null, metastable: null, overloaded };
  const who = stuck.length > 1 ? 'they recover' : `the ${DESIGN_LABEL[stuck[0]].toLowerCase()} recovers`;
  if (short) {
    return {
      summary,
      tooShort: `The run ended ${fmtNum(after ?? 0)} s after the last event, too soon to see ${RECOVERY_STABLE_WINDOWS} windows within the SLO: run longer to tell whether ${who}.`,
      metastable: null,
      overloaded,
    };
  }
  const subject = stuck.length > 1 ? 'Both designs' : `The ${DESIGN_LABEL[stuck[0]].toLowerCase()}`;
  return {
    summary,
    tooShort: null,
    metastable: `${subject} stayed out of ${stuck.length > 1 ? 'their' : 'its'} SLO after the faults had ended: a metastable failure (retries or queues keep it down, not the fault).`,
    overloaded,
  };
}
