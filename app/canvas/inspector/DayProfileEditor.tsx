/**
 * A day of traffic: presets (diurnal, flash crowd, weekly peak) written as the
 * workload's profile points around a mean rate, a small chart of the profile,
 * and its mean / peak / trough. Applying a preset sets the run to one day and
 * points the run panel at the document's profile, so Run plays the day.
 */
import { useId, useState } from 'react';
import type { ProfilePoint, Topology } from '../../../workers/engine/schema';
import { DAY_PRESET_LABEL, DAY_PRESETS, DAY_SEC, type DayPreset, dayPresetProfile, profileSummary } from '../../run/dayPresets';
import { Tooltip } from '../../shell/Tooltip';
import { useAppStoreApi } from '../../store/react';

const fmt = (v: number) => String(Number(v.toPrecision(3)));

/** The document with a day preset: profile, mean rate, a one-day run (its warm-up kept when shorter). */
export function applyDayPreset(doc: Topology, preset: DayPreset, meanRatePerSec: number): Topology {
  const profile = dayPresetProfile(preset, meanRatePerSec);
  return {
    ...doc,
    workload: { ...doc.workload, ratePerSec: meanRatePerSec, profile },
    run: { ...doc.run, durationSec: DAY_SEC, warmupSec: Math.min(doc.run.warmupSec, DAY_SEC / 2) },
  };
}

export function DayProfileEditor({ profile, ratePerSec }: { profile: ProfilePoint[] | null; ratePerSec: number }) {
  const store = useAppStoreApi();
  const id = useId();
  const [preset, setPreset] = useState<DayPreset>('diurnal');
  const [mean, setMean] = useState<string>(String(ratePerSec));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const m = Number(mean.trim());
    if (!(m > 0) || mean.trim() === '') {
      setError('Mean rate: must be a number greater than 0 (req/s)');
      return;
    }
    const problems = store.getState().edit((d) => applyDayPreset(d, preset, m));
    if (problems.length) {
      setError(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
      return;
    }
    setError(null);
    store.getState().setRunForm({ mode: 'single', profile: 'document' });
  };
  return (
    <div className="ls-day-profile" data-testid="day-profile">
      <div className="ls-list-title">Day of traffic</div>
      <div className="ls-field">
        <label htmlFor={`${id}-preset`}>Preset</label>
        <select id={`${id}-preset`} value={preset} onChange={(e) => setPreset(e.target.value as DayPreset)} data-testid="day-preset">
          {DAY_PRESETS.map((p) => (
            <option key={p} value={p}>
              {DAY_PRESET_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="ls-row ls-day-apply">
        <div className={`ls-field${error ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-mean`}>
            Mean rate <span className="ls-unit">(req/s)</span>
          </label>
          <input
            id={`${id}-mean`}
            type="text"
            inputMode="decimal"
            value={mean}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-err` : undefined}
            onChange={(e) => setMean(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && apply()}
            data-testid="day-mean"
          />
        </div>
        <Tooltip content="Write the preset's points into the load profile and set the run to one day">
          <button type="button" className="ls-button" onClick={apply} data-testid="day-apply">
            Use this day
          </button>
        </Tooltip>
      </div>
      {error && (
        <div className="ls-field-error" id={`${id}-err`} role="alert" data-testid="error-day-mean">
          {error}
        </div>
      )}
      {profile && profile.length > 1 && <ProfileChart points={profile} />}
    </div>
  );
}

const W = 280;
const H = 64;

/** The profile as a line over its span, with its mean, peak and trough. */
export function ProfileChart({ points }: { points: readonly ProfilePoint[] }) {
  const s = profileSummary(points);
  const t0 = points[0].atSec;
  const x = (t: number) => (s.spanSec > 0 ? ((t - t0) / s.spanSec) * W : 0);
  const y = (r: number) => (s.peakPerSec > 0 ? H - 2 - (r / s.peakPerSec) * (H - 6) : H - 2);
  const line = points.map((p) => `${x(p.atSec).toFixed(1)},${y(p.ratePerSec).toFixed(1)}`).join(' ');
  const hours = s.spanSec >= 3 * 3600;
  const span = hours ? `${fmt(s.spanSec / 3600)} h` : `${fmt(s.spanSec)} s`;
  const summary = `${points.length} points over ${span}: mean ${fmt(s.meanPerSec)} req/s, peak ${fmt(s.peakPerSec)}, trough ${fmt(s.troughPerSec)}`;
  return (
    <figure className="ls-profile-chart" data-testid="profile-chart" data-mean={s.meanPerSec} data-peak={s.peakPerSec} data-points={points.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Load profile: ${summary}`} preserveAspectRatio="none">
        <line x1={0} x2={W} y1={y(s.meanPerSec)} y2={y(s.meanPerSec)} className="ls-profile-mean" />
        <polyline points={line} className="ls-profile-line" />
      </svg>
      <div className="ls-profile-axis">
        <span>{hours ? `${fmt(t0 / 3600)} h` : `${fmt(t0)} s`}</span>
        <span>{hours ? `${fmt((t0 + s.spanSec) / 3600)} h` : `${fmt(t0 + s.spanSec)} s`}</span>
      </div>
      <figcaption className="ls-hint" data-testid="profile-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
