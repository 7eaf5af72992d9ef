/** The report's verdicts as plain sentences (no markup: the builder escapes them). */
import type { CapacityResult } from '../engine/capacity';
import type { RunResult } from '../engine/results';
import type { Slo, Topology } from '../engine/schema';
import { deploymentSentence } from './deploymentSentence';
import { fmtMs, fmtPct, fmtRate, fmtRatio, fmtMoney } from './format';
import { labelOf, simulatedBottleneck } from './model';
import { pointLoadText } from './closedText';

/** "p99 ≤ 200 ms" */
export function sloText(slo: Slo): string {
  return `${slo.percentile} ≤ ${fmtMs(slo.thresholdMs)}`;
}

/** Both designs' highest sustainable rate at the SLO and the ratio, in one sentence. */
export function capacitySentence(c: CapacityResult): string {
  const m = c.microservices.ratePerSec;
  const o = c.monolith.ratePerSec;
  const part = (name: string, r: number | null, failsAt: number | null) =>
    r !== null ? `${name} sustains up to ${fmtRate(r)}` : `${name} meets it at no load tried (it already fails at ${fmtRate(failsAt)})`;
  let tail = '';
  if (c.ratio !== null) {
    tail =
      Math.abs(c.ratio - 1) < 0.02
        ? ': both carry about the same load.'
        : c.ratio > 1
          ? `: the microservices carry ${fmtRatio(c.ratio)} the monolith's load.`
          : `: the monolith carries ${fmtRatio(1 / c.ratio)} the microservices' load.`;
  } else tail = '.';
  return `At ${sloText(c.slo)}, the ${part('microservice design', m, c.microservices.failsAtPerSec)} and the ${part('monolith', o, c.monolith.failsAtPerSec)}${tail}`;
}

/** Cost per million requests of each design at its capacity. */
export function costSentence(c: CapacityResult): string {
  return (
    `Cost per million requests at those loads: microservices ${fmtMoney(c.microservices.costPerMillionRequests)}, ` +
    `monolith ${fmtMoney(c.monolith.costPerMillionRequests)} (${fmtMoney(c.microservices.costPerHour)}/h vs ${fmtMoney(c.monolith.costPerHour)}/h).`
  );
}

/** How the monolith was derived: which nodes merged, on what machines, how many replicas, what it costs. */
export function monolithSentence(doc: Topology): string {
  return deploymentSentence(doc);
}

/** The bottleneck at one load (simulated) and where the analytic model says the design saturates. */
export function bottleneckSentence(doc: Topology, point: RunResult): string {
  const sim = simulatedBottleneck(doc, point);
  const a = point.analytic.microservices;
  const parts: string[] = [];
  if (sim) parts.push(`At ${pointLoadText(point)} the busiest node is ${labelOf(doc, sim.id)} (utilisation ${fmtPct(sim.utilization)}).`);
  if (a.bottleneck && a.saturationRatePerSec !== null) {
    parts.push(`The analytic model names ${labelOf(doc, a.bottleneck)} as the bottleneck: the microservice design saturates at about ${fmtRate(a.saturationRatePerSec)}.`);
  }
  const m = point.analytic.monolith;
  if (m.saturationRatePerSec !== null) parts.push(`The monolith saturates at about ${fmtRate(m.saturationRatePerSec)}${m.bottleneck ? ` (busiest: ${labelOf(doc, m.bottleneck)})` : ''}.`);
  return parts.join(' ') || 'No node carries traffic.';
}
