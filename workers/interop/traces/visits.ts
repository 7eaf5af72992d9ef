/**
 * From spans to service visits. A visit is one service handling one request:
 * a span whose parent is in another service (or has no parent), together
 * with that service's own descendant spans. A visit's calls are its child
 * visits, timed by the caller's client span where one exists (so the
 * interval includes the network) and by the callee's root span otherwise.
 */
import type { Span } from './spans';

/** One call a visit made. Times in microseconds. */
export interface CallObs {
  callee: Visit;
  startUs: number;
  endUs: number;
  /** Not awaited: a producer/consumer pair, or a call that outlives its caller. */
  async: boolean;
  /** Sync: client span duration minus server span duration, when both exist; async: consumer start minus producer start (µs). */
  networkUs: number | null;
}

/** One service handling one request. */
export interface Visit {
  service: string;
  startUs: number;
  endUs: number;
  calls: CallObs[];
  /** True for the first visit of a trace (its root span has no parent). */
  root: boolean;
}

const ASYNC_SLACK_US = 1;

/** Visits of every trace; spans whose parent is missing start a root visit (counted in `orphans`). */
export function buildVisits(spans: readonly Span[]): { visits: Visit[]; orphans: number } {
  const byId = new Map<string, Span>();
  for (const s of spans) byId.set(`${s.traceId}/${s.spanId}`, s);
  const parentOf = (s: Span): Span | undefined => (s.parentId ? byId.get(`${s.traceId}/${s.parentId}`) : undefined);
  const visitOfSpan = new Map<Span, Visit>();
  const rootSpans = new Map<Visit, Span>();
  const visits: Visit[] = [];
  let orphans = 0;
  /** The span that starts the visit `s` belongs to: up through same-service parents, memoised, cycle-safe. */
  const rootOf = new Map<Span, Span>();
  const visitRoot = (s: Span): Span => {
    const path: Span[] = [];
    const onPath = new Set<Span>();
    let cur = s;
    let root: Span | undefined;
    for (;;) {
      const known = rootOf.get(cur);
      if (known) {
        root = known;
        break;
      }
      path.push(cur);
      onPath.add(cur);
      const p = parentOf(cur);
      if (!p || p.service !== cur.service || onPath.has(p)) {
        root = cur;
        break;
      }
      cur = p;
    }
    for (const x of path) rootOf.set(x, root);
    return root;
  };
  for (const s of spans) {
    const r = visitRoot(s);
    let v = visitOfSpan.get(r);
    if (!v) {
      const hasParentId = r.parentId !== null;
      const parent = parentOf(r);
      if (hasParentId && !parent) orphans++;
      v = { service: r.service, startUs: r.startUs, endUs: r.endUs, calls: [], root: !parent };
      visitOfSpan.set(r, v);
      rootSpans.set(v, r);
      visits.push(v);
    }
    visitOfSpan.set(s, v);
  }
  for (const [callee, span] of rootSpans) {
    const parent = parentOf(span);
    const caller = parent ? visitOfSpan.get(parent) : undefined;
    if (!parent || !caller || caller === callee) continue;
    const viaClient = parent.kind === 'client' || parent.kind === 'producer';
    const startUs = viaClient ? parent.startUs : span.startUs;
    const endUs = viaClient ? parent.endUs : span.endUs;
    const async = parent.kind === 'producer' || span.kind === 'consumer' || span.endUs > caller.endUs + ASYNC_SLACK_US;
    const networkUs =
      parent.kind === 'client'
        ? Math.max(0, parent.endUs - parent.startUs - (span.endUs - span.startUs))
        : parent.kind === 'producer'
          ? Math.max(0, span.startUs - parent.startUs)
          : null;
    caller.calls.push({ callee, startUs, endUs, async, networkUs });
  }
  return { visits, orphans };
}

/** Length of the union of intervals, each clipped to [fromUs, toUs] (µs). */
export function unionLengthUs(intervals: readonly { startUs: number; endUs: number }[], fromUs: number, toUs: number): number {
  const sorted = intervals.map((c) => [Math.max(fromUs, c.startUs), Math.min(toUs, c.endUs)] as const).filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const [a, b] of sorted) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else curEnd = Math.max(curEnd, b);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** Self time of a visit: its duration minus the time covered by its awaited calls (µs). */
export function selfTimeUs(v: Visit): number {
  return Math.max(0, v.endUs - v.startUs - unionLengthUs(v.calls.filter((c) => !c.async), v.startUs, v.endUs));
}
