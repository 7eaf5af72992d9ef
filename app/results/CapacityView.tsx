/** Capacity at SLO: the search button, its progress, and the one-sentence verdict with costs. */
import { runControllerFor } from '../run/controller';
import { useAppStore, useAppStoreApi } from '../store/react';
import { fmtMoney, fmtRate } from './format';
import { selectCapacity, selectCapacityIsStale } from './selectors';
import { capacityVerdict, sloText } from './verdict';

export function CapacityView() {
  const store = useAppStoreApi();
  const cap = useAppStore(selectCapacity);
  const slo = useAppStore((s) => s.doc.slo);
  const stale = useAppStore(selectCapacityIsStale);
  const running = cap?.status === 'running';
  // A closed workload's users ignore the rate: a bisection over the rate says nothing about them.
  const closed = useAppStore((s) => s.doc.workload.model === 'closed');
  if (closed) {
    return (
      <section className="ls-capacity" aria-label="Capacity at SLO">
        <h3 className="ls-chart-title">Capacity at the SLO</h3>
        <p className="ls-hint" data-testid="capacity-closed">
          This document has a closed workload: its users set the load, not a rate, so there is no capacity search over the rate. Run a sweep: its
          verdict gives the most users each design serves within {sloText(slo)}.
        </p>
      </section>
    );
  }
  const verdict = cap?.status === 'done' && cap.microservices && cap.monolith ? capacityVerdict(cap) : null;
  return (
    <section className="ls-capacity" aria-label="Capacity at SLO">
      <h3 className="ls-chart-title">Capacity at the SLO</h3>
      <p className="ls-hint">
        The highest offered load each design sustains with {sloText(slo)} (not saturated, under 1% failed), found by bisection over the rate with the
        simulation engine (same duration, seed and replications as the run). Change the SLO in the run panel.
      </p>
      <button type="button" className="ls-button primary" disabled={running} onClick={() => void runControllerFor(store).findCapacity()} data-testid="find-capacity">
        {running ? `Searching… (${cap.evaluations} runs)` : 'Find capacity at SLO'}
      </button>
      {cap?.status === 'done' && cap.microservices && cap.monolith && (
        <div data-testid="verdict" data-micro={cap.microservices.capacityPerSec} data-mono={cap.monolith.capacityPerSec}>
          {stale && (
            <p className="ls-hint" data-testid="capacity-stale">
              The design changed since this search: these figures are for the design as it was. Search again to update them.
            </p>
          )}
          <p className="ls-verdict">{verdict?.headline}</p>
          <p className="ls-sentence">{verdict?.cost}</p>
          <table className="ls-table" data-testid="capacity-table">
            <thead>
              <tr>
                <th scope="col">Design</th>
                <th scope="col">Capacity</th>
                <th scope="col">Misses the SLO at</th>
                <th scope="col">Cost per hour</th>
                <th scope="col">Cost per million requests</th>
              </tr>
            </thead>
            <tbody>
              {(['microservices', 'monolith'] as const).map((d) => {
                const c = cap[d]!;
                const r = c.atCapacity?.[d];
                return (
                  <tr key={d}>
                    <th scope="row">{d === 'monolith' ? 'Monolith' : 'Microservices'}</th>
                    <td data-value={c.capacityPerSec}>{fmtRate(c.capacityPerSec)}</td>
                    <td>{fmtRate(c.failsAtPerSec)}</td>
                    <td>{fmtMoney(r?.costPerHour)}</td>
                    <td>{fmtMoney(r?.costPerMillionRequests)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cap?.status === 'error' && (
        <p className="ls-error" role="alert" data-testid="capacity-error">
          {cap.error}
        </p>
      )}
      {cap?.status === 'cancelled' && <p className="ls-hint">Search cancelled.</p>}
    </section>
  );
}
