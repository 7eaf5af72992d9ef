/**
 * The verdict headline over the load curves after a sweep: the same sentences
 * as the report's verdict (workers/report/verdict.ts, built from the same
 * report input), so screen and export never disagree. Until the automatic
 * capacity search ends, the capacities are the sweep's own (said as "at least").
 */
import { useMemo } from 'react';
import { capSentence } from '../../workers/report/overload';
import { verdictOf } from '../../workers/report/verdict';
import { reportInputFromState } from '../report/reportInput';
import { useAppStore, useAppStoreApi } from '../store/react';

export function SweepVerdict() {
  const store = useAppStoreApi();
  const run = useAppStore((s) => s.run);
  const capacity = useAppStore((s) => s.capacity);
  const selected = useAppStore((s) => s.selectedPoint);
  const stage = useAppStore((s) => s.resultsStage || s.presenting);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the input is read from the store again when any of these change
  const verdict = useMemo(() => {
    if (run?.kind !== 'sweep' || run.status !== 'done') return null;
    const { input } = reportInputFromState(store.getState(), '');
    if (!input.sweep) return null;
    const capped = [...input.sweep.points].reverse().find((p) => capSentence(input.doc, p));
    return { ...verdictOf(input), cap: capped ? capSentence(input.doc, capped) : null };
  }, [store, run, capacity, selected]);
  if (!verdict) return null;
  const searching = capacity?.status === 'running';
  return (
    <div className="ls-sweep-verdict" data-testid="sweep-verdict" data-source={verdict.source} role="status">
      <p className="ls-verdict">{verdict.headline}</p>
      <p className="ls-sentence">
        {verdict.cost}
        {searching && <span className="ls-hint"> Searching each design's capacity at the SLO…</span>}
      </p>
      {verdict.cap && (
        <p className="ls-sentence ls-cap-note" data-testid="cap-note">
          {verdict.cap}
        </p>
      )}
      {verdict.reason && (
        // Open on the results stage; in the split a click away, so the charts keep their room.
        <details className="ls-reason" open={stage} key={String(stage)}>
          <summary>Why</summary>
          <p className="ls-sentence">{verdict.reason}</p>
        </details>
      )}
    </div>
  );
}
