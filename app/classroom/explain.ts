/**
 * Explain: the formula behind a number, with the node's own values filled in
 * and the simulated value beside the predicted one. Pure (numbers → text).
 * Every prediction comes from the engine's analytic module (route,
 * buildStations, erlangC, mgcWaitMs): this file only writes them out.
 */
import { erlangC, mgcWaitMs } from '../../workers/engine/analytic/erlang';
import { route } from '../../workers/engine/analytic/routing';
import { buildStations, type Station } from '../../workers/engine/analytic/stations';
import { deriveMonolith } from '../../workers/engine/monolith';
import type { AnalyticDesignResult, NodeResult, RunResult } from '../../workers/engine/results';
import type { Topology } from '../../workers/engine/schema';
import { fmtMs, fmtNum, fmtPct, fmtRate } from '../results/format';

/** The numbers that can be explained. `saturation` is the design's, the others a node's. */
export const EXPLAINABLE = ['arrivalRatePerSec', 'utilization', 'meanQueueLength', 'meanWaitMs', 'meanTimeInNodeMs', 'p99TimeInNodeMs', 'saturation'] as const;
export type ExplainQuantity = (typeof EXPLAINABLE)[number];
export type Design = 'microservices' | 'monolith';

export interface ExplainRequest {
  /** The document as run (the monolith is derived from it when `design` is monolith). */
  doc: Topology;
  point: RunResult;
  design: Design;
  quantity: ExplainQuantity;
  /** Required for every quantity but `saturation`. */
  nodeId: string | null;
}

/** One step: the law's name, the formula in symbols, and the same with this node's numbers. */
export interface ExplainLine {
  law: string;
  formula: string;
  filled: string;
}

export interface Explanation {
  title: string;
  lines: ExplainLine[];
  /** What the symbols stand for here. */
  legend: string;
  predicted: number | null;
  predictedText: string;
  simulated: number | null;
  simulatedText: string;
  /** Why a figure is not predicted (empty when it is). */
  notCovered: string[];
}

const QUANTITY_NAME: Record<ExplainQuantity, string> = {
  arrivalRatePerSec: 'Arrival rate',
  utilization: 'Utilisation',
  meanQueueLength: 'Mean queue length',
  meanWaitMs: 'Mean wait',
  meanTimeInNodeMs: 'Mean time in node',
  p99TimeInNodeMs: 'p99 time in node',
  saturation: 'Saturation rate',
};

/** The format a quantity's value is written in. */
export function formatQuantity(q: ExplainQuantity, v: number | null): string {
  if (q === 'utilization') return fmtPct(v);
  if (q === 'meanQueueLength') return fmtNum(v);
  if (q === 'arrivalRatePerSec' || q === 'saturation') return fmtRate(v);
  return fmtMs(v);
}

const servers = (c: number) => `${c} ${c === 1 ? 'server' : 'servers'}`;

