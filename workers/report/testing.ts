/** A small real report input for tests: a template swept and searched with the engine at short settings. */
import { findCapacity } from '../engine/capacity';
import type { RunResult } from '../engine/results';
import { runPoint } from '../engine/run';
import type { Topology } from '../engine/schema';
import { sweepRates } from '../engine/sweep';
import { loadTemplate } from '../templates';
import type { ReportInput } from './model';

/** Sweeps `doc` over `steps` loads and searches its capacity, each run `durationSec` long. */
export async function smallReportInput(doc: Topology, steps = 4, durationSec = 4): Promise<ReportInput> {
  const opts = { durationSec, warmupSec: durationSec / 10, seed: 11 };
  const cache = new Map<number, RunResult>();
  const evaluate = (ratePerSec: number) => {
    if (!cache.has(ratePerSec)) cache.set(ratePerSec, runPoint(doc, { ...opts, ratePerSec }));
    return cache.get(ratePerSec)!;
  };
  const points = sweepRates(doc, { steps }).map(evaluate);
  const capacity = await findCapacity(doc, async (r) => evaluate(r), { sweep: points, maxEvaluations: 5 });
  return {
    doc,
    sweep: { points },
    capacity,
    settings: { ...opts, replications: 1, steps },
    generatedBy: 'a unit test',
    generatedAt: '2026-01-02 03:04',
  };
}

/**
 * The ranker-gpu-loss template made short for tests: a 40 s run (4 s warm-up) in which the ranker loses 2 of its
 * 8 GPUs from 12 s to 22 s (the template: 240 s, from 60 s to 120 s).
 */
export function shortRankerGpuLoss(): Topology {
  const doc = loadTemplate('ranker-gpu-loss');
  const events = (doc.scenario?.events ?? []).map((e) => ({ ...e, atSec: 12, durationSec: 10 }));
  return { ...doc, run: { ...doc.run, durationSec: 40, warmupSec: 4 }, scenario: { events } };
}
