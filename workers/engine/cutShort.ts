/**
 * The `cutShort` note of a run whose replications stopped early (work
 * budget or wall-clock deadline) or were never started (deadline).
 */
import type { ReplicationResult } from './raw';
import { T_CUT_BUDGET, T_CUT_DEADLINE, T_SIMULATED_MS } from './raw';
import type { CutShort } from './results';
import type { ResolvedRun } from './run';

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Null when every replication ran to its end and none is missing; else why
 * the run was cut short, how far it got, and a sentence saying so.
 * `wanted` is the number of replications asked for (default: as many as given).
 */
export function cutShortOf(run: ResolvedRun, reps: readonly ReplicationResult[], wanted = reps.length): CutShort | null {
  let budget = 0;
  let deadline = 0;
  let reachedMs = run.durationSec * 1000;
  for (const r of reps) {
    for (const d of [r.microservices, r.monolith]) {
      const t = d.totals;
      budget += t[T_CUT_BUDGET] > 0 ? 1 : 0;
      deadline += t[T_CUT_DEADLINE] > 0 ? 1 : 0;
      if (t[T_CUT_BUDGET] > 0 || t[T_CUT_DEADLINE] > 0) reachedMs = Math.min(reachedMs, t[T_SIMULATED_MS]);
    }
  }
  const skipped = Math.max(0, wanted - reps.length);
  if (budget === 0 && deadline === 0 && skipped === 0) return null;
  const reason = budget > 0 ? 'work-budget' : 'deadline';
  const simulatedSec = reachedMs / 1000;
  const why =
    reason === 'work-budget'
      ? `reached its work budget of ${group(run.maxEventsPerReplication)} events per replication`
      : 'reached its wall-clock deadline';
  const parts = [`Cut short: the run ${why}.`];
  if (budget + deadline > 0) parts.push(`It simulated ${fmtSec(simulatedSec)} of ${fmtSec(run.durationSec)}; the figures cover that time only.`);
  if (skipped > 0) parts.push(`${reps.length} of ${wanted} replications ran.`);
  return {
    reason,
    replicationsCut: budget + deadline,
    replicationsSkipped: skipped,
    simulatedSec,
    durationSec: run.durationSec,
    message: parts.join(' '),
  };
}

function fmtSec(s: number): string {
  return `${s < 10 ? Number(s.toPrecision(3)) : Math.round(s)} s`;
}
