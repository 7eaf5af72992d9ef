/**
 * Run history over the load curves: pin the run on screen (kept beyond the
 * last five), and pick a saved run, of this or an earlier design version, to
 * draw beside it on the latency and throughput charts.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { RunResult } from '../../workers/engine/results';
import { compareWith, designVersion, pinRun, runHistoryView, type SavedRun } from '../persist/runHistory';
import { useAppStore } from '../store/react';
import { donePoints } from './series';

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** How a saved run is named in the picker, the chart key and the tables: its time and its design version. */
export function runName(r: SavedRun): string {
  return `run ${clock(r.savedAt)}, design ${designVersion(r.run.doc)}`;
}

/** The microservice curve of the run chosen for comparison (null: none). */
export interface CompareSeries {
  label: string;
  points: RunResult[];
}

export function useCompareSeries(): CompareSeries | null {
  const runs = useStore(runHistoryView, (v) => v.runs);
  const at = useStore(runHistoryView, (v) => v.compareAt);
  const current = useStore(runHistoryView, (v) => v.current);
  return useMemo(() => {
    const r = at === current ? undefined : runs.find((x) => x.savedAt === at);
    return r && r.run.kind === 'sweep' ? { label: runName(r), points: donePoints(r.run.points) } : null;
  }, [runs, at, current]);
}

export function RunCompare() {
  const runs = useStore(runHistoryView, (v) => v.runs);
  const current = useStore(runHistoryView, (v) => v.current);
  const compareAt = useStore(runHistoryView, (v) => v.compareAt);
  const doc = useAppStore((s) => s.run?.doc);
  const done = useAppStore((s) => s.run?.status === 'done');
  const mine = runs.find((r) => r.savedAt === current);
  const others = runs.filter((r) => r.savedAt !== current && r.run.kind === 'sweep');
  if (!doc || (!mine && !others.length)) return null;
  return (
    <div className="ls-run-compare" data-testid="run-compare">
      <span className="ls-hint" data-testid="run-current-design">
        This run: design {designVersion(doc)}
      </span>
      {mine && done && (
        <button type="button" className="ls-button" aria-pressed={mine.pinned} data-testid="run-pin" onClick={() => void pinRun(mine.savedAt, !mine.pinned)}>
          {mine.pinned ? '★ Pinned' : '☆ Pin run'}
        </button>
      )}
      {others.length > 0 && (
        <label>
          Compare with{' '}
          <select data-testid="run-compare-select" value={compareAt !== null && compareAt !== current ? String(compareAt) : ''} onChange={(e) => void compareWith(e.target.value ? Number(e.target.value) : null)}>
            <option value="">none (monolith only)</option>
            {others.map((r) => (
              <option key={r.savedAt} value={r.savedAt}>
                {`${r.pinned ? '★ ' : ''}${runName(r)}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
