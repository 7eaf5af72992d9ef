/**
 * A sync call's retry budget (docs/format.md `edge.retryBudget`): Envoy's
 * concurrency budget or gRPC's retry throttling (retryBudget.ts). Like the
 * back-off it needs retries (the parser refuses it without), so a call
 * without retries says so instead of offering the choice.
 */
import type { TopologyEdge } from '../../../workers/engine/schema';
import { fmtNum } from '../../../workers/report/format';
import { InputField, Section, SelectField } from './fields';
import { InfoTip } from './InfoTip';
import { RETRY_BUDGET_START, type RetryBudget, type RetryBudgetKind, retryBudgetField, retryBudgetKind } from './patternEdits';

type Field = 'budgetPercent' | 'minRetryConcurrency' | 'maxTokens' | 'tokenRatio';
const FIELDS: Record<RetryBudgetKind, { field: Field; label: string; unit?: string; hint: string }[]> = {
  envoy: [
    { field: 'budgetPercent', label: 'Budget', unit: '%', hint: 'Of the requests active or pending' },
    { field: 'minRetryConcurrency', label: 'Min retry concurrency', hint: 'Never fewer retries allowed at once' },
  ],
  'grpc-throttle': [
    { field: 'maxTokens', label: 'Max tokens', hint: 'Starts full; retries stop at half' },
    { field: 'tokenRatio', label: 'Token ratio', hint: 'Given back per success (a failure takes 1)' },
  ],
};

function BudgetTip() {
  const e = RETRY_BUDGET_START.envoy;
  const g = RETRY_BUDGET_START['grpc-throttle'];
  return (
    <InfoTip label="About retry budgets" testId="budget-info">
      Envoy’s retry budget (cluster circuit breaker thresholds) caps retries in flight at once at max(budget % × active and pending requests,
      min retry concurrency); its defaults are {e.budgetPercent} % and {e.minRetryConcurrency}. gRPC’s retry throttling (proposal A6) keeps a
      token count that starts at max tokens, loses 1 per failed attempt and gains the token ratio per success; retries go out only while it is
      above half of max tokens. It has no defaults: A6’s example is {g.maxTokens} tokens and a ratio of {g.tokenRatio}.
    </InfoTip>
  );
}

function summary(b: RetryBudget): string {
  if (b.kind === 'envoy') return `At most max(${fmtNum(b.budgetPercent)} % of the requests active or pending, ${b.minRetryConcurrency}) retries in flight at once.`;
  return `Retries go out only while more than ${fmtNum(b.maxTokens / 2)} of ${fmtNum(b.maxTokens)} tokens are left: a failed attempt takes 1, a success gives ${fmtNum(b.tokenRatio)} back.`;
}

export function RetryBudgetFields({ edge, at }: { edge: TopologyEdge; at: string }) {
  if (edge.mode !== 'sync' || edge.hedging) return null;
  const b = edge.retryBudget;
  return (
    <Section title="Retry budget" info={<BudgetTip />} testId="budget-section">
      {edge.retries === 0 && !b ? (
        <p className="ls-hint" data-testid="budget-needs-retries">
          A retry budget limits retries: give this call retries first.
        </p>
      ) : (
        <SelectField
          label="Limit retries with"
          path={`${at}.retryBudget`}
          testId="retryBudget"
          value={b?.kind ?? 'none'}
          options={[
            { value: 'none', label: 'nothing (every retry goes out)' },
            { value: 'envoy', label: 'Envoy retry budget' },
            { value: 'grpc-throttle', label: 'gRPC retry throttling' },
          ]}
          apply={(k) => retryBudgetKind(edge.id, k)}
        />
      )}
      {b && (
        <>
          <div className="ls-row">
            {FIELDS[b.kind].map(({ field, label, unit, hint }) => (
              <InputField
                key={field}
                type="number"
                label={label}
                unit={unit}
                hint={hint}
                path={`${at}.retryBudget.${field}`}
                testId={`budget-${field}`}
                value={(b as unknown as Record<Field, number>)[field]}
                apply={(v) => retryBudgetField(edge.id, field, v as number)}
              />
            ))}
          </div>
          <p className="ls-hint" data-testid="budget-summary">
            {summary(b)}
          </p>
        </>
      )}
    </Section>
  );
}
