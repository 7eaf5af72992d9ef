/** What a report is built from, and the choices derived from it (which load to detail, the bottleneck). */
import type { CapacityResult } from '../engine/capacity';
import type { RunResult, SweepResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import type { DaySeries } from './daySeries';

/** The run settings the figures came from (shown in the assumptions table). */
export interface ReportRunSettings {
  durationSec: number;
  warmupSec: number;
  seed: number;
  replications: number;
  /** Number of sweep points. */
  steps: number;
}

export interface ReportInput {
  doc: Topology;
  sweep: SweepResult | null;
  capacity: CapacityResult | null;
  settings: ReportRunSettings;
  /** Offered load (req/s; users for a closed workload) for the per-node view and the distribution: the sweep point nearest to it (default: see detailPoint). */
  detailRatePerSec?: number;
  /** e.g. "Loadsketch CLI 0.1.0" or "Loadsketch studio". */
  generatedBy: string;
  /** When, as text (ISO 8601); the builder is pure, so the caller supplies it. */
  generatedAt?: string;
  /** A day of autoscaled traffic (one run of a document that autoscales), drawn in its own section; absent = none. */
  day?: DaySeries | null;
  /**
   * A finished single run of a document with scenario events, for the Fault scenario section of a report
   * without a sweep (with a sweep, the section shows the detailed sweep point); absent = none.
   */
  scenarioRun?: RunResult | null;
}

/**
 * The sweep point the report details: the one nearest `detailRatePerSec`
 * when given, else the highest load at which neither design is saturated
 * (else at which the microservice design is not), else the first point.
 * Null without a sweep.
 */
export function detailPoint(sweep: SweepResult | null, detailRatePerSec?: number): RunResult | null {
  if (!sweep || sweep.points.length === 0) return null;
  const pts = sweep.points;
  if (detailRatePerSec !== undefined) {
    // A closed sweep's points share the document's rate and differ in users.
    const load = (p: RunResult) => p.users ?? p.ratePerSec;
    return pts.reduce((best, p) => (Math.abs(load(p) - detailRatePerSec) < Math.abs(load(best) - detailRatePerSec) ? p : best));
  }
  const both = pts.filter((p) => !p.microservices.saturated && !p.monolith.saturated);
  if (both.length) return both[both.length - 1];
  const calm = pts.filter((p) => !p.microservices.saturated);
  return calm.length ? calm[calm.length - 1] : pts[0];
}

/** The simulated bottleneck at a run: the traffic-carrying node with the highest utilisation in the microservice design. */
export function simulatedBottleneck(doc: Topology, point: RunResult): { id: string; utilization: number } | null {
  const offline = new Set(doc.nodes.filter((n) => n.role === 'offline').map((n) => n.id));
  let best: { id: string; utilization: number } | null = null;
  for (const n of point.microservices.nodes) {
    if (offline.has(n.id) || n.arrivalRatePerSec <= 0) continue;
    if (!best || n.utilization > best.utilization) best = { id: n.id, utilization: n.utilization };
  }
  return best;
}

/** A node's label (or id when the label is empty). */
export function labelOf(doc: Topology, id: string): string {
  const n = doc.nodes.find((x) => x.id === id);
  return n ? n.label || n.id : id;
}
