/**
 * A scenario compiled for the simulator: the run is cut at every instant where
 * some event starts or ends into segments, and for each segment the combined
 * effect on every node and edge is worked out once, in typed arrays. The
 * simulator schedules one event per change point (`timesMs[k]`, k ≥ 1) and,
 * when it fires, reads segment k's values; between change points nothing is
 * looked up but array cells. Only nodes and edges some event targets get a
 * column (`nodeColumn[i]` ≥ 0); every other one reads −1 and is never
 * faulted, so its lookups cost one comparison and the arrays stay small
 * (at most 500 events → 1 001 segments × 500 columns). A run without events
 * compiles to one segment of no effect.
 *
 * Overlapping events on one target combine as independent causes:
 * latency factors multiply and `addMs` add; capacity reductions multiply what
 * is left (two 50% cuts leave 25%); error fractions combine as 1 − Π(1 − f);
 * crashed replicas add up, at most every replica; an outage takes every
 * replica. Partitions of one edge must share a mode (validateScenario), hang
 * wins if they do not. For a cache, the latest flush governs (a flush empties
 * the cache, so the warming done since an earlier one is lost).
 */
import type { ScenarioEvent } from './scenarioSchema';
import { eventEndSec } from './scenarioSchema';
import { crashedReplicas } from './scenarioValidate';

/** Partition codes in {@link CompiledScenario.partition}. */
export const PARTITION_NONE = 0;
export const PARTITION_FAIL = 1;
export const PARTITION_HANG = 2;

/**
 * Per-segment effects on the targeted nodes (cell seg × nodeColumns + nodeColumn[node])
 * and edges (seg × edgeColumns + edgeColumn[edge]); read them through the accessors below.
 */
export interface CompiledScenario {
  /** Column of each node in the per-node arrays, −1 if no event targets it. */
  nodeColumn: Int32Array;
  nodeColumns: number;
  /** Column of each edge in `partition`, −1 if no event targets it. */
  edgeColumn: Int32Array;
  edgeColumns: number;
  /** Start of each segment in ms, ascending, timesMs[0] = 0; segment k lasts until timesMs[k + 1] (the last: to the end). */
  timesMs: Float64Array;
  /** Service time multiplier (1 = none). */
  latencyFactor: Float64Array;
  /** Added to every service time, ms. */
  latencyAddMs: Float64Array;
  /** Fraction of each replica's concurrency left (1 = all). */
  capacityFraction: Float64Array;
  /** Chance a visit fails at once (0 = none). */
  errorFraction: Float64Array;
  /** Replicas down (crashed or in an outage). */
  replicasDown: Int32Array;
  /** 1 while the whole node is out (outage). */
  outage: Uint8Array;
  /** PARTITION_NONE | PARTITION_FAIL | PARTITION_HANG per edge. */
  partition: Uint8Array;
  /** Cache flush governing the segment: hit ratio 0 until this time (ms), −Infinity if none. */
  flushEmptyUntilMs: Float64Array;
  /** … then back to full over this many ms (0: at once). */
  flushWarmMs: Float64Array;
}

/** The document's side of a compilation: ids in compiled-index order and replica counts. */
export interface TimelineModel {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  /** Replicas per node, in nodeIds order. */
  replicas: ArrayLike<number>;
}

const isActive = (e: ScenarioEvent, tMs: number) => e.atSec * 1000 <= tMs && tMs < eventEndSec(e) * 1000;

/** Compiles validated events (see validateScenario); an event whose target is unknown is ignored. */
export function compileScenario(events: readonly ScenarioEvent[], m: TimelineModel): CompiledScenario {
  const points = new Set<number>([0]);
  for (const e of events) {
    points.add(e.atSec * 1000);
    points.add(eventEndSec(e) * 1000);
  }
  const timesMs = Float64Array.from([...points].sort((a, b) => a - b));
  const segs = timesMs.length;
  const nodeIndex = new Map(m.nodeIds.map((id, i) => [id, i]));
  const edgeIndex = new Map(m.edgeIds.map((id, i) => [id, i]));
  const nodeColumn = new Int32Array(m.nodeIds.length).fill(-1);
  const edgeColumn = new Int32Array(m.edgeIds.length).fill(-1);
  let n = 0;
  let ne = 0;
  for (const e of events) {
    if (e.kind === 'partition') {
      const j = edgeIndex.get(e.target);
      if (j !== undefined && edgeColumn[j] < 0) edgeColumn[j] = ne++;
    } else {
      const i = nodeIndex.get(e.target);
      if (i !== undefined && nodeColumn[i] < 0) nodeColumn[i] = n++;
    }
  }
  const replicas = new Int32Array(n);
  for (let i = 0; i < nodeColumn.length; i++) if (nodeColumn[i] >= 0) replicas[nodeColumn[i]] = m.replicas[i];
  const cs: CompiledScenario = {
    nodeColumn,
    nodeColumns: n,
    edgeColumn,
    edgeColumns: ne,
    timesMs,
    latencyFactor: new Float64Array(segs * n).fill(1),
    latencyAddMs: new Float64Array(segs * n),
    capacityFraction: new Float64Array(segs * n).fill(1),
    errorFraction: new Float64Array(segs * n),
    replicasDown: new Int32Array(segs * n),
    outage: new Uint8Array(segs * n),
    partition: new Uint8Array(segs * ne),
    flushEmptyUntilMs: new Float64Array(segs * n).fill(Number.NEGATIVE_INFINITY),
    flushWarmMs: new Float64Array(segs * n),
  };
  const okFraction = new Float64Array(n);
  const flushStart = new Float64Array(n);
  for (let k = 0; k < segs; k++) {
    const t = timesMs[k];
    okFraction.fill(1);
    flushStart.fill(Number.NEGATIVE_INFINITY);
    for (const e of events) {
      if (!isActive(e, t)) continue;
      if (e.kind === 'partition') {
        const j = edgeIndex.get(e.target);
        if (j === undefined) continue;
        const col = edgeColumn[j];
        const code = e.mode === 'hang' ? PARTITION_HANG : PARTITION_FAIL;
        cs.partition[k * ne + col] = Math.max(cs.partition[k * ne + col], code);
        continue;
      }
      const node = nodeIndex.get(e.target);
      if (node === undefined) continue;
      const i = nodeColumn[node];
      const c = k * n + i;
      switch (e.kind) {
        case 'latency':
          cs.latencyFactor[c] *= e.factor ?? 1;
          cs.latencyAddMs[c] += e.addMs ?? 0;
          break;
        case 'capacity':
          cs.capacityFraction[c] *= 1 - e.percent / 100;
          break;
        case 'errors':
          okFraction[i] *= 1 - e.fraction;
          break;
        case 'crash':
          cs.replicasDown[c] = Math.min(replicas[i], cs.replicasDown[c] + crashedReplicas(e, replicas[i]));
          break;
        case 'outage':
          cs.outage[c] = 1;
          break;
        case 'cacheFlush':
          if (e.atSec * 1000 >= flushStart[i]) {
            flushStart[i] = e.atSec * 1000;
            cs.flushEmptyUntilMs[c] = (e.atSec + e.durationSec) * 1000;
            cs.flushWarmMs[c] = e.warmSec * 1000;
          }
          break;
      }
    }
    for (let i = 0; i < n; i++) {
      cs.errorFraction[k * n + i] = 1 - okFraction[i];
      if (cs.outage[k * n + i]) cs.replicasDown[k * n + i] = replicas[i];
    }
  }
  return cs;
}

