/**
 * Wall-clock limits of the studio's simulation workers (documented in
 * docs/studio.md). The engine itself never reads a clock: the worker turns
 * these into the engine's `expired` callback and a heartbeat.
 */

/** A worker posts a heartbeat at most this often, ms (when idle from a timer, when busy from the engine's budget check). */
export const HEARTBEAT_MS = 500;
/**
 * A busy worker whose job has shown a sign of life, then falls silent for this long, is taken for dead (crashed, out
 * of memory, stopped by the browser), ms. Inside a job the engine beats every HEARTBEAT_MS, so 8 s of silence is
 * never a slow step: a user is told within seconds.
 */
export const SILENT_WORKER_MS = 8_000;
/**
 * Silence allowed from a job's start to its first sign of life, ms: the document is parsed, compiled and derived
 * before the engine's first beat, which on a loaded two-core machine took more than 6 s for a 2000-node chain.
 */
export const FIRST_BEAT_MS = 20_000;
/** Wall-clock deadline of one replication job in the studio, seconds: the replication stops there and says it was cut short. */
export const JOB_DEADLINE_SEC = 120;
/** Wall-clock seconds a job may take per simulated hour, beyond JOB_DEADLINE_SEC (a 24 h day: 24 min). */
export const JOB_WALL_SEC_PER_SIMULATED_HOUR = 60;

/**
 * The deadline of one replication of `durationSec` simulated seconds: JOB_DEADLINE_SEC, or
 * JOB_WALL_SEC_PER_SIMULATED_HOUR per simulated hour when that is longer, so a day of traffic
 * (which needs minutes of CPU) finishes in the worker while a stuck short run is still stopped after 2 min.
 */
export function jobDeadlineSec(durationSec: number): number {
  return Math.max(JOB_DEADLINE_SEC, (durationSec / 3600) * JOB_WALL_SEC_PER_SIMULATED_HOUR);
}
