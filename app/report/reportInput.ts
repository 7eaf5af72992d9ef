/**
 * The report's input from the studio's state: the same run objects the
 * results panel shows (the finished sweep, the capacity search, the point the
 * per-node view shows), so every exported number equals the one on screen.
 */
import { capacityResult, designCapacity } from '../../workers/engine/capacity';
import type { RunResult, SweepResult } from '../../workers/engine/results';
import { resolveRun } from '../../workers/engine/run';
import { hasResilience } from '../../workers/report/blastRadius';
import { type DaySeries, dayOf } from '../../workers/report/daySeries';
import type { ReportInput } from '../../workers/report/model';
import { selectShownPoint } from '../results/selectors';
import type { AppState } from '../store/types';

/** The sweep in the store when it is a finished sweep (every point present), else null. */
export function finishedSweep(s: AppState): SweepResult | null {
  const r = s.run;
  if (r?.kind !== 'sweep' || r.status !== 'done' || r.points.some((p) => p === null)) return null;
  return { points: r.points as RunResult[] };
}

/** The day charts of the run on screen when it is a finished run of a document that autoscales, else null. */
function finishedDay(s: AppState): DaySeries | null {
  const r = s.run;
  if (r?.status !== 'done') return null;
  const point = selectShownPoint(s);
  return point ? dayOf(r.doc, point) : null;
}

/** The run on screen when it is a finished single run whose results carry scenario figures (a document with events), else null. */
function finishedScenarioRun(s: AppState): RunResult | null {
  const r = s.run;
  if (r?.kind !== 'single' || r.status !== 'done') return null;
  const point = selectShownPoint(s);
  return point && hasResilience(point) ? point : null;
}

/** What the report will contain, and why something is missing (for a message to the user). */
export function reportInputFromState(s: AppState, generatedAt: string): { input: ReportInput; notes: string[] } {
  const sweep = finishedSweep(s);
  const notes: string[] = [];
  const day = finishedDay(s);
  const scenarioRun = sweep ? null : finishedScenarioRun(s);
  const doc = (sweep || day || scenarioRun) && s.run ? s.run.doc : s.doc;
  if (!sweep && scenarioRun) notes.push('No load sweep: the report has the design, its assumptions and the fault scenario of the single run. Run a sweep for the load curves and the verdict.');
  else if (!sweep && day) notes.push('No load sweep: the report has the design, its assumptions and the day of autoscaled traffic. Run a sweep for the load curves and the verdict.');
  else if (!sweep) notes.push('No finished load sweep: the report has the design and its assumptions only. Run a sweep for the charts and the verdict.');
  else if (s.run && s.run.doc !== s.doc) notes.push('The design changed since the sweep: the report shows the design as it was run.');
  if (!sweep && scenarioRun && s.run && s.run.doc !== s.doc) notes.push('The design changed since the run: the report shows the design as it was run.');
  const c = s.capacity;
  // Only a search of the very design the report shows: not one from before (or after) an edit.
  const sameDesign = c !== null && c.doc === doc;
  if (sweep && c?.status === 'done' && !sameDesign) notes.push('The capacity search was made on another version of the design, so the report leaves it out: press "Find capacity" again to include it.');
  const capacity =
    sweep && sameDesign && c?.status === 'done' && c.microservices && c.monolith
      ? capacityResult(
          c.slo,
          designCapacity('microservices', c.slo, c.microservices.atCapacity, c.microservices.failsAtPerSec, sweep.points[0]),
          designCapacity('monolith', c.slo, c.monolith.atCapacity, c.monolith.failsAtPerSec, sweep.points[0]),
          c.evaluations,
        )
      : null;
  if (sweep && !capacity && !(c?.status === 'done' && !sameDesign)) notes.push('No capacity search yet: press "Find capacity" for the verdict at the SLO.');
  const resolved = resolveRun(doc, {});
  const shown = sweep ? selectShownPoint(s) : null;
  return {
    input: {
      doc,
      sweep,
      capacity,
      settings: {
        durationSec: resolved.durationSec,
        warmupSec: resolved.warmupSec,
        seed: resolved.seed,
        replications: s.run?.replications ?? resolved.replications,
        steps: sweep ? sweep.points.length : 0,
      },
      detailRatePerSec: shown?.users ?? shown?.ratePerSec,
      generatedBy: 'the Loadsketch studio',
      generatedAt,
      day,
      scenarioRun,
    },
    notes,
  };
}
