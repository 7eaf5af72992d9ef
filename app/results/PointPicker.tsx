/** Chooses the sweep point the per-node, distribution and time-series views show. */
import { useAppStore, useAppStoreApi } from '../store/react';
import { fmtRate } from './format';
import { fmtUsers } from '../../workers/report/closedText';
import { selectShownIndex } from './selectors';

export function PointPicker() {
  const store = useAppStoreApi();
  // A closed workload's run keeps each point's users in `rates`.
  const rates = useAppStore((s) => s.run?.rates);
  const closed = useAppStore((s) => s.run?.doc.workload.model === 'closed');
  const done = useAppStore((s) => s.run?.points.map((p) => p !== null).join(','));
  const shown = useAppStore(selectShownIndex);
  if (!rates || rates.length < 2) return null;
  const ready = done?.split(',') ?? [];
  return (
    <label className="ls-inline-field">
      {closed ? 'At' : 'At offered load'}{' '}
      <select
        data-testid="point-select"
        value={shown ?? ''}
        onChange={(e) => store.getState().selectPoint(Number(e.target.value))}
      >
        {rates.map((r, i) => (
          <option key={r} value={i} disabled={ready[i] !== 'true'}>
            {closed ? fmtUsers(r) : fmtRate(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
