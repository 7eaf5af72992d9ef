/**
 * A standalone closed-loop harness for one {@link LlmReplica}: `clients` users each keep one
 * request in the replica and send the next the instant the last one's final token arrives (zero
 * think time). It saturates the replica, which is how its throughput ceiling is checked against
 * the analytic one (analytic.ts). Not the simulator: no network, no arrivals process.
 */
import { Rng } from '../rng';
import { EV_DONE, EV_PREEMPTED, LlmReplica, type LlmReplicaSpec } from './llmReplica';
import type { LlmMetrics } from './llmMetrics';
import { drawTokens, type TokenDist } from './tokenDraws';

export interface ClosedLoopResult {
  /** Output tokens made during the measured steps. */
  outputTokens: number;
  /** Simulated time of the measured steps, ms. */
  windowMs: number;
  /** outputTokens / windowMs, tokens per second. */
  tokensPerSec: number;
  finished: number;
  preemptions: number;
  /** End state, for conservation checks: admitted = finished + running + waiting. */
  admitted: number;
  running: number;
  waiting: number;
}

/**
 * Runs `warmSteps` then `measureSteps` iterations. Token counts come from `inDist`/`outDist`
 * drawn with one Rng seeded `seed` (input then output per request). `metrics`, if given,
 * records every request finished and every step of the measured interval.
 */
export function runClosedLoop(
  spec: LlmReplicaSpec,
  clients: number,
  inDist: TokenDist,
  outDist: TokenDist,
  seed: number,
  warmSteps: number,
  measureSteps: number,
  metrics: LlmMetrics | null = null,
): ClosedLoopResult {
  const r = new LlmReplica(spec);
  const rng = new Rng(seed);
  let nextId = 0;
  const send = (tMs: number) => {
    for (;;) {
      const inTokens = drawTokens(inDist, rng);
      const outTokens = drawTokens(outDist, rng);
      if (r.admit(nextId, inTokens, outTokens, tMs)) break; // a request that could never fit is redrawn
    }
    nextId++;
  };
  for (let c = 0; c < clients; c++) send(0);
  let t = 0;
  let startMs = 0;
  let startTokens = 0;
  let preemptions = 0;
  for (let step = 0; step < warmSteps + measureSteps; step++) {
    if (step === warmSteps) {
      startMs = t;
      startTokens = r.outputTokens;
    }
    const d = r.beginStep(t);
    if (d === 0) break;
    const occupancy = r.kvOccupancy();
    t += d;
    const n = r.endStep(t);
    const measured = step >= warmSteps;
    if (measured && metrics !== null) metrics.recordStep(d, occupancy);
    for (let k = 0; k < n; k++) {
      const kind = r.evKind[k];
      if (kind === EV_DONE) {
        if (measured && metrics !== null) metrics.recordDone(r.evAdmitMs[k], r.evFirstMs[k], r.evTimeMs[k], r.evOutTokens[k]);
        send(t);
      } else if (kind === EV_PREEMPTED && measured) {
        preemptions++;
        metrics?.recordPreemptions(1);
      }
    }
  }
  const windowMs = t - startMs;
  const outputTokens = r.outputTokens - startTokens;
  return {
    outputTokens,
    windowMs,
    tokensPerSec: (outputTokens * 1000) / windowMs,
    finished: r.finished,
    preemptions,
    admitted: r.admitted,
    running: r.runningCount,
    waiting: r.waitingCount,
  };
}
