/**
 * The verdict after a sweep, in one place: which design meets the SLO up to
 * which load, each design's capacity, the cost per million requests there,
 * and the reason in the model's own terms (the bottleneck node and its
 * utilisation; the monolith's pooled servers). The studio's headline, the
 * HTML report and the CLI's `sweep` all print what `buildVerdict` returns, so
 * they never disagree. Pure; plain sentences (callers escape them).
 *
 * Capacity comes from the capacity search when there is one (bisection over
 * the rate, workers/engine/capacity.ts); before it, from the sweep itself
 * (the highest swept load that meets the SLO: a lower bound, said as
 * "at least"). The reason is a list of facts so later facts (machine type,
 * GPUs per replica) join it without changing the callers.
 */
import { type CapacityResult, meetsSlo } from '../engine/capacity';
import { KINDS } from '../engine/kinds';
import { findHardware } from '../engine/hardware';
import { colocatedLlmIds, deriveMonolithDeployment, mergedNodeIds } from '../engine/monolith';
import type { RunResult } from '../engine/results';
import type { Slo, Topology } from '../engine/schema';
import { fmtMoney, fmtNum, fmtPct, fmtRate, fmtRatio } from './format';
import { detailPoint, labelOf, type ReportInput, simulatedBottleneck } from './model';
import { sloText } from './sentences';
import { fmtUsers, pointLoadText, sweepLoad } from './closedText';

type Design = 'microservices' | 'monolith';
const NAME: Record<Design, string> = { microservices: 'microservice design', monolith: 'monolith' };

/** One design's figures in the verdict. */
export interface VerdictDesign {
  /** Highest load meeting the SLO, req/s (null: none tried did). */
  capacityPerSec: number | null;
  /** True when the figure is the highest swept load that met it (the real capacity may be higher). */
  lowerBound: boolean;
  /** US$ per million requests at that load (null without one). */
  costPerMillionRequests: number | null;
  /**
   * Closed workloads only: the most users meeting the SLO among the swept N (a lower bound; null: none did).
   * `capacityPerSec` is then the throughput measured there.
   */
  capacityUsers?: number | null;
}

export interface Verdict {
  /** The headline sentence: who meets the SLO up to which load, and the ratio. */
  headline: string;
  /** Cost per million requests of each design at its capacity (null when neither has one). */
  cost: string | null;
  /** Why, in the model's terms (null without a load test). */
  reason: string | null;
  /** Where the capacities came from: "capacity search" or "sweep". */
  source: 'search' | 'sweep';
  microservices: VerdictDesign;
  monolith: VerdictDesign;
}

/** Each design's capacity from the sweep alone: the highest swept load (rate, or users for a closed workload) that meets the SLO. */
export function sweepCapacity(points: readonly RunResult[], slo: Slo, design: Design): VerdictDesign {
  // A closed network cannot grow its queues without bound (at most N requests are in it): the simulator's
  // "saturated" flag (a full server with a longer queue at the end than mid-run) is the open model's test, so a
  // closed point is judged on its SLO figure and failures alone.
  const closed = points.some((p) => p.users !== undefined);
  const meets = (p: RunResult) => meetsSlo(closed ? { ...p[design], saturated: false } : p[design], slo);
  let best: RunResult | null = null;
  for (const p of points) if (meets(p) && (!best || sweepLoad(p) > sweepLoad(best))) best = p;
  const cost = best ? best[design].costPerMillionRequests : null;
  if (closed) {
    return { capacityPerSec: best ? best[design].endToEnd.throughputPerSec : null, lowerBound: best !== null, costPerMillionRequests: cost, capacityUsers: best?.users ?? null };
  }
  return { capacityPerSec: best ? best.ratePerSec : null, lowerBound: best !== null, costPerMillionRequests: cost };
}

function fromSearch(c: CapacityResult, design: Design): VerdictDesign {
  const d = c[design];
  return { capacityPerSec: d.ratePerSec, lowerBound: false, costPerMillionRequests: d.costPerMillionRequests };
}

const loadOf = (d: VerdictDesign) => (d.capacityUsers !== undefined ? `${fmtUsers(d.capacityUsers)} (${fmtRate(d.capacityPerSec)} completed)` : fmtRate(d.capacityPerSec));
const upTo = (d: VerdictDesign) => (d.lowerBound ? `at least ${loadOf(d)}` : loadOf(d));

function headline(slo: Slo, micro: VerdictDesign, mono: VerdictDesign): string {
  const closed = micro.capacityUsers !== undefined;
  const a = closed ? (micro.capacityUsers ?? null) : micro.capacityPerSec;
  const b = closed ? (mono.capacityUsers ?? null) : mono.capacityPerSec;
  const at = `At ${sloText(slo)}`;
  if (a === null && b === null) return `${at}, neither design meets the SLO at any ${closed ? 'number of users' : 'load'} tried.`;
  if (a === null || b === null) {
    const [ok, no] = a !== null ? (['microservices', 'monolith'] as const) : (['monolith', 'microservices'] as const);
    return `${at}, only the ${NAME[ok]} meets the SLO, up to ${upTo(ok === 'microservices' ? micro : mono)}; the ${NAME[no]} misses it at every ${closed ? 'number of users' : 'load'} tried.`;
  }
  const ratio = a / b;
  const both = `the microservice design meets the SLO up to ${upTo(micro)} and the monolith up to ${upTo(mono)}`;
  if (Math.abs(ratio - 1) < 0.02) return `${at}, ${both}: about the same ${closed ? 'users' : 'load'}.`;
  const winner: Design = ratio > 1 ? 'microservices' : 'monolith';
  const bounded = micro.lowerBound || mono.lowerBound ? `of the ${closed ? 'user counts' : 'loads'} tried, ` : '';
  return `${at}, ${both}: ${bounded}the ${NAME[winner]} ${closed ? 'serves' : 'carries'} ${fmtRatio(Math.max(ratio, 1 / ratio))} as ${closed ? 'many users' : 'much'}.`;
}

