/**
 * Right-sizing: the cheapest configuration of each design meeting the SLO at
 * a target rate (analytic search, confirmed by simulation in the worker),
 * both designs' cost per hour side by side.
 */
import { useState } from 'react';
import type { RightSizedDesign, RightSizeResult } from '../../workers/engine/rightsize';
import { studyWorker } from '../worker/engineClient';
import { useAppStore } from '../store/react';
import { fmtMoney, fmtMs } from './format';
import { sloText } from './verdict';

type State = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: RightSizeResult; docName: string } | { status: 'error'; message: string };

function configText(d: RightSizedDesign): string {
  const reps = Object.entries(d.replicas).map(([id, r]) => `${id} ×${r}`);
  const unit = d.unitReplicas !== undefined ? [`${d.unitReplicas} × ${d.hardware ?? 'unit'}`] : [];
  return [...unit, ...reps].join(', ') || '—';
}

export function RightSizeView() {
  const doc = useAppStore((s) => s.doc);
  const [rate, setRate] = useState<number>(doc.workload.ratePerSec);
  const [state, setState] = useState<State>({ status: 'idle' });
  const start = async () => {
    setState({ status: 'running' });
    try {
      const result = await studyWorker().rightSize(doc, rate, { durationSec: doc.run.durationSec, seed: doc.run.seed, replications: doc.run.replications });
      setState({ status: 'done', result, docName: doc.name });
    } catch (err) {
      setState({ status: 'error', message: (err as Error).message });
    }
  };
  if (doc.workload.model === 'closed') {
    return (
      <section className="ls-capacity" aria-label="Right-size" data-testid="rightsize-view">
        <h3 className="ls-chart-title">Right-size both designs</h3>
        <p className="ls-hint" data-testid="rightsize-closed">
          This document has a closed workload: its users set the load, not a rate, so there is no target rate to right-size for. Switch the workload
          to open in the document inspector to right-size it, or sweep the users to see how many each design serves within {sloText(doc.slo)}.
        </p>
      </section>
    );
  }
  return (
    <section className="ls-capacity" aria-label="Right-size" data-testid="rightsize-view">
      <h3 className="ls-chart-title">Right-size both designs</h3>
      <p className="ls-hint">
        The cheapest configuration of each design that meets {sloText(doc.slo)} at the target rate: replicas per node for the microservices, whole
        replicas of the unit for the monolith. Searched with the analytic model, then confirmed by simulating the run settings' duration.
      </p>
      <div className="ls-inline-field">
        <label htmlFor="ls-rightsize-rate">Target rate (req/s)</label>
        <input id="ls-rightsize-rate" className="ls-rightsize-rate" type="number" min={0} value={rate} onChange={(e) => setRate(Number(e.target.value))} data-testid="rightsize-rate" />
        <button type="button" className="ls-button primary" disabled={state.status === 'running' || !(rate > 0)} onClick={() => void start()} data-testid="rightsize-run">
          {state.status === 'running' ? 'Searching…' : 'Right-size'}
        </button>
      </div>
      {state.status === 'error' && <p className="ls-field-error">{state.message}</p>}
      {state.status === 'done' && (
        <div className="ls-table-wrap">
        <table className="ls-table ls-rightsize-table" data-testid="rightsize-table">
          <thead>
            <tr>
              <th scope="col">Design</th>
              <th scope="col">Cost per hour</th>
              <th scope="col">Configuration</th>
              <th scope="col">Simulated {state.result.slo.percentile}</th>
              <th scope="col">Meets the SLO</th>
            </tr>
          </thead>
          <tbody>
            {(['microservices', 'monolith'] as const).map((k) => {
              const d = state.result[k];
              return (
                <tr key={k} data-testid={`rightsize-${k}`} data-cost={d.costPerHour}>
                  <th scope="row">{k === 'monolith' ? 'Monolith' : 'Microservices'}</th>
                  <td>{d.found ? `${fmtMoney(d.costPerHour)}/h` : 'none found'}</td>
                  <td>{configText(d)}</td>
                  <td>{fmtMs(d.simulatedMs)}</td>
                  <td>{d.confirmed ? 'yes' : 'no'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
