/**
 * A sync call's circuit breaker (docs/format.md `edge.circuitBreaker`):
 * Resilience4j's count-based breaker, simulated by the engine's pattern
 * simulator. The checkbox writes the breaker with Resilience4j's defaults or
 * removes it; every field commits through the store's validated edit.
 */
import type { CircuitBreaker } from '../../../workers/engine/resilience/patternSchema';
import type { TopologyEdge } from '../../../workers/engine/schema';
import { CheckField, InputField, Section } from './fields';
import { InfoTip } from './InfoTip';
import { BREAKER_DEFAULTS, breakerField, breakerOn } from './resilienceEdits';

const FIELDS: { field: keyof CircuitBreaker; label: string; unit: string; hint: string }[] = [
  { field: 'failureRateThreshold', label: 'Failure rate threshold', unit: '%', hint: 'Opens at this share of failed calls' },
  { field: 'slidingWindowSize', label: 'Sliding window', unit: 'calls', hint: 'Outcomes of the last N calls are recorded' },
  { field: 'minimumNumberOfCalls', label: 'Minimum calls', unit: 'calls', hint: 'No verdict before this many are recorded' },
  { field: 'waitDurationInOpenStateMs', label: 'Wait in open state', unit: 'ms', hint: 'Open: calls fail at once, the callee sees none' },
  { field: 'permittedNumberOfCallsInHalfOpenState', label: 'Calls in half-open', unit: 'calls', hint: 'Trial calls after the wait: close or reopen' },
  { field: 'slowCallRateThreshold', label: 'Slow-call rate threshold', unit: '%', hint: 'Also opens when this share of calls was slow' },
  { field: 'slowCallDurationThresholdMs', label: 'Slow-call duration', unit: 'ms', hint: 'A call that took longer than this is slow' },
];

const sec = (ms: number) => `${ms / 1000} s`;

function DefaultsTip() {
  const d = BREAKER_DEFAULTS;
  return (
    <InfoTip label="About the circuit breaker’s defaults" testId="breaker-info">
      Resilience4j’s count-based CircuitBreaker; turning it on writes its defaults: failure rate {d.failureRateThreshold} %, a sliding window
      of {d.slidingWindowSize} calls, at least {d.minimumNumberOfCalls} calls, {sec(d.waitDurationInOpenStateMs)} in the open state,{' '}
      {d.permittedNumberOfCallsInHalfOpenState} calls in half-open, slow calls {d.slowCallRateThreshold} % over {sec(d.slowCallDurationThresholdMs)}. One breaker
      per call, shared by the caller’s replicas (docs/model.md).
    </InfoTip>
  );
}

export function CircuitBreakerFields({ edge, at }: { edge: TopologyEdge; at: string }) {
  if (edge.mode !== 'sync') return null;
  const b = edge.circuitBreaker;
  if (edge.hedging && !b) {
    return (
      <Section title="Circuit breaker" testId="breaker-section">
        <p className="ls-hint" data-testid="breaker-hedged">
          Not on a hedged call: turn hedging off to add a breaker.
        </p>
      </Section>
    );
  }
  return (
    <Section title="Circuit breaker" info={<DefaultsTip />} testId="breaker-section">
      <CheckField label="Circuit breaker on this call" path={`${at}.circuitBreaker`} testId="breaker" value={b !== undefined} apply={(on) => breakerOn(edge.id, on)} />
      {b ? (
        <>
          <p className="ls-hint" data-testid="breaker-summary">
            Opens when ≥ {b.failureRateThreshold} % of the last {b.slidingWindowSize} calls failed
            {b.minimumNumberOfCalls < b.slidingWindowSize && ` (from ${b.minimumNumberOfCalls} on)`}; open {sec(b.waitDurationInOpenStateMs)}, then{' '}
            {b.permittedNumberOfCallsInHalfOpenState} trial calls.
          </p>
          {FIELDS.map(({ field, label, unit, hint }) => (
            <InputField
              key={field}
              type="number"
              label={label}
              unit={unit}
              hint={hint}
              path={`${at}.circuitBreaker.${field}`}
              testId={`breaker-${field}`}
              value={b[field]}
              apply={(v) => breakerField(edge.id, field, v as number)}
            />
          ))}
        </>
      ) : (
        <p className="ls-hint">Off: every attempt is sent, however many fail.</p>
      )}
    </Section>
  );
}
