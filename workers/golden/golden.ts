/**
 * Golden results: every template run at a fixed seed, summarised (end to
 * end, per node, saturation, cost, analytic) and rounded to 6 significant
 * digits. `npm run golden:update` rewrites the files; the golden test
 * compares against them, so any change to the engine's numbers is seen.
 */
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../engine/results';
import { runPoint } from '../engine/run';
import type { Topology } from '../engine/schema';
import { toJsonText } from '../cli/json';

/** The seed and longest duration (s) of a golden run. */
export const GOLDEN_SEED = 20260314;
export const GOLDEN_MAX_DURATION_SEC = 20;

/** The folder holding `<template id>.json`. */
export const GOLDEN_DIR = fileURLToPath(new URL('.', import.meta.url));

function round(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
  if (Array.isArray(x)) return x.map(round);
  if (ArrayBuffer.isView(x)) return Array.from(x as Float64Array, round); // an autoscaled node's replica series
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]));
  return x;
}

function design(d: RunResult['microservices']) {
  return {
    endToEnd: d.endToEnd,
    nodes: d.nodes,
    saturated: d.saturated,
    saturatedNode: d.saturatedNode,
    costPerHour: d.costPerHour,
    costPerMillionRequests: d.costPerMillionRequests,
    // A scenario run's figures (absent otherwise, so other goldens are unchanged).
    ...(d.availability !== undefined ? { availability: d.availability, goodputPerSec: d.goodputPerSec, recoverySec: d.recoverySec, recovered: d.recovered } : {}),
  };
}

/** The golden JSON text of one template (its document). */
export function goldenText(doc: Topology): string {
  const durationSec = Math.min(doc.run.durationSec, GOLDEN_MAX_DURATION_SEC);
  const r = runPoint(doc, { seed: GOLDEN_SEED, durationSec, warmupSec: Math.min(doc.run.warmupSec, durationSec / 4), replications: 1 });
  return toJsonText(
    round({
      template: doc.name,
      ratePerSec: r.ratePerSec,
      seed: r.seed,
      durationSec,
      microservices: design(r.microservices),
      monolith: design(r.monolith),
      analytic: r.analytic,
    }),
  );
}
