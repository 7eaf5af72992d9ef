import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { HEDGE_DISCARD, HEDGE_FAIL, HEDGE_SEND_NOW, HEDGE_WAIT, HEDGE_WIN, HedgedCalls, hedgeSendTimeMs } from './hedging';

/**
 * One hedged call against servers with no queue (every attempt is served at
 * once), driven only by the module's decisions: returns [response ms, attempts
 * sent, failed]. draw() gives an attempt's [service ms, ok].
 */
function runCall(h: HedgedCalls, hedgeAfterMs: number, maxAttempts: number, draw: () => [number, boolean]): [number, number, boolean] {
  const answers: [number, boolean][] = [];
  const sendAt = (t: number) => {
    const [ms, ok] = draw();
    answers.push([t + ms, ok]);
  };
  let timer = h.start(0, 0, hedgeAfterMs, maxAttempts);
  sendAt(0);
  for (;;) {
    let next = -1;
    for (let i = 0; i < answers.length; i++) if (answers[i][0] >= 0 && (next < 0 || answers[i][0] < answers[next][0])) next = i;
    if (next >= 0 && answers[next][0] < timer) {
      const [t, ok] = answers[next];
      answers[next][0] = -1;
      const code = h.onAnswer(0, t, ok, hedgeAfterMs, maxAttempts);
      if (code === HEDGE_WIN) return [t, h.sent[0], false];
      if (code === HEDGE_FAIL) return [t, h.sent[0], true];
      if (code === HEDGE_SEND_NOW) sendAt(t);
      timer = h.nextTimerMs[0];
    } else {
      if (!h.onTimer(0, timer, hedgeAfterMs, maxAttempts)) throw new Error('a live timer must send');
      sendAt(timer);
      timer = h.nextTimerMs[0];
    }
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(q * s.length) - 1];
};

describe('hedged requests', () => {
  it('attempt k goes out (k − 1) × hedgeAfterMs after the call starts', () => {
    expect([1, 2, 3].map((k) => hedgeSendTimeMs(100, k, 20))).toEqual([100, 120, 140]);
  });

  it('the first answer wins; later answers are discarded; stale timers do nothing', () => {
    const h = new HedgedCalls(1);
    expect(h.start(0, 0, 10, 3)).toBe(10);
    expect(h.onTimer(0, 10, 10, 3)).toBe(true); // attempt 2 at 10, timer → 20
    expect(h.nextTimerMs[0]).toBe(20);
    expect(h.onTimer(0, 15, 10, 3)).toBe(false); // stale
    expect(h.onAnswer(0, 12, true, 10, 3)).toBe(HEDGE_WIN);
    expect(h.onTimer(0, 20, 10, 3)).toBe(false);
    expect(h.onAnswer(0, 30, true, 10, 3)).toBe(HEDGE_DISCARD);
    expect([h.sent[0], h.outstanding[0]]).toEqual([2, 0]);
  });

  it('a failure sends the next attempt at once; the call fails only when all have failed', () => {
    const h = new HedgedCalls(1);
    h.start(0, 0, 50, 3);
    expect(h.onAnswer(0, 5, false, 50, 3)).toBe(HEDGE_SEND_NOW); // attempt 2 at 5, timer → 55
    expect(h.nextTimerMs[0]).toBe(55);
    expect(h.onTimer(0, 55, 50, 3)).toBe(true); // attempt 3; no timer left
    expect(h.nextTimerMs[0]).toBe(Number.POSITIVE_INFINITY);
    expect(h.onAnswer(0, 60, false, 50, 3)).toBe(HEDGE_WAIT);
    expect(h.onAnswer(0, 70, false, 50, 3)).toBe(HEDGE_FAIL);
  });

  it('maxAttempts 1: no hedging at all', () => {
    const h = new HedgedCalls(1);
    expect(h.start(0, 0, 10, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(h.onAnswer(0, 99, false, 10, 1)).toBe(HEDGE_FAIL);
  });

  it('hedging at the p95 cuts the p99 of a fan-out, for about 5 % more attempts (The Tail at Scale)', () => {
    // Leaf service time: uniform on [5, 10) ms with probability 0.98, 1000 ms (a hiccup) with 0.02.
    // Its p95 x solves 0.98 (x − 5)/5 = 0.95: x = 9.8469… ms. A request fans out to 10 leaves and
    // waits for all: P(some leaf slow) = 1 − 0.98^10 ≈ 18 %, so its p99 is 1000 ms. Hedged at the
    // p95, a leaf answers by p95 + 10 ms unless both attempts hiccup (0.02² per leaf, ≈ 0.4 % per
    // request < 1 %), so p99 < 20 ms; the extra attempts are P(S > p95) = 5 % of the leaf calls.
    const rng = new Rng(11);
    const draw = (): [number, boolean] => [rng.next() < 0.02 ? 1000 : 5 + 5 * rng.next(), true];
    const p95 = 5 + (5 * 0.95) / 0.98;
    const h = new HedgedCalls(1);
    const plain: number[] = [];
    const hedged: number[] = [];
    let attempts = 0;
    const requests = 10_000;
    for (let r = 0; r < requests; r++) {
      let worstPlain = 0;
      let worstHedged = 0;
      for (let leaf = 0; leaf < 10; leaf++) {
        worstPlain = Math.max(worstPlain, draw()[0]);
        const [ms, sent] = runCall(h, p95, 2, draw);
        worstHedged = Math.max(worstHedged, ms);
        attempts += sent;
      }
      plain.push(worstPlain);
      hedged.push(worstHedged);
    }
    expect(quantile(plain, 0.99)).toBe(1000);
    expect(quantile(hedged, 0.99)).toBeLessThan(p95 + 10);
    // Share of leaf calls hedged: 0.05, sd √(0.05 × 0.95 / 100 000) ≈ 0.0007.
    expect(Math.abs(attempts / (requests * 10) - 1.05)).toBeLessThan(0.004);
  });

  it('a hedge goes out only for attempts still unanswered at the delay', () => {
    const rng = new Rng(5);
    const draw = (): [number, boolean] => [rng.next() < 0.05 ? 1000 : 10, true];
    const h = new HedgedCalls(1);
    let attempts = 0;
    const calls = 50_000;
    for (let c = 0; c < calls; c++) attempts += runCall(h, 11, 2, draw)[1];
    // 1 + P(first attempt slow) = 1.05; sd of the share ≈ √(0.05 × 0.95 / 50 000) ≈ 0.001.
    expect(Math.abs(attempts / calls - 1.05)).toBeLessThan(0.005);
  });

  it('property: at most maxAttempts are sent, the response is no later than the unhedged one, and the call fails only if every attempt failed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, maxAttempts, after, pFail) => {
        const rng = new Rng(seed);
        const first: [number, boolean][] = [];
        const draw = (): [number, boolean] => {
          const d: [number, boolean] = [rng.exp(20), rng.next() >= pFail];
          first.push(d);
          return d;
        };
        const [ms, sent, failed] = runCall(new HedgedCalls(1), after, maxAttempts, draw);
        expect(sent).toBeLessThanOrEqual(maxAttempts);
        if (first[0][1]) expect(ms).toBeLessThanOrEqual(first[0][0]);
        expect(failed).toBe(first.every(([, ok]) => !ok) && sent === maxAttempts);
      }),
    );
  });
});
