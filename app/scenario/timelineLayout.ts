/** Geometry of the scenario timeline: its ticks, the lanes of overlapping events, and how times are written. */
import type { ScenarioEvent } from './scenarioDoc';

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 21600, 43200];

/** Tick positions (s): the smallest step giving at most 10 intervals. */
export function ticks(runSec: number): number[] {
  const step = STEPS.find((s) => runSec / s <= 10) ?? Math.ceil(runSec / 10);
  const out: number[] = [];
  for (let t = 0; t <= runSec + 1e-9; t += step) out.push(t);
  return out;
}

/** A lane per event so that overlapping events never share one (greedy, by start time). */
export function lanes(events: readonly ScenarioEvent[]): number[] {
  const order = events.map((_, i) => i).sort((a, b) => events[a].atSec - events[b].atSec || a - b);
  const ends: number[] = [];
  const lane = new Array<number>(events.length).fill(0);
  for (const i of order) {
    const e = events[i];
    const end = e.atSec + Math.max(e.durationSec, 0.001) + (e.kind === 'cacheFlush' ? e.warmSec : 0);
    let k = ends.findIndex((x) => x <= e.atSec);
    if (k < 0) k = ends.push(end) - 1;
    else ends[k] = end;
    lane[i] = k;
  }
  return lane;
}

/** A time on the timeline: a whole number of minutes reads in hours from 1 h and in minutes from 2 min; anything else in seconds. */
export const fmtSec = (s: number) => (s >= 3600 && s % 60 === 0 ? `${Number((s / 3600).toPrecision(3))} h` : s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${Number(s.toPrecision(4))} s`);

