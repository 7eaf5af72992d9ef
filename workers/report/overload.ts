/**
 * Overload in words. Past saturation with unbounded queues, the only thing
 * that turns requests away is the engine's in-flight safety cap
 * (MAX_LIVE_VISITS visits in the system at once, workers/engine/calls.ts):
 * its drops are not a property of the design, and the results say so.
 */
import { MAX_LIVE_VISITS } from '../engine/calls';
import type { RunResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { fmtCount, fmtRate } from './format';

type Design = 'microservices' | 'monolith';

/** True when no node has a queue limit, so every drop in a run of `doc` comes from the safety cap. */
export function dropsAreFromCap(doc: Topology): boolean {
  return doc.nodes.every((n) => n.queueCapacity === null);
}

/** The sentence for a run whose drops came from the safety cap (null when nothing was dropped, or a queue limit may have). */
export function capSentence(doc: Topology, point: RunResult): string | null {
  if (!dropsAreFromCap(doc)) return null;
  const hit = (['microservices', 'monolith'] as Design[]).filter((d) => point[d].endToEnd.dropped > 0);
  if (!hit.length) return null;
  const counts = hit.map((d) => `${fmtCount(point[d].endToEnd.dropped)} (${d === 'monolith' ? 'monolith' : 'microservices'})`).join(' and ');
  return (
    `At ${fmtRate(point.ratePerSec)} the simulation's safety cap acted: at most ${fmtCount(MAX_LIVE_VISITS)} requests may be inside the system at once, ` +
    `and the ${counts} counted as dropped were turned away by that cap, not by the design (no node here has a queue limit). ` +
    'The design is far past saturation: its queues would grow without end, and the throughput shown falls because arrivals beyond the cap are refused.'
  );
}
