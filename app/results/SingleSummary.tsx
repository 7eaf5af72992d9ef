/** A single run: both designs' end-to-end figures side by side, with the analytic mean and the SLO check. */
import type { RunResult } from '../../workers/engine/results';
import type { Slo, Topology } from '../../workers/engine/schema';
import { capSentence } from '../../workers/report/overload';
import { meetsSlo } from '../run/capacity';
import { DesignTableHead, NumCell } from './ChartFrame';
import { fmtMoney, fmtMs, fmtNum, fmtRate } from './format';
import { DESIGN_LABEL, DESIGNS } from './series';
import { sloText } from './verdict';
import { pointLoadText } from '../../workers/report/closedText';

const ROWS = [
  ['throughputPerSec', 'Throughput', fmtRate],
  ['meanMs', 'Mean', fmtMs],
  ['p50Ms', 'p50', fmtMs],
  ['p95Ms', 'p95', fmtMs],
  ['p99Ms', 'p99', fmtMs],
  ['p999Ms', 'p99.9', fmtMs],
  ['maxMs', 'Max', fmtMs],
  ['completed', 'Completed', fmtNum],
  ['errors', 'Errors', fmtNum],
  ['dropped', 'Dropped', fmtNum],
] as const;

export function SingleSummary({ point, slo, doc }: { point: RunResult; slo: Slo; doc: Topology }) {
  const cap = capSentence(doc, point);
  const verdict = DESIGNS.map((d) => `${DESIGN_LABEL[d].toLowerCase()} ${meetsSlo(point[d], slo) ? 'meets' : 'misses'} it`).join(', ');
  return (
    <figure className="ls-chart" data-testid="single-summary">
      <h3 className="ls-chart-title">One run at {pointLoadText(point)}</h3>
      <p className="ls-sentence" data-testid="single-verdict">
        SLO ({sloText(slo)}): {verdict}.
      </p>
      <table className="ls-table" data-testid="single-table">
        <DesignTableHead />
        <tbody>
          {ROWS.map(([k, label, f]) => (
            <tr key={k} data-key={k}>
              <th scope="row">{k === 'dropped' && cap ? 'Dropped by the safety cap' : label}</th>
              {DESIGNS.map((d) => {
                const v = point[d].endToEnd[k];
                const ci = k === 'throughputPerSec' || k === 'meanMs' || k === 'p50Ms' || k === 'p95Ms' || k === 'p99Ms' || k === 'p999Ms' ? point[d].endToEnd.ci95?.[k] : undefined;
                return <NumCell key={d} k={d} value={v} text={ci !== undefined && Number.isFinite(ci) ? `${f(v)} ± ${f(ci)}` : f(v)} />;
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">Analytic mean</th>
            {DESIGNS.map((d) => (
              <NumCell key={d} k={d} value={point.analytic[d].meanMs} text={fmtMs(point.analytic[d].meanMs)} />
            ))}
          </tr>
          <tr>
            <th scope="row">Cost per million requests</th>
            {DESIGNS.map((d) => (
              <NumCell key={d} k={d} value={point[d].costPerMillionRequests} text={fmtMoney(point[d].costPerMillionRequests)} />
            ))}
          </tr>
        </tbody>
      </table>
      {cap && (
        <p className="ls-sentence ls-cap-note" data-testid="cap-note">
          {cap}
        </p>
      )}
      {DESIGNS.some((d) => point.analytic[d].notCovered.length > 0) && (
        <p className="ls-hint">Analytic model: {[...new Set(DESIGNS.flatMap((d) => point.analytic[d].notCovered))].join(' ')}</p>
      )}
    </figure>
  );
}