/** The segment holding time tMs: the last k with timesMs[k] ≤ tMs (binary search; the simulator steps instead). */
export function segmentAt(cs: CompiledScenario, tMs: number): number {
  const ts = cs.timesMs;
  let lo = 0;
  let hi = ts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ts[mid] <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The cell of (segment, node) in the per-node arrays, or −1 if no event ever targets the node. */
export function nodeCell(cs: CompiledScenario, seg: number, node: number): number {
  const col = cs.nodeColumn[node];
  return col < 0 ? -1 : seg * cs.nodeColumns + col;
}

/** The chance a visit to the node fails at once in the segment. */
export function errorFractionAt(cs: CompiledScenario, seg: number, node: number): number {
  const c = nodeCell(cs, seg, node);
  return c < 0 ? 0 : cs.errorFraction[c];
}

/** Replicas of the node down in the segment (crashed, or all in an outage). */
export function replicasDownAt(cs: CompiledScenario, seg: number, node: number): number {
  const c = nodeCell(cs, seg, node);
  return c < 0 ? 0 : cs.replicasDown[c];
}

/** Whether the whole node is out (an outage) in the segment. */
export function outageAt(cs: CompiledScenario, seg: number, node: number): boolean {
  const c = nodeCell(cs, seg, node);
  return c >= 0 && cs.outage[c] === 1;
}

/** PARTITION_NONE | PARTITION_FAIL | PARTITION_HANG for the edge in the segment. */
export function partitionAt(cs: CompiledScenario, seg: number, edge: number): number {
  const col = cs.edgeColumn[edge];
  return col < 0 ? PARTITION_NONE : cs.partition[seg * cs.edgeColumns + col];
}

/**
 * The share (0..1) of a cache's configured hit ratio in effect at tMs within
 * segment seg: 0 while the flushed cache is empty, then a linear climb to 1
 * over the warm-up. (Linear is our choice: the real curve depends on the key
 * popularity; a linear climb is the simplest that ends at the stated warmSec.)
 */
export function cacheHitScale(cs: CompiledScenario, seg: number, node: number, tMs: number): number {
  const c = nodeCell(cs, seg, node);
  if (c < 0) return 1;
  const emptyUntil = cs.flushEmptyUntilMs[c];
  if (tMs < emptyUntil) return 0;
  const warm = cs.flushWarmMs[c];
  if (warm === 0) return 1;
  const s = (tMs - emptyUntil) / warm;
  return Math.min(s, 1);
}

/** A service time (ms) under the segment's latency fault: ms × factor + addMs. */
export function faultedServiceMs(cs: CompiledScenario, seg: number, node: number, ms: number): number {
  const c = nodeCell(cs, seg, node);
  if (c < 0) return ms;
  return ms * cs.latencyFactor[c] + cs.latencyAddMs[c];
}

/** Servers per replica left under the segment's capacity fault: ⌊concurrency × fraction⌋, at least 1. */
export function faultedConcurrency(cs: CompiledScenario, seg: number, node: number, concurrency: number): number {
  const c = nodeCell(cs, seg, node);
  if (c < 0) return concurrency;
  return Math.max(1, Math.floor(concurrency * cs.capacityFraction[c] + 1e-9));
}

/** Whether any fault touches the node in the segment (the canvas marks it during playback). */
export function nodeFaulted(cs: CompiledScenario, seg: number, node: number): boolean {
  const c = nodeCell(cs, seg, node);
  if (c < 0) return false;
  return (
    cs.latencyFactor[c] !== 1 ||
    cs.latencyAddMs[c] !== 0 ||
    cs.capacityFraction[c] !== 1 ||
    cs.errorFraction[c] !== 0 ||
    cs.replicasDown[c] !== 0 ||
    cs.flushEmptyUntilMs[c] !== Number.NEGATIVE_INFINITY
  );
}
