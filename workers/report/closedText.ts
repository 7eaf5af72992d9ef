/**
 * Closed workloads in sentences and charts: a closed sweep's points differ in
 * their users N (RunResult.users), not their rate, so the x axis, the point
 * names and the capacity are in users. Shared by the studio, the report and
 * the CLI so they say the same thing.
 */
import type { RunResult } from '../engine/results';
import { fmtRate } from './format';

/** The swept quantity of a point: its users N for a closed workload, else its offered rate (req/s). */
export function sweepLoad(p: RunResult): number {
  return p.users ?? p.ratePerSec;
}

/** True when the points are a closed workload's (they carry their users). */
export function isClosedSweep(points: readonly (RunResult | null)[]): boolean {
  return points.some((p) => p?.users !== undefined);
}

/** "1 user", "12 users"; "—" when unknown. */
export function fmtUsers(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return `${n.toLocaleString('en-US')} user${n === 1 ? '' : 's'}`;
}

/** A point's load in words: "80 req/s", or "12 users" for a closed workload. */
export function pointLoadText(p: RunResult): string {
  return p.users !== undefined ? fmtUsers(p.users) : fmtRate(p.ratePerSec);
}

/** The x-axis title of a sweep chart. */
export function sweepAxisTitle(closed: boolean): string {
  return closed ? 'users (N)' : 'offered load (req/s)';
}
