/** Progress of the current run (points done, time left), its error, and a note when the document changed since. */
import { useAppStore } from '../store/react';
import { fmtDuration } from './format';
import { selectRunIsStale } from './selectors';
import type { AppState } from '../store/types';

/** The first cut-short note among the run's points (the object itself: a stable selection), or null. */
const selectCutShort = (s: AppState) => (s.run?.points ?? []).find((p) => p?.cutShort)?.cutShort ?? null;
const selectCutPoints = (s: AppState) => (s.run?.points ?? []).filter((p) => p?.cutShort).length;

export function RunStatus() {
  const status = useAppStore((s) => s.run?.status ?? null);
  const runId = useAppStore((s) => s.run?.id ?? null);
  const pointsDone = useAppStore((s) => s.run?.pointsDone ?? 0);
  const points = useAppStore((s) => s.run?.rates.length ?? 0);
  const jobsDone = useAppStore((s) => s.run?.jobsDone ?? 0);
  const jobsTotal = useAppStore((s) => s.run?.jobsTotal ?? 0);
  const eta = useAppStore((s) => s.run?.etaSec ?? null);
  const error = useAppStore((s) => s.run?.error ?? null);
  const stale = useAppStore(selectRunIsStale);
  const cut = useAppStore(selectCutShort);
  const cutPoints = useAppStore(selectCutPoints);
  if (status === null) return null;
  const label = points === 1 ? 'run' : 'points';
  return (
    <div className="ls-run-status" data-testid="run-status" data-status={status} data-run-id={runId ?? undefined}>
      <progress
        max={jobsTotal}
        value={jobsDone}
        data-testid="progress"
        data-points-done={pointsDone}
        data-points={points}
        aria-label={`${pointsDone} of ${points} ${label} done`}
      />
      <span data-testid="progress-text">
        {pointsDone} / {points} {label} done
        {status === 'running' && eta !== null && ` · about ${fmtDuration(eta)} left`}
        {status === 'cancelled' && ' · cancelled'}
      </span>
      {error && (
        <span className="ls-error" role="alert" data-testid="run-error">
          {error}
        </span>
      )}
      {cut && (
        <span className="ls-error" role="status" data-testid="cut-short" data-reason={cut.reason}>
          {cutPoints > 1 ? `${cutPoints} points were cut short. ` : ''}
          {cut.message}
        </span>
      )}
      {stale && status !== 'running' && <span className="ls-hint" data-testid="run-stale">The document changed since this run: run again to update the results.</span>}
    </div>
  );
}
