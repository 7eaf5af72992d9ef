/**
 * A sync call's hedged requests (docs/format.md `edge.hedging`). gRPC A6 lets
 * a call retry or hedge, not both, and the parser refuses hedging beside a
 * timeout, retries or a breaker: the section names what turning it on
 * replaces before the user ticks it, and the edit removes those in the same
 * undo step. Not offered into an llm-server or a batching model server (not
 * simulated there).
 */
import type { TopologyEdge } from '../../../workers/engine/schema';
import { fmtNum } from '../../../workers/report/format';
import { useAppStore } from '../../store/react';
import { CheckField, InputField, Section } from './fields';
import { InfoTip } from './InfoTip';
import { hedgeDelayStart, hedgingConflicts, hedgingField, hedgingOn, hedgingRefusedFor } from './patternEdits';

function HedgingTip() {
  return (
    <InfoTip label="About hedged requests" testId="hedging-info">
      gRPC’s hedging policy (proposal A6): the original is sent at once, a copy every hedge delay until maxAttempts (the original included; 2 to
      5) are out, and a failed attempt sends the next at once. The first success answers; the others are cancelled (still queued: removed;
      already in service: their work is wasted). The delay starts at 3 × the callee’s mean service time, about its 95th percentile — Dean &
      Barroso’s “The Tail at Scale” hedges after the 95th-percentile latency.
    </InfoTip>
  );
}

const join = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export function HedgingFields({ edge, at }: { edge: TopologyEdge; at: string }) {
  const target = useAppStore((s) => s.doc.nodes.find((n) => n.id === edge.target));
  if (edge.mode !== 'sync') return null;
  const h = edge.hedging;
  const refused = hedgingRefusedFor(target);
  const conflicts = hedgingConflicts(edge);
  return (
    <Section title="Hedging" info={<HedgingTip />} testId="hedging-section">
      {refused && !h ? (
        <p className="ls-hint" data-testid="hedging-refused">
          {refused}
        </p>
      ) : (
        <CheckField
          label="Hedge this call (send copies, first answer wins)"
          path={`${at}.hedging`}
          testId="hedging"
          value={h !== undefined}
          apply={(on) => hedgingOn(edge.id, on, hedgeDelayStart(target))}
        />
      )}
      {!h && !refused && conflicts.length > 0 && (
        <p className="ls-hint" data-testid="hedging-replaces">
          Turning it on removes {join(conflicts)}: a call retries or hedges, not both (gRPC A6).
        </p>
      )}
      {h && (
        <>
          <div className="ls-row">
            <InputField
              type="number"
              label="Hedge delay"
              unit="ms"
              hint="Between one copy and the next"
              path={`${at}.hedging.hedgeAfterMs`}
              testId="hedging-hedgeAfterMs"
              value={h.hedgeAfterMs}
              apply={(v) => hedgingField(edge.id, 'hedgeAfterMs', v as number)}
            />
            <InputField
              type="number"
              label="Max attempts"
              unit="2–5"
              hint="The original included"
              path={`${at}.hedging.maxAttempts`}
              testId="hedging-maxAttempts"
              value={h.maxAttempts}
              apply={(v) => hedgingField(edge.id, 'maxAttempts', v as number)}
            />
          </div>
          <p className="ls-hint" data-testid="hedging-summary">
            No answer after {fmtNum(h.hedgeAfterMs)} ms: another copy goes out, up to {h.maxAttempts} in all. No timeout, retries or breaker on a
            hedged call.
          </p>
        </>
      )}
    </Section>
  );
}
