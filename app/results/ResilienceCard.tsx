/**
 * The blast radius of a run's scenario, both designs side by side:
 * availability, goodput, errors by cause, rejections and the time to recover
 * after the last event, or, when the run ended still missing its SLO, that it
 * did not recover (the metastable case), said in words. Below, how the
 * scenario was mapped onto the monolith. Shown only for results that carry
 * `availability` (runs of a document with scenario events).
 */
import { RECOVERY_STABLE_WINDOWS } from '../../workers/engine/resilience/recovery';
import type { DesignResult, RunResult } from '../../workers/engine/results';
import { type ScenarioEvent, lastEventEndSec } from '../../workers/engine/resilience/scenarioSchema';
import { NumCell } from './ChartFrame';
import { fmtNum, fmtPct, fmtRate } from './format';
import { DESIGN_LABEL, DESIGNS, type Design } from './series';

/** Causes in the order the card lists them, with their names. */
const CAUSES: readonly [string, string][] = [
  ['crash', 'crashed replica'],
  ['outage', 'outage'],
  ['partition', 'partition'],
  ['error', 'injected error'],
  ['timeout', 'timeout'],
  ['dropped', 'dropped (full queue)'],
  ['rejected', 'rejected (admission)'],
  ['breakerOpen', 'breaker open'],
];

const NOT_RECOVERED = 'did not recover by the end of the run';

/** Whether a run's point carries scenario figures. */
export function hasResilience(point: RunResult): boolean {
  return point.microservices.availability !== undefined;
}

/** "recovered 4 s after the last event", "within the SLO as soon as the last event ended", or the metastable sentence. */
export function recoveryText(r: { recoverySec?: number | null; recovered?: boolean }): string {
  if (r.recoverySec === null || r.recovered === false) return NOT_RECOVERED;
  if (r.recoverySec === undefined) return '—';
  return r.recoverySec === 0 ? 'within the SLO as soon as the last event ended' : `recovered ${fmtNum(r.recoverySec)} s after the last event`;
}

/** Seconds the run went on after its last event ended (from the design's windows), or null without events. */
function secondsAfterLastEvent(design: DesignResult, events: readonly ScenarioEvent[]): number | null {
  const last = lastEventEndSec(events);
  const { startSec, windowSec } = design.timeSeries;
  if (last === null || startSec.length === 0) return null;
  return startSec[startSec.length - 1] + windowSec - last;
}

/** `events`: the run's scenario (to tell a metastable failure from a run that ended too soon after its last event). */
export function ResilienceCard({ point, events }: { point: RunResult; events: readonly ScenarioEvent[] }) {
  if (!hasResilience(point)) return null;
  const of = (d: Design) => point[d];
  const after = secondsAfterLastEvent(point.microservices, events);
  // Recovery needs RECOVERY_STABLE_WINDOWS compliant windows after the last event: a run that ends sooner cannot show one.
  const tooShort = after !== null && after < RECOVERY_STABLE_WINDOWS * point.microservices.timeSeries.windowSec;
  const causes = CAUSES.filter(([k]) => DESIGNS.some((d) => (of(d).endToEnd.errorsByCause?.[k] ?? 0) > 0));
  const notes = of('monolith').deployment?.scenarioNotes ?? [];
  const stuck = DESIGNS.filter((d) => of(d).recovered === false);
  return (
    <figure className="ls-chart ls-resilience" data-testid="resilience-card">
      <h3 className="ls-chart-title">Blast radius: the scenario in both designs</h3>
      <p className="ls-sentence" data-testid="resilience-sentence">
        {DESIGNS.map((d) => `${DESIGN_LABEL[d]}: ${fmtPct(of(d).availability)} of requests succeeded, ${recoveryText(of(d))}.`).join(' ')}
        {stuck.length > 0 && tooShort && (
          <span data-testid="resilience-too-short">
            {' '}
            The run ended {fmtNum(after ?? 0)} s after the last event, too soon to see {RECOVERY_STABLE_WINDOWS} windows within the SLO: run longer to
            tell whether {stuck.length > 1 ? 'they recover' : `the ${DESIGN_LABEL[stuck[0]].toLowerCase()} recovers`}.
          </span>
        )}
        {stuck.length > 0 && !tooShort && (
          <strong className="ls-metastable" data-testid="resilience-metastable">
            {' '}
            {stuck.length > 1 ? 'Both designs' : `The ${DESIGN_LABEL[stuck[0]].toLowerCase()}`} stayed out of {stuck.length > 1 ? 'their' : 'its'} SLO after the faults had ended: a
            metastable failure (retries or queues keep it down, not the fault).
          </strong>
        )}
      </p>
      <table className="ls-table" data-testid="resilience-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {DESIGNS.map((d) => (
              <th key={d} scope="col">
                {DESIGN_LABEL[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-key="availability">
            <th scope="row">Availability (succeeded / offered)</th>
            {DESIGNS.map((d) => (
              <NumCell key={d} k={d} value={of(d).availability ?? null} text={fmtPct(of(d).availability)} />
            ))}
          </tr>
          <tr data-key="goodputPerSec">
            <th scope="row">Goodput (within the SLO)</th>
            {DESIGNS.map((d) => (
              <NumCell key={d} k={d} value={of(d).goodputPerSec ?? null} text={fmtRate(of(d).goodputPerSec)} />
            ))}
          </tr>
          <tr data-key="throughputPerSec">
            <th scope="row">Throughput (completed)</th>
            {DESIGNS.map((d) => (
              <NumCell key={d} k={d} value={of(d).endToEnd.throughputPerSec} text={fmtRate(of(d).endToEnd.throughputPerSec)} />
            ))}
          </tr>
          {causes.map(([k, label]) => (
            <tr key={k} data-key={`cause-${k}`}>
              <th scope="row">Failed: {label}</th>
              {DESIGNS.map((d) => {
                const v = of(d).endToEnd.errorsByCause?.[k] ?? 0;
                return <NumCell key={d} k={d} value={v} text={fmtNum(v)} />;
              })}
            </tr>
          ))}
          <tr data-key="rejected">
            <th scope="row">Rejected</th>
            {DESIGNS.map((d) => {
              const v = of(d).endToEnd.rejected ?? 0;
              return <NumCell key={d} k={d} value={v} text={fmtNum(v)} />;
            })}
          </tr>
          <tr data-key="recovery">
            <th scope="row">Time to recover</th>
            {DESIGNS.map((d) => {
              const r = of(d);
              return (
                <td key={d} data-key={d} data-value={r.recoverySec ?? ''} data-testid={`recovery-${d}`} className={r.recovered === false ? 'ls-error' : undefined}>
                  {r.recovered === false || r.recoverySec === null ? NOT_RECOVERED : r.recoverySec === undefined ? '—' : `${fmtNum(r.recoverySec)} s`}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      {notes.length > 0 && (
        <div className="ls-scenario-notes" data-testid="scenario-notes">
          <div className="ls-subhead">The scenario in the monolith</div>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </figure>
  );
}
