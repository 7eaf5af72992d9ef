/**
 * The static counterpart of an autoscaled day: the document without its
 * autoscalers and day profile, to be right-sized at the day's peak rate, and
 * what that fixed configuration costs over the same run.
 */
import type { RightSizedDesign } from '../engine/rightsize';
import type { Topology } from '../engine/schema';

/** The day's peak offered rate (req/s): the profile's highest point, else the workload's rate. */
export function peakRatePerSec(doc: Topology): number {
  const p = doc.workload.profile;
  return p?.length ? Math.max(...p.map((x) => x.ratePerSec)) : doc.workload.ratePerSec;
}

/** The document as a static deployment at its peak: no autoscaler (node or monolith), no profile, the peak as its rate. */
export function staticDocument(doc: Topology): { ratePerSec: number; doc: Topology } {
  const ratePerSec = peakRatePerSec(doc);
  return {
    ratePerSec,
    doc: {
      ...doc,
      nodes: doc.nodes.map(({ autoscale: _a, ...n }) => n),
      monolith: (({ autoscale: _a, ...m }) => m)(doc.monolith),
      workload: { ...doc.workload, ratePerSec, profile: null },
    },
  };
}

/** US$ a right-sized static design costs over `durationSec` (NaN when the search found none). */
export function staticDayCost(d: RightSizedDesign, durationSec: number): number {
  return d.found ? (d.costPerHour * durationSec) / 3600 : Number.NaN;
}
