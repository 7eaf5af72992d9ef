/**
 * The animation clock: simulated time advancing at `realMsPerSimMs` real ms
 * per simulated ms on requestAnimationFrame, with play, pause, speed and
 * step (to the next or previous event of the trace). It calls `draw(simMs)`
 * once per frame; nothing here touches React, so 100+ dots cost no re-render.
 */
import type { TraceResult } from '../../workers/engine/traceResult';

/** Real ms per simulated ms the speed control offers (slow → fast). */
export const SPEEDS = [200, 50, 20, 5, 1] as const;
export const DEFAULT_SPEED = 20;

export interface PlayerState {
  playing: boolean;
  realMsPerSimMs: number;
  simMs: number;
  atEnd: boolean;
}

/** Every distinct time something happens in the trace, ascending (step targets). */
export function eventTimes(t: TraceResult): Float64Array {
  const all: number[] = [t.startMs, t.endMs];
  const add = (a: Float64Array) => {
    for (const x of a) if (Number.isFinite(x) && x >= t.startMs && x <= t.endMs) all.push(x);
  };
  [t.visitEnterMs, t.visitStartMs, t.visitEndMs, t.callSendMs, t.callArriveMs, t.callReturnMs].forEach(add);
  const sorted = Float64Array.from(all).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] > sorted[n - 1] + 1e-9) sorted[n++] = sorted[k];
  return sorted.slice(0, n);
}

export class Player {
  private state: PlayerState;
  private raf = 0;
  private lastReal = 0;
  private readonly times: Float64Array;
  private listeners = new Set<(s: PlayerState) => void>();

  constructor(
    readonly trace: TraceResult,
    private readonly draw: (simMs: number) => void,
    realMsPerSimMs = DEFAULT_SPEED,
  ) {
    this.times = eventTimes(trace);
    this.state = { playing: false, realMsPerSimMs, simMs: trace.startMs, atEnd: false };
    draw(trace.startMs);
  }

  get snapshot(): PlayerState {
    return this.state;
  }

  subscribe(f: (s: PlayerState) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  private update(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    for (const f of this.listeners) f(this.state);
  }

  private frame = (now: number) => {
    const dt = Math.min(100, now - this.lastReal);
    this.lastReal = now;
    const simMs = Math.min(this.trace.endMs, this.state.simMs + dt / this.state.realMsPerSimMs);
    this.state.simMs = simMs; // per-frame time: no listeners (the bar reads it through `onTick`)
    this.draw(simMs);
    this.onTick?.(simMs);
    if (simMs >= this.trace.endMs) {
      this.update({ playing: false, atEnd: true });
      return;
    }
    this.raf = requestAnimationFrame(this.frame);
  };

  /** Called every frame with the simulated time (for a clock shown without React). */
  onTick: ((simMs: number) => void) | null = null;

  play(): void {
    if (this.state.playing) return;
    if (this.state.atEnd) this.seek(this.trace.startMs);
    this.lastReal = performance.now();
    this.update({ playing: true });
    this.raf = requestAnimationFrame(this.frame);
  }

  pause(): void {
    cancelAnimationFrame(this.raf);
    if (this.state.playing) this.update({ playing: false });
  }

  toggle(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  setSpeed(realMsPerSimMs: number): void {
    this.update({ realMsPerSimMs });
  }

  /** One speed step faster (+1) or slower (−1). */
  nudgeSpeed(dir: 1 | -1): void {
    const i = SPEEDS.indexOf(this.state.realMsPerSimMs as (typeof SPEEDS)[number]);
    const j = Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + dir));
    this.setSpeed(SPEEDS[j]);
  }

  seek(simMs: number): void {
    const t = Math.max(this.trace.startMs, Math.min(this.trace.endMs, simMs));
    this.draw(t);
    this.onTick?.(t);
    this.update({ simMs: t, atEnd: t >= this.trace.endMs });
  }

  /** Pauses and moves to the next (+1) or previous (−1) event. */
  step(dir: 1 | -1): void {
    this.pause();
    const now = this.state.simMs;
    const times = this.times;
    let target = now;
    if (dir > 0) {
      for (const x of times) if (x > now + 1e-9) {
        target = x;
        break;
      }
    } else {
      for (let k = times.length - 1; k >= 0; k--) if (times[k] < now - 1e-9) {
        target = times[k];
        break;
      }
    }
    // Land just after the event, so what it started is visible.
    this.seek(dir > 0 ? target + 1e-6 : target);
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.listeners.clear();
    this.onTick = null;
  }
}