function costLine(micro: VerdictDesign, mono: VerdictDesign): string | null {
  if (micro.costPerMillionRequests === null && mono.costPerMillionRequests === null) return null;
  return `Cost per million requests at those loads: ${fmtMoney(micro.costPerMillionRequests)} for the microservices, ${fmtMoney(mono.costPerMillionRequests)} for the monolith.`;
}

/** The reason, as facts: the microservices' bottleneck, then what the monolith pools and what it cannot split. */
export function reasonFacts(doc: Topology, point: RunResult): string[] {
  const facts: string[] = [];
  const sim = simulatedBottleneck(doc, point);
  const a = point.analytic.microservices;
  const first = a.bottleneck ?? sim?.id ?? null;
  if (first) {
    const node = doc.nodes.find((n) => n.id === first);
    const kind = node ? KINDS[node.kind].title.toLowerCase() : 'node';
    const machine = node ? findHardware(doc, node.hardware) : null;
    const on = machine ? ` on ${machine.id}${machine.gpus > 0 ? ` (${fmtNum(machine.gpus)} GPU${machine.gpus === 1 ? '' : 's'} each)` : ''}` : '';
    const util = point.microservices.nodes.find((n) => n.id === first)?.utilization;
    const servers = node ? `, ${fmtNum(node.replicas)} replica${node.replicas === 1 ? '' : 's'} × ${fmtNum(node.concurrency)}${on}` : '';
    facts.push(
      `in the microservice design the ${labelOf(doc, first)} (${kind}${servers}) saturates first` +
        (util !== undefined ? `: ${fmtPct(util)} busy at ${pointLoadText(point)}` : '') +
        (a.saturationRatePerSec !== null ? `, full at about ${fmtRate(a.saturationRatePerSec)}` : ''),
    );
  }
  const merged = mergedNodeIds(doc);
  const colocated = colocatedLlmIds(doc);
  if (merged.size + colocated.size > 1) {
    const d = deriveMonolithDeployment(doc).deployment;
    const m = point.analytic.monolith;
    const replicas = `${fmtNum(d.replicas)} replica${d.replicas === 1 ? '' : 's'}${d.hardware ? ` of ${d.hardware}` : ''}`;
    const threads = d.cpuNodes.length > 1 ? `pools ${fmtNum(d.threadsPerReplica)} worker threads per replica across its ${d.cpuNodes.length} CPU-side services` : `gives its CPU-side work ${fmtNum(d.threadsPerReplica)} threads per replica`;
    const gpus = d.gpuNodes.length > 0 ? ` and runs its ${d.gpuNodes.length === 1 ? 'model' : `${d.gpuNodes.length} models`} on ${fmtNum(d.gpuSlotsPerReplica)} GPU slot${d.gpuSlotsPerReplica === 1 ? '' : 's'} per replica, apart from the threads` : '';
    const n = d.llmNodes.length;
    const llmGpus = `${fmtNum(d.llmGpusPerReplica)} GPU${d.llmGpusPerReplica === 1 ? '' : 's'}`;
    const llm = n === 0 ? '' : n === 1 ? `, runs its own engine of the LLM in every replica (on ${llmGpus})` : `, runs its own engine of each of its ${n} LLMs in every replica (on ${llmGpus} in all)`;
    facts.push(
      (d.fits ? '' : 'the monolith cannot be deployed as drawn (no machine type holds every merged component); ') +
        `the monolith (${replicas}) ${threads}${gpus}${llm}, but grows only by whole replicas` +
        (m.saturationRatePerSec !== null ? ` (full at about ${fmtRate(m.saturationRatePerSec)})` : ''),
    );
  } else if (merged.size === 1) facts.push('only one service is on the request path, so the monolith pools nothing');
  return facts;
}

/**
 * The verdict of a sweep. `capacity`: the capacity search's result, when it
 * ran on this document (else the sweep's own figures are used). `point`: the
 * load the reason is told at (e.g. the report's detail point).
 */
export function buildVerdict(doc: Topology, slo: Slo, points: readonly RunResult[], capacity: CapacityResult | null, point: RunResult | null): Verdict {
  // A closed workload's users ignore the rate: a capacity search over the rate says nothing about them.
  if (points.some((p) => p.users !== undefined)) capacity = null;
  const source = capacity ? 'search' : 'sweep';
  const micro = capacity ? fromSearch(capacity, 'microservices') : sweepCapacity(points, slo, 'microservices');
  const mono = capacity ? fromSearch(capacity, 'monolith') : sweepCapacity(points, slo, 'monolith');
  const facts = point ? reasonFacts(doc, point) : [];
  const reason = facts.length ? `Why: ${facts.join('; ')}.` : null;
  return { headline: headline(slo, micro, mono), cost: costLine(micro, mono), reason, source, microservices: micro, monolith: mono };
}

/** The verdict of a report's input: the one call the report, the studio's headline and the CLI make. */
export function verdictOf(input: Pick<ReportInput, 'doc' | 'sweep' | 'capacity' | 'detailRatePerSec'>): Verdict {
  const point = detailPoint(input.sweep, input.detailRatePerSec);
  return buildVerdict(input.doc, input.capacity?.slo ?? input.doc.slo, input.sweep?.points ?? [], input.capacity, point);
}
