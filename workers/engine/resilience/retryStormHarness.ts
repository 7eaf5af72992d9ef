/**
 * A standalone retry-storm loop for tests and for choosing example
 * parameters before the modules are wired into the simulator (not used by
 * the engine; it allocates per call). Poisson callers → one FCFS server with
 * exponential service; each attempt times out after timeoutMs (the server
 * still serves it) and is retried at once up to `retries` times; an optional
 * latency spike multiplies service times for a while; an optional
 * Resilience4j breaker (circuitBreaker.ts) guards the calls: a refused call
 * fails at once. Reports per 1 s window: calls finished and calls that failed
 * or took longer than the timeout (recovery.ts compliance), attempts sent.
 */
import { Rng } from '../rng';
import { type CircuitBreakerSpec, CircuitBreakers } from './circuitBreaker';

export interface StormSpec {
  callsPerSec: number;
  serviceMs: number;
  timeoutMs: number;
  retries: number;
  spike?: { fromSec: number; toSec: number; factor: number };
  breaker?: CircuitBreakerSpec;
  durationSec: number;
  seed: number;
}

export interface StormResult {
  /** Per 1 s window: calls that ended, calls among them that failed or were slower than the timeout, attempts sent. */
  finished: Float64Array;
  bad: Float64Array;
  attempts: Float64Array;
  /** Attempts waiting or in service at the end. */
  queueAtEnd: number;
}

const ARRIVE = 0;
const DONE = 1;
const TIMEOUT = 2;

/** Runs one storm loop (events in a binary heap keyed by time, then order of scheduling). */
export function runStorm(s: StormSpec): StormResult {
  const rng = new Rng(s.seed);
  const svc = new Rng(s.seed ^ 0x27d4eb2f);
  const windows = Math.ceil(s.durationSec);
  const out: StormResult = { finished: new Float64Array(windows), bad: new Float64Array(windows), attempts: new Float64Array(windows), queueAtEnd: 0 };
  const heap: [number, number, number, number][] = [];
  let seq = 0;
  const push = (t: number, kind: number, id: number) => {
    heap.push([t, seq++, kind, id]);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (heap[p][0] < heap[i][0] || (heap[p][0] === heap[i][0] && heap[p][1] < heap[i][1])) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        let m = i;
        for (const c of [2 * i + 1, 2 * i + 2]) {
          if (c < heap.length && (heap[c][0] < heap[m][0] || (heap[c][0] === heap[m][0] && heap[c][1] < heap[m][1]))) m = c;
        }
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const cb = s.breaker ? new CircuitBreakers([s.breaker]) : null;
  const callStart: number[] = [];
  const callTries: number[] = [];
  const callDone: boolean[] = [];
  const attCall: number[] = [];
  const attSent: number[] = [];
  const attOver: boolean[] = []; // answered or abandoned
  const queue: number[] = [];
  let head = 0;
  let busy = false;
  const win = (t: number) => Math.min(windows - 1, Math.floor(t / 1000));
  const endCall = (c: number, t: number, ok: boolean) => {
    callDone[c] = true;
    out.finished[win(t)]++;
    if (!ok || t - callStart[c] > s.timeoutMs) out.bad[win(t)]++;
  };
  const factorAt = (t: number) => (s.spike && t >= s.spike.fromSec * 1000 && t < s.spike.toSec * 1000 ? s.spike.factor : 1);
  const startService = (t: number) => {
    busy = head < queue.length;
    if (busy) push(t + svc.exp(s.serviceMs * factorAt(t)), DONE, queue[head++]);
  };
  const send = (c: number, t: number) => {
    if (cb && !cb.tryAcquire(0, t)) return endCall(c, t, false);
    callTries[c]++;
    const a = attCall.length;
    attCall.push(c);
    attSent.push(t);
    attOver.push(false);
    out.attempts[win(t)]++;
    queue.push(a);
    push(t + s.timeoutMs, TIMEOUT, a);
    if (!busy) startService(t);
  };
  const endMs = s.durationSec * 1000;
  push(rng.exp(1000 / s.callsPerSec), ARRIVE, 0);
  while (heap.length > 0 && heap[0][0] < endMs) {
    const [t, , kind, id] = pop();
    if (kind === ARRIVE) {
      const c = callStart.length;
      callStart.push(t);
      callTries.push(0);
      callDone.push(false);
      send(c, t);
      push(t + rng.exp(1000 / s.callsPerSec), ARRIVE, 0);
    } else if (kind === DONE) {
      if (!attOver[id]) {
        attOver[id] = true;
        cb?.record(0, t, false, t - attSent[id]);
        if (!callDone[attCall[id]]) endCall(attCall[id], t, true);
      }
      startService(t);
    } else if (!attOver[id]) {
      attOver[id] = true;
      cb?.record(0, t, true, t - attSent[id]);
      const c = attCall[id];
      if (callDone[c]) continue;
      if (callTries[c] <= s.retries) send(c, t);
      else endCall(c, t, false);
    }
  }
  out.queueAtEnd = queue.length - head + (busy ? 1 : 0);
  return out;
}
