/** The report's verdicts as plain sentences (no markup: the builder escapes them). */
import type { CapacityResult } from '../engine/capacity';
import { mergedNodeIds } from '../engine/monolith';
import { deriveMonolith } from '../engine/monolith';
import type { RunResult } from '../engine/results';
import type { Slo, Topology } from '../engine/schema';
import { fmtMs, fmtNum, fmtPct, fmtRate, fmtRatio, fmtMoney } from './format';
import { labelOf, simulatedBottleneck } from './model';

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

/** How the monolith was derived: which nodes merged, how many servers, what it costs. */
export function monolithSentence(doc: Topology): string {
  const merged = [...mergedNodeIds(doc)];
  if (merged.length === 0) return 'No service node is on the request path, so the monolith is the same as the microservice design.';
  const mono = deriveMonolith(doc);
  const pool = mono.pools[mono.pools.length - 1];
  const names = merged.map((id) => labelOf(doc, id));
  const infra = doc.nodes.filter((n) => n.role === 'infra').map((n) => n.label || n.id);
  const budget = doc.monolith.threadsPerReplica !== null ? `${fmtNum(pool.servers)} servers (set in the document)` : `${fmtNum(pool.servers)} servers (the same total as the microservice design)`;
  return (
    `The monolith merges the ${merged.length} service node${merged.length === 1 ? '' : 's'} on the request path (${names.join(', ')}) ` +
    `into one deployable with ${budget} costing ${fmtMoney(pool.costPerHour)}/h; calls between the merged parts cost no network time` +
    (infra.length ? `, and the ${infra.length} infrastructure node${infra.length === 1 ? '' : 's'} (${infra.join(', ')}) stay remote.` : '.')
  );
}

/** The bottleneck at one load (simulated) and where the analytic model says the design saturates. */
export function bottleneckSentence(doc: Topology, point: RunResult): string {
  const sim = simulatedBottleneck(doc, point);
  const a = point.analytic.microservices;
  const parts: string[] = [];
  if (sim) parts.push(`At ${fmtRate(point.ratePerSec)} the busiest node is ${labelOf(doc, sim.id)} (utilisation ${fmtPct(sim.utilization)}).`);
  if (a.bottleneck && a.saturationRatePerSec !== null) {
    parts.push(`The analytic model names ${labelOf(doc, a.bottleneck)} as the bottleneck: the microservice design saturates at about ${fmtRate(a.saturationRatePerSec)}.`);
  }
  const m = point.analytic.monolith;
  if (m.saturationRatePerSec !== null) parts.push(`The monolith saturates at about ${fmtRate(m.saturationRatePerSec)}${m.bottleneck ? ` (busiest: ${labelOf(doc, m.bottleneck)})` : ''}.`);
  return parts.join(' ') || 'No node carries traffic.';
}
