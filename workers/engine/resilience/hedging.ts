/**
 * Hedged requests (Dean & Barroso, "The Tail at Scale", CACM 56(2), 2013,
 * §"Within request short-term adaptations": "defer sending a secondary
 * request until the first request has been outstanding for more than the
 * 95th-percentile expected latency for this class of requests", the client
 * uses whichever answer comes first and cancels the others), with the
 * parameters of gRPC's hedging policy (proposal A6, `hedgingPolicy`):
 * `maxAttempts` counts the original (≥ 2; gRPC caps it at 5), attempt k is
 * sent `hedgeAfterMs` after attempt k − 1 (A6's `hedgingDelay`), and a
 * failed attempt sends the next one at once instead of waiting for its delay
 * (A6: a non-fatal status "shortcuts" the hedging delay).
 *
 * Cancelling the losers: an attempt still waiting in a queue is removed from
 * it (it never uses a server); an attempt already in service runs to its end,
 * its work wasted. That is what the issue asks, and what a real server does
 * when the cancellation arrives after it has started the work (Dean &
 * Barroso's "tied requests" cancel only "before being executed").
 *
 * The simulator calls, per hedged call slot: {@link HedgedCalls.start} when
 * the call is made, {@link HedgedCalls.onTimer} when its hedge timer fires,
 * and {@link HedgedCalls.onAnswer} for every attempt's answer; the returned
 * codes say what to do. State in typed arrays, slots reused.
 */

/** onAnswer: the first success; answer the caller and cancel every other attempt of the call. */
export const HEDGE_WIN = 0;
/** onAnswer: the call already ended (a loser's late answer): discard it. */
export const HEDGE_DISCARD = 1;
/** onAnswer: a failure, attempts left: send the next attempt now (and re-arm the timer, see nextTimerMs). */
export const HEDGE_SEND_NOW = 2;
/** onAnswer: a failure while other attempts are still out: wait for them. */
export const HEDGE_WAIT = 3;
/** onAnswer: every attempt failed and none is left to send: the call fails. */
export const HEDGE_FAIL = 4;

/** The time attempt k (1 = the original) is sent when no attempt fails: startMs + (k − 1) × hedgeAfterMs. */
export function hedgeSendTimeMs(startMs: number, k: number, hedgeAfterMs: number): number {
  return startMs + (k - 1) * hedgeAfterMs;
}

/** Hedged calls in flight, one per slot (the simulator hands out slots, e.g. its call-record index). */
export class HedgedCalls {
  /** Attempts sent so far. */
  readonly sent: Int32Array;
  /** Attempts sent and not yet answered. */
  readonly outstanding: Int32Array;
  /** 1 once the call has its answer (won or failed). */
  readonly done: Uint8Array;
  /** When the next hedge is due (ms), +Infinity if none; a timer that fires at another time is stale. */
  readonly nextTimerMs: Float64Array;

  constructor(slots: number) {
    this.sent = new Int32Array(slots);
    this.outstanding = new Int32Array(slots);
    this.done = new Uint8Array(slots);
    this.nextTimerMs = new Float64Array(slots);
  }

  /** A call starts at nowMs with its first attempt sent; returns when to fire its hedge timer (+Infinity: none). */
  start(slot: number, nowMs: number, hedgeAfterMs: number, maxAttempts: number): number {
    this.sent[slot] = 1;
    this.outstanding[slot] = 1;
    this.done[slot] = 0;
    this.nextTimerMs[slot] = maxAttempts > 1 ? nowMs + hedgeAfterMs : Number.POSITIVE_INFINITY;
    return this.nextTimerMs[slot];
  }

  /**
   * The hedge timer fired at nowMs: true if an attempt must be sent now (it is
   * counted as sent). A stale timer (re-armed since, or the call is over) gives false.
   */
  onTimer(slot: number, nowMs: number, hedgeAfterMs: number, maxAttempts: number): boolean {
    if (this.done[slot] || nowMs !== this.nextTimerMs[slot]) return false;
    this.send(slot, nowMs, hedgeAfterMs, maxAttempts);
    return true;
  }

  /** An attempt of the call answered at nowMs (ok or failed): what to do, as a HEDGE_* code. */
  onAnswer(slot: number, nowMs: number, ok: boolean, hedgeAfterMs: number, maxAttempts: number): number {
    this.outstanding[slot]--;
    if (this.done[slot]) return HEDGE_DISCARD;
    if (ok) {
      this.finish(slot);
      return HEDGE_WIN;
    }
    if (this.sent[slot] < maxAttempts) {
      this.send(slot, nowMs, hedgeAfterMs, maxAttempts);
      return HEDGE_SEND_NOW;
    }
    if (this.outstanding[slot] > 0) return HEDGE_WAIT;
    this.finish(slot);
    return HEDGE_FAIL;
  }

  private send(slot: number, nowMs: number, hedgeAfterMs: number, maxAttempts: number): void {
    this.sent[slot]++;
    this.outstanding[slot]++;
    this.nextTimerMs[slot] = this.sent[slot] < maxAttempts ? nowMs + hedgeAfterMs : Number.POSITIVE_INFINITY;
  }

  private finish(slot: number): void {
    this.done[slot] = 1;
    this.nextTimerMs[slot] = Number.POSITIVE_INFINITY;
  }
}
