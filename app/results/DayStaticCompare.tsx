/**
 * The autoscaled day beside the right-sized static configuration: the
 * cheapest fixed replica counts meeting the SLO at the day's peak rate (the
 * Right-size study, run on the document without its autoscalers), paid for
 * the whole run, against what the autoscalers spent.
 */
import { useState } from 'react';
import type { RightSizeResult } from '../../workers/engine/rightsize';
import type { Topology } from '../../workers/engine/schema';
import type { DaySeries } from '../../workers/report/daySeries';
import { staticDayCost, staticDocument } from '../../workers/report/dayStatic';
import { useAppStore } from '../store/react';
import { studyWorker } from '../worker/engineClient';
import { NumCell } from './ChartFrame';
import { fmtMoney, fmtRate } from './format';
import { DESIGN_LABEL, DESIGNS } from './series';
import { sloText } from './verdict';

/** Simulated seconds of the right-size confirmation (a day would be far longer than the search needs). */
const CONFIRM_SEC = 120;

type State = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: RightSizeResult } | { status: 'error'; message: string };

export function DayStaticCompare({ series }: { series: DaySeries }) {
  const doc = useAppStore((s) => s.run?.doc ?? null);
  const [state, setState] = useState<State>({ status: 'idle' });
  if (!doc) return null;
  const { ratePerSec: peak, doc: fixed } = staticDocument(doc);
  const hours = doc.run.durationSec / 3600;
  const start = async (d: Topology) => {
    setState({ status: 'running' });
    try {
      const result = await studyWorker().rightSize(d, peak, { durationSec: Math.min(CONFIRM_SEC, d.run.durationSec), seed: d.run.seed, replications: 1 });
      setState({ status: 'done', result });
    } catch (err) {
      setState({ status: 'error', message: (err as Error).message });
    }
  };
  return (
    <section className="ls-chart" data-testid="day-static" aria-label="Autoscaled against static">
      <h3 className="ls-chart-title">Autoscaled against the right-sized static configuration</h3>
      <p className="ls-hint">
        A static deployment must hold the peak: the cheapest fixed replica counts meeting {sloText(doc.slo)} at {fmtRate(peak)} (the Right-size search, without
        the autoscalers), paid for {Number(hours.toPrecision(3))} h.
      </p>
      <button type="button" className="ls-button" disabled={state.status === 'running'} onClick={() => void start(fixed)} data-testid="day-static-run">
        {state.status === 'running' ? 'Searching…' : 'Right-size for the peak'}
      </button>
      {state.status === 'error' && <p className="ls-field-error">{state.message}</p>}
      {state.status === 'done' && (
        <div className="ls-table-wrap">
        <table className="ls-table" data-testid="day-static-table">
          <thead>
            <tr>
              <th scope="col">Design</th>
              <th scope="col">Autoscaled (this run)</th>
              <th scope="col">Static, right-sized for the peak</th>
              <th scope="col">Static ÷ autoscaled</th>
            </tr>
          </thead>
          <tbody>
            {DESIGNS.map((d) => {
              const auto = series.totals[d].costTotal;
              const fixedCost = staticDayCost(state.result[d], doc.run.durationSec);
              return (
                <tr key={d} data-testid={`day-static-${d}`}>
                  <th scope="row">{DESIGN_LABEL[d]}</th>
                  <NumCell value={auto} text={fmtMoney(auto)} />
                  <NumCell value={fixedCost} text={state.result[d].found ? fmtMoney(fixedCost) : 'none found'} />
                  <NumCell value={fixedCost / auto} text={Number.isFinite(fixedCost / auto) ? `${(fixedCost / auto).toFixed(2)}×` : '—'} />
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
