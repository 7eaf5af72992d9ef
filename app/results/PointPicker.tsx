/** Chooses the sweep point the per-node, distribution and time-series views show. */
import { useAppStore, useAppStoreApi } from '../store/react';
import { fmtRate } from './format';
import { selectShownIndex } from './selectors';

export function PointPicker() {
  const store = useAppStoreApi();
  const rates = useAppStore((s) => s.run?.rates);
  const done = useAppStore((s) => s.run?.points.map((p) => p !== null).join(','));
  const shown = useAppStore(selectShownIndex);
  if (!rates || rates.length < 2) return null;
  const ready = done?.split(',') ?? [];
  return (
    <label className="ls-inline-field">
      At offered load{' '}
      <select
        data-testid="point-select"
        value={shown ?? ''}
        onChange={(e) => store.getState().selectPoint(Number(e.target.value))}
      >
        {rates.map((r, i) => (
          <option key={r} value={i} disabled={ready[i] !== 'true'}>
            {fmtRate(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
