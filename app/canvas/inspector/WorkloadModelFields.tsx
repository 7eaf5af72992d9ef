/**
 * The workload model (docs/format.md `workload.model`): open (requests at a
 * rate, the default) or closed (users who send one request, wait for it,
 * think, repeat). Closed, the users and their think time replace the rate, the
 * arrival process and the rate profile, which a closed run does not use.
 */
import type { Topology } from '../../../workers/engine/schema';
import { fmtNum } from '../../../workers/report/format';
import { InputField, SelectField } from './fields';
import { InfoTip } from './InfoTip';
import { closedRateBound, workloadModel, workloadThinkTime, workloadUsers } from './patternEdits';
import { DistributionField } from './ServiceTimeField';

export function WorkloadModelTip() {
  return (
    <InfoTip label="About the workload model" testId="workload-model-info">
      Open: requests arrive at the rate whatever the responses do (Poisson, bursty or by profile). Closed: each user sends a request, waits for
      it to end, thinks, and sends the next, so the load falls as responses slow down (the interactive response-time law R = N/X − Z, Denning &
      Buzen 1978). Switching to closed starts with an exponential 1 s think time and about rate × 1 s users, and drops the rate profile.
    </InfoTip>
  );
}

export function WorkloadModelSelect({ doc }: { doc: Topology }) {
  return (
    <SelectField
      label="Model"
      path="workload.model"
      testId="workload-model"
      value={doc.workload.model ?? 'open'}
      options={[
        { value: 'open', label: 'Open: requests at a rate' },
        { value: 'closed', label: 'Closed: users wait, think, repeat' },
      ]}
      apply={(m) => workloadModel(m)}
    />
  );
}

/** Users and think time of a closed workload, with the most it can send and a word on the unused rate. */
export function ClosedWorkloadFields({ doc }: { doc: Topology }) {
  const w = doc.workload;
  if (w.model !== 'closed') return null;
  const bound = w.users !== undefined && w.thinkTime ? closedRateBound(w.users, w.thinkTime) : null;
  return (
    <>
      <InputField
        type="number"
        label="Users"
        hint="Each with at most one request in flight"
        path="workload.users"
        testId="workload-users"
        value={w.users ?? null}
        apply={(v) => workloadUsers(v as number)}
      />
      {w.thinkTime && (
        <DistributionField label="Think time distribution" path="workload.thinkTime" value={w.thinkTime} suffix="Ms" testIdPrefix="think-" apply={workloadThinkTime} />
      )}
      <p className="ls-hint" data-testid="closed-summary">
        {bound !== null && `At most ${fmtNum(bound)} req/s (users ÷ mean think time), less as responses take longer. `}
        The rate ({fmtNum(w.ratePerSec)} req/s) is kept for the open model but not used.
      </p>
    </>
  );
}
