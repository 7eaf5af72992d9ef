/**
 * A node's admission control and queue discipline (docs/format.md
 * `node.admission`, `node.queueDiscipline`), simulated by the engine's
 * pattern simulator. Shown only where the parser takes them: neither on an
 * llm-server; lifo not on batching model servers or pool members.
 */
import type { TopologyNode } from '../../../workers/engine/schema';
import { fmtNum } from '../../../workers/report/format';
import { CheckField, InputField, Section, SelectField } from './fields';
import { InfoTip } from './InfoTip';
import { bucketRate, maxInFlight, queueDiscipline, rateLimitField, rateLimitOn } from './resilienceEdits';

type Bucket = NonNullable<NonNullable<TopologyNode['admission']>['rateLimit']>;

const BUCKET_FIELDS: { field: keyof Bucket; label: string; unit: string; hint: string }[] = [
  { field: 'maxTokens', label: 'Bucket size', unit: 'tokens', hint: 'Starts full; the largest burst let through' },
  { field: 'tokensPerFill', label: 'Tokens per fill', unit: 'tokens', hint: 'Added at each fill, up to the bucket size' },
  { field: 'fillIntervalMs', label: 'Fill interval', unit: 'ms', hint: 'Time between two fills' },
];

function AdmissionTip() {
  return (
    <InfoTip label="About admission control" testId="admission-info">
      As Envoy does it: max in flight is a cluster circuit breaker’s max_requests (requests waiting or in service); the rate limit is the local
      rate limit’s token bucket (tokens_per_fill defaults to 1). A request over either limit is rejected at once, counted apart from errors, and
      retried while its call’s retries allow.
    </InfoTip>
  );
}

export function AdmissionFields({ node, at }: { node: TopologyNode; at: string }) {
  if (node.kind === 'llm-server') return null;
  const a = node.admission;
  const r = a?.rateLimit;
  const rate = r ? bucketRate(r) : null;
  const lifoRefused = node.batching != null || node.pool != null;
  return (
    <>
      <Section title="Admission control" info={<AdmissionTip />} testId="admission-section">
        <InputField
          type="number"
          label="Max in flight"
          unit="requests"
          nullable
          hint="Waiting or in service; empty = no cap"
          path={`${at}.admission.maxInFlight`}
          testId="admission-maxInFlight"
          value={a?.maxInFlight ?? null}
          apply={(v) => maxInFlight(node.id, v as number | null)}
        />
        <CheckField label="Rate limit (token bucket)" path={`${at}.admission.rateLimit`} testId="rateLimit" value={r !== undefined} apply={(on) => rateLimitOn(node.id, on)} />
        {r &&
          BUCKET_FIELDS.map(({ field, label, unit, hint }) => (
            <InputField
              key={field}
              type="number"
              label={label}
              unit={unit}
              hint={hint}
              path={`${at}.admission.rateLimit.${field}`}
              testId={`rateLimit-${field}`}
              value={r[field]}
              apply={(v) => rateLimitField(node.id, field, v as number)}
            />
          ))}
        {rate && (
          <p className="ls-hint" data-testid="rateLimit-summary">
            {fmtNum(rate.perSec)} req/s on average, bursts of up to {fmtNum(rate.burst)}.
          </p>
        )}
      </Section>
      <Section title="Queue discipline" testId="queue-section">
        {lifoRefused && node.queueDiscipline !== 'lifo' ? (
          <p className="ls-hint" data-testid="queue-fifo-only">
            Oldest first (fifo): lifo is not simulated on batching model servers or pool members.
          </p>
        ) : (
          <SelectField
            label="Which waiting request a free server takes"
            path={`${at}.queueDiscipline`}
            testId="queueDiscipline"
            value={node.queueDiscipline ?? 'fifo'}
            options={[
              { value: 'fifo', label: 'fifo: the oldest (default)' },
              { value: 'lifo', label: 'lifo: the newest' },
            ]}
            apply={(d) => queueDiscipline(node.id, d)}
          />
        )}
        {!lifoRefused && <p className="ls-hint">lifo: newest first; same mean wait, longer tail</p>}
      </Section>
    </>
  );
}
