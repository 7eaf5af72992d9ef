/**
 * A node's load-dependent service time (docs/format.md `node.slowdown`): the
 * drawn service time × min(maxFactor, 1 + k·x) or e^(k·x), x the replica's
 * utilisation or queue length when service starts. Not simulated on
 * llm-servers or batching model servers: there the section says so.
 */
import type { TopologyNode } from '../../../workers/engine/schema';
import { fmtNum, fmtPct } from '../../../workers/report/format';
import { CheckField, InputField, Section, SelectField } from './fields';
import { InfoTip } from './InfoTip';
import { SLOWDOWN_START, slowdownExamples, slowdownField, slowdownOn } from './patternEdits';

function SlowdownTip() {
  const d = SLOWDOWN_START;
  return (
    <InfoTip label="About load-dependent service time" testId="slowdown-info">
      A load-dependent server (Lazowska et al., Quantitative System Performance, 1984): the busier the replica, the slower each request — the
      garbage-collection death spiral. No library has defaults; it starts {d.shape}, on utilisation, coefficient {d.coefficient} (× 2 when every
      server is busy), capped at × {d.maxFactor}.
    </InfoTip>
  );
}

export function SlowdownFields({ node, at }: { node: TopologyNode; at: string }) {
  if (node.kind === 'llm-server') return null;
  const s = node.slowdown;
  if (node.batching != null && !s) {
    return (
      <Section title="Load-dependent service time" testId="slowdown-section">
        <p className="ls-hint" data-testid="slowdown-refused">
          Not simulated on a batching model server yet.
        </p>
      </Section>
    );
  }
  const byUtil = s?.basis !== 'queueLength';
  return (
    <Section title="Load-dependent service time" info={<SlowdownTip />} testId="slowdown-section">
      <CheckField label="Slower when busy" path={`${at}.slowdown`} testId="slowdown" value={s !== undefined} apply={(on) => slowdownOn(node.id, on)} />
      {s ? (
        <>
          <SelectField
            label="Shape"
            path={`${at}.slowdown.shape`}
            testId="slowdown-shape"
            value={s.shape}
            options={[
              { value: 'linear', label: 'linear: 1 + k·x' },
              { value: 'exponential', label: 'exponential: e^(k·x)' },
            ]}
            apply={(v) => slowdownField(node.id, 'shape', v)}
          />
          <SelectField
            label="x is"
            path={`${at}.slowdown.basis`}
            testId="slowdown-basis"
            value={s.basis}
            options={[
              { value: 'utilization', label: 'utilisation: busy ÷ servers (0–1)' },
              { value: 'queueLength', label: 'queue length: requests waiting' },
            ]}
            apply={(v) => slowdownField(node.id, 'basis', v)}
          />
          <div className="ls-row">
            <InputField
              type="number"
              label="Coefficient k"
              path={`${at}.slowdown.coefficient`}
              testId="slowdown-coefficient"
              value={s.coefficient}
              apply={(v) => slowdownField(node.id, 'coefficient', v as number)}
            />
            <InputField
              type="number"
              label="Max factor"
              unit="×"
              path={`${at}.slowdown.maxFactor`}
              testId="slowdown-maxFactor"
              value={s.maxFactor}
              apply={(v) => slowdownField(node.id, 'maxFactor', v as number)}
            />
          </div>
          <p className="ls-hint" data-testid="slowdown-summary">
            Service time{' '}
            {slowdownExamples(s)
              .map(({ x, factor }) => `× ${fmtNum(factor)} ${byUtil ? `at ${fmtPct(x)} busy` : `with ${x} waiting`}`)
              .join(', ')}
            {'; measured when service starts.'}
          </p>
          {byUtil && node.concurrency === 1 && node.pool == null && (
            <p className="ls-hint" data-testid="slowdown-constant">
              One server per replica: its utilisation at service start is always 100 % (the request itself), so the factor is a constant ×{' '}
              {fmtNum(slowdownExamples(s)[1].factor)}. Queue length follows the load.
            </p>
          )}
        </>
      ) : (
        <p className="ls-hint">Off: the service time does not depend on load.</p>
      )}
    </Section>
  );
}
