/**
 * The blast radius of a run's scenario, both designs side by side:
 * availability, goodput, errors by cause, rejections and the time to recover
 * after the last event, or, when the run ended still missing its SLO, that it
 * did not recover (the metastable case), said in words. Below, how the
 * scenario was mapped onto the monolith. Shown only for results that carry
 * `availability` (runs of a document with scenario events).
 */
import type { ScenarioEvent } from '../../workers/engine/resilience/scenarioSchema';
import type { RunResult } from '../../workers/engine/results';
import { FAILURE_CAUSES, hasResilience, recoveryCell, recoverySentences } from '../../workers/report/blastRadius';
import { DesignTableHead, NumCell } from './ChartFrame';
import { fmtNum, fmtPct, fmtRate } from './format';
import { PatternCountsTable } from './PatternCountsTable';
import { DESIGNS, type Design } from './series';

export { hasResilience, recoveryText } from '../../workers/report/blastRadius';

/**
 * `events`: the run's scenario and `warmupSec` its warm-up, to tell a metastable failure from a run that ended too
 * soon after its last event, or from a design already out of its SLO before the first event (overloaded). The
 * sentences and cells are the report's (workers/report/blastRadius.ts): one builder for both.
 */
export function ResilienceCard({ point, events, warmupSec }: { point: RunResult; events: readonly ScenarioEvent[]; warmupSec: number }) {
  if (!hasResilience(point)) return null;
  const of = (d: Design) => point[d];
  const r = recoverySentences(point, events, warmupSec);
  const causes = FAILURE_CAUSES.filter(([k]) => DESIGNS.some((d) => (of(d).endToEnd.errorsByCause?.[k] ?? 0) > 0));
  const notes = of('monolith').deployment?.scenarioNotes ?? [];
  return (
    <figure className="ls-chart ls-resilience" data-testid="resilience-card">
      <h3 className="ls-chart-title">Blast radius: the scenario in both designs</h3>
      <p className="ls-sentence" data-testid="resilience-sentence">
        {r.summary}
        {r.overloaded && <span data-testid="resilience-overloaded"> {r.overloaded}</span>}
        {r.tooShort && <span data-testid="resilience-too-short"> {r.tooShort}</span>}
        {r.metastable && (
          <strong className="ls-metastable" data-testid="resilience-metastable">
            {' '}
            {r.metastable}
          </strong>
        )}
      </p>
      <table className="ls-table" data-testid="resilience-table">
        <DesignTableHead />
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
                  {recoveryCell(r)}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      <PatternCountsTable point={point} />
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
