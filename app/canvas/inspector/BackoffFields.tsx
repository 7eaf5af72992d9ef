/**
 * A sync call's retry back-off (docs/format.md `edge.backoff`): the wait
 * before each retry, with Envoy's defaults when switched on. A back-off needs
 * retries (the parser refuses it without), so a call without retries says so
 * instead of offering the checkbox; a hedged call has no retries at all.
 */
import type { TopologyEdge } from '../../../workers/engine/schema';
import { fmtNum } from '../../../workers/report/format';
import { CheckField, InputField, Section, SelectField } from './fields';
import { InfoTip } from './InfoTip';
import { BACKOFF_START, type Backoff, backoffCeilings, backoffField, backoffOn } from './patternEdits';

const FIELDS: { field: Exclude<keyof Backoff, 'jitter'>; label: string; unit?: string; hint: string }[] = [
  { field: 'baseMs', label: 'Base interval', unit: 'ms', hint: 'The first retry’s longest wait' },
  { field: 'multiplier', label: 'Multiplier', unit: '×', hint: 'Each further retry’s ceiling grows by this' },
  { field: 'maxMs', label: 'Max interval', unit: 'ms', hint: 'No wait is longer (at least the base)' },
];

function BackoffTip() {
  const d = BACKOFF_START;
  return (
    <InfoTip label="About retry back-off" testId="backoff-info">
      Turning it on writes Envoy’s router defaults: a fully jittered exponential back-off with a base interval of {d.baseMs} ms, capped at 10 × the
      base ({d.maxMs} ms), the ceiling × {d.multiplier} per retry. Retry n waits a uniform draw below min(max, base × multiplier^(n−1)) —
      gRPC A6’s rule; without jitter exactly that ceiling (Resilience4j’s exponential IntervalFunction).
    </InfoTip>
  );
}

export function BackoffFields({ edge, at }: { edge: TopologyEdge; at: string }) {
  if (edge.mode !== 'sync' || edge.hedging) return null;
  const b = edge.backoff;
  return (
    <Section title="Retry back-off" info={<BackoffTip />} testId="backoff-section">
      {edge.retries === 0 && !b ? (
        <p className="ls-hint" data-testid="backoff-needs-retries">
          A back-off is the wait between retries: give this call retries first.
        </p>
      ) : (
        <CheckField label="Back-off between retries" path={`${at}.backoff`} testId="backoff" value={b !== undefined} apply={(on) => backoffOn(edge.id, on)} />
      )}
      {b && (
        <>
          <div className="ls-row">
            {FIELDS.slice(0, 2).map((f) => (
              <Num key={f.field} {...f} edge={edge} at={at} b={b} />
            ))}
          </div>
          <Num {...FIELDS[2]} edge={edge} at={at} b={b} />
          <SelectField
            label="Jitter"
            path={`${at}.backoff.jitter`}
            testId="backoff-jitter"
            value={b.jitter}
            options={[
              { value: 'full', label: 'full: a random wait' },
              { value: 'none', label: 'none: the ceiling' },
            ]}
            apply={(j) => backoffField(edge.id, 'jitter', j)}
          />
          <p className="ls-hint" data-testid="backoff-summary">
            {summary(b, Math.min(Math.max(edge.retries, 1), 4))}
          </p>
        </>
      )}
      {!b && edge.retries > 0 && <p className="ls-hint">Off: a failed attempt is retried at once.</p>}
    </Section>
  );
}

function Num({ field, label, unit, hint, edge, at, b }: (typeof FIELDS)[number] & { edge: TopologyEdge; at: string; b: Backoff }) {
  return (
    <InputField
      type="number"
      label={label}
      unit={unit}
      hint={hint}
      path={`${at}.backoff.${field}`}
      testId={`backoff-${field}`}
      value={b[field]}
      apply={(v) => backoffField(edge.id, field, v as number)}
    />
  );
}

/** "Retry 1 waits up to 25 ms, retry 2 up to 50 ms, …" (exactly, without jitter). */
function summary(b: Backoff, n: number): string {
  const upTo = b.jitter === 'full' ? 'up to ' : '';
  const waits = backoffCeilings(b, n).map((ms, i) => `${i === 0 ? 'Retry 1 waits' : `retry ${i + 1}`} ${upTo}${fmtNum(ms)} ms`);
  return `${waits.join(', ')}${b.jitter === 'full' ? ' (a uniform draw below each)' : ''}.`;
}