/** Notes of the analytic model about this node (naming it), plus the design-wide ones (naming no node or edge). */
function notesFor(a: AnalyticDesignResult, id: string | null): string[] {
  return a.notCovered.filter((n) => (id !== null && n.includes(`"${id}"`)) || !/(Node|node|Edge|pool) "/.test(n));
}

interface NodeContext {
  i: number;
  st: Station;
  lambda: number;
  meanMs: number;
  scv: number;
  sim: NodeResult | undefined;
  visits: number;
}

/** Explains one number. Throws when the node is not in the design. */
export function explain(req: ExplainRequest): Explanation {
  const doc = req.design === 'monolith' ? deriveMonolith(req.doc) : req.doc;
  const routing = route(doc);
  const { stations, stationOf, moments } = buildStations(doc, routing, req.point.ratePerSec);
  const analytic = req.point.analytic[req.design];
  const sim = req.point[req.design];
  if (req.quantity === 'saturation') return saturation(doc, stations, analytic, req.point.ratePerSec);
  const i = req.nodeId === null ? -1 : (routing.index.get(req.nodeId) ?? -1);
  if (i < 0 || stationOf[i] < 0) throw new Error(`Node "${req.nodeId}" carries no traffic in the ${req.design} design`);
  const ctx: NodeContext = {
    i,
    st: stations[stationOf[i]],
    lambda: req.point.ratePerSec * routing.visits[i],
    meanMs: moments[i].meanMs,
    scv: moments[i].scv,
    sim: sim.nodes.find((n) => n.id === req.nodeId),
    visits: routing.visits[i],
  };
  const node = doc.nodes[i];
  const predictedNode = analytic.nodes.find((n) => n.id === node.id);
  const out = body(req.quantity, ctx, req.point.ratePerSec);
  // The engine's per-node prediction decides what is covered (batching, bounded queues, held workers, timeouts…).
  const waits = req.quantity === 'meanWaitMs' || req.quantity === 'meanTimeInNodeMs' || req.quantity === 'meanQueueLength';
  const predicted = waits && predictedNode?.meanWaitMs == null ? null : out.predicted;
  let notCovered: string[] = [];
  if (predicted === null) {
    notCovered = out.noFormula ? [out.noFormula] : notesFor(analytic, node.id);
    if (notCovered.length === 0) notCovered = ['The analytic model does not predict this figure here.'];
  }
  const simValue = ctx.sim?.[req.quantity] ?? null;
  return {
    title: `${QUANTITY_NAME[req.quantity]} of ${node.label} (${node.id})`,
    lines: out.lines,
    legend: out.legend,
    predicted,
    predictedText: predicted === null ? 'not covered' : formatQuantity(req.quantity, predicted),
    simulated: simValue,
    simulatedText: formatQuantity(req.quantity, simValue),
    notCovered,
  };
}

interface Body {
  lines: ExplainLine[];
  legend: string;
  predicted: number | null;
  noFormula?: string;
}

function waitLines(c: NodeContext): { lines: ExplainLine[]; waitMs: number | null } {
  const { st, scv } = c;
  const S = st.moments.meanMs;
  const a = (st.ratePerSec * S) / 1000;
  const rho = a / st.servers;
  const waitMs = mgcWaitMs(st.servers, st.ratePerSec, S, st.moments.scv);
  if (waitMs === null) {
    return { lines: [{ law: 'No steady state', formula: 'ρ ≥ 1', filled: `ρ = ${fmtPct(rho)}: the queue grows without bound` }], waitMs };
  }
  if (st.servers === 1) {
    const filled = `W_q = ${fmtPct(rho)} × ${fmtMs(S)} × (1 + ${fmtNum(scv)}) / (2 × (1 − ${fmtNum(rho)})) = ${fmtMs(waitMs)}`;
    return { lines: [{ law: 'Pollaczek–Khinchine (M/G/1)', formula: 'W_q = ρ·S·(1 + c_s²) / (2(1 − ρ))', filled }], waitMs };
  }
  const pWait = erlangC(st.servers, a);
  return {
    lines: [
      { law: 'Offered load', formula: 'a = λ·S', filled: `a = ${fmtRate(st.ratePerSec)} × ${fmtMs(S)} = ${fmtNum(a)} erlangs on ${servers(st.servers)}` },
      { law: 'Erlang C (M/M/c)', formula: 'P_wait = C(c, a)', filled: `P_wait = C(${st.servers}, ${fmtNum(a)}) = ${fmtPct(pWait)}` },
      {
        law: st.moments.scv === 1 ? 'Erlang C wait' : 'Erlang C wait × Allen–Cunneen factor',
        formula: 'W_q = P_wait·S / (c − a) · (1 + c_s²)/2',
        filled: `W_q = ${fmtPct(pWait)} × ${fmtMs(S)} / (${st.servers} − ${fmtNum(a)}) × (1 + ${fmtNum(st.moments.scv)})/2 = ${fmtMs(waitMs)}`,
      },
    ],
    waitMs,
  };
}

function body(q: ExplainQuantity, c: NodeContext, entryRate: number): Body {
  const S = c.meanMs;
  const pooled = c.st.poolId !== null;
  const legend = `λ = arrivals per second at the node, S = mean service time, c = servers${pooled ? ` (pool "${c.st.poolId}", shared)` : ''}, c_s² = squared coefficient of variation of S (1 for exponential, 0 for constant), W_q = mean wait in the queue.`;
  switch (q) {
    case 'arrivalRatePerSec':
      return {
        legend: 'λ = entry rate, v = expected visits to this node per request (from the call probabilities and counts).',
        predicted: c.lambda,
        lines: [{ law: 'Traffic equations', formula: 'λ_node = λ·v', filled: `λ_node = ${fmtRate(entryRate)} × ${fmtNum(c.visits)} = ${fmtRate(c.lambda)}` }],
      };
    case 'utilization': {
      const rho = (c.lambda * S) / 1000 / c.st.servers;
      return {
        legend,
        predicted: rho,
        lines: [{ law: 'Utilisation', formula: 'ρ = λ·S / c', filled: `ρ = ${fmtRate(c.lambda)} × ${fmtMs(S)} ÷ ${servers(c.st.servers)} = ${fmtPct(rho)}` }],
      };
    }
    case 'meanWaitMs': {
      const w = waitLines(c);
      return { legend, predicted: w.waitMs, lines: w.lines };
    }
    case 'meanQueueLength': {
      const w = waitLines(c);
      const lq = w.waitMs === null ? null : (c.lambda * w.waitMs) / 1000;
      const lines = [...w.lines, { law: "Little's law", formula: 'L_q = λ·W_q', filled: `L_q = ${fmtRate(c.lambda)} × ${fmtMs(w.waitMs)} = ${fmtNum(lq)}` }];
      if (c.sim) {
        const check = (c.sim.arrivalRatePerSec * c.sim.meanWaitMs) / 1000;
        lines.push({ law: "Little's law on the simulated numbers", formula: 'L_q = λ·W_q', filled: `${fmtRate(c.sim.arrivalRatePerSec)} × ${fmtMs(c.sim.meanWaitMs)} = ${fmtNum(check)}` });
      }
      return { legend, predicted: lq, lines };
    }
    case 'meanTimeInNodeMs': {
      const w = waitLines(c);
      const t = w.waitMs === null ? null : w.waitMs + S;
      const lines = [...w.lines, { law: 'Time in node', formula: 'W = W_q + S', filled: `W = ${fmtMs(w.waitMs)} + ${fmtMs(S)} = ${fmtMs(t)}` }];
      if (t !== null) lines.push({ law: "Little's law", formula: 'L = λ·W', filled: `L = ${fmtRate(c.lambda)} × ${fmtMs(t)} = ${fmtNum((c.lambda * t) / 1000)} requests in the node` });
      return { legend, predicted: t, lines };
    }
    case 'p99TimeInNodeMs': {
      const mm1 = c.st.servers === 1 && !pooled && c.scv === 1 && c.st.moments.scv === 1;
      const mu = 1000 / S;
      if (!mm1 || c.lambda >= mu) {
        return { legend, predicted: null, lines: [], noFormula: 'A percentile has a closed form here only for a single exponential server below saturation (M/M/1); this node is simulated only.' };
      }
      const p99 = (Math.log(100) / (mu - c.lambda)) * 1000;
      return {
        legend: 'μ = 1/S = service rate, λ = arrival rate; in an M/M/1 queue the time in node is exponential with rate μ − λ.',
        predicted: p99,
        lines: [{ law: 'M/M/1 time in node', formula: 'p99 = ln(100) / (μ − λ)', filled: `p99 = 4.61 / (${fmtRate(mu)} − ${fmtRate(c.lambda)}) = ${fmtMs(p99)}` }],
      };
    }
    default:
      throw new Error(`not a node quantity: ${q}`);
  }
}

function saturation(doc: Topology, stations: Station[], a: AnalyticDesignResult, rate: number): Explanation {
  let top: Station | null = null;
  for (const st of stations) if (!top || st.rhoPerRate > top.rhoPerRate) top = st;
  const value = a.saturationRatePerSec;
  const who = a.bottleneck ? (doc.nodes.find((n) => n.id === a.bottleneck)?.label ?? a.bottleneck) : '—';
  const lines: ExplainLine[] =
    top && value !== null
      ? [
          { law: 'Utilisation grows with load', formula: 'ρ(λ) = λ · Σ v_i·S_i / c', filled: `at ${fmtRate(rate)}: ρ = ${fmtPct(top.rho)} at the busiest station (${who})` },
          { law: 'Saturation', formula: 'λ_sat = c / Σ v_i·S_i  (ρ = 1)', filled: `λ_sat = ${fmtRate(rate)} / ${fmtNum(top.rho)} = ${fmtRate(value)}` },
        ]
      : [];
  return {
    title: `Saturation rate of the design (bottleneck: ${who})`,
    lines,
    legend: 'v_i = visits per request to a node of the busiest station, S_i its mean service time, c the station’s servers. Beyond λ_sat the queue there grows without bound.',
    predicted: value,
    predictedText: fmtRate(value),
    simulated: null,
    simulatedText: 'read the knee of the throughput curve',
    notCovered: value === null ? notesFor(a, null) : [],
  };
}
