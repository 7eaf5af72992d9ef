/** The trace import's fit report: each service's self time, trace against fitted model. */
import type { FitReport } from '../../workers/interop/traces/fitReport';

const ms = (x: number) => x.toFixed(2);

export function FitTable({ fit }: { fit: FitReport }) {
  return (
    <details className="ls-import-fit">
      <summary>
        Fit report: self time per service, trace against model{fit.entryRatePerSec !== null ? ` · entry rate ${fit.entryRatePerSec.toFixed(1)} req/s` : ''}
      </summary>
      <table className="ls-table" data-testid="import-fit">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Spans</th>
            <th scope="col">p50 ms trace / model</th>
            <th scope="col">p99 ms trace / model</th>
            <th scope="col">mean ms trace / model</th>
          </tr>
        </thead>
        <tbody>
          {fit.services.map((s) => (
            <tr key={s.service}>
              <th scope="row">{s.service}</th>
              <td>{s.samples}</td>
              <td>
                {ms(s.trace.p50Ms)} / {ms(s.model.p50Ms)}
              </td>
              <td>
                {ms(s.trace.p99Ms)} / {ms(s.model.p99Ms)}
              </td>
              <td>
                {ms(s.trace.meanMs)} / {ms(s.model.meanMs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
