/** Selectors over the run slice, named selectX. Each returns stored objects or primitives (stable for React). */
import type { RunResult } from '../../workers/engine/results';
import type { AppState } from '../store/types';
import { autoPointIndex } from './series';

export const selectRun = (s: AppState) => s.run;
export const selectRunStatus = (s: AppState) => s.run?.status ?? null;
export const selectCapacity = (s: AppState) => s.capacity;
export const selectRunForm = (s: AppState) => s.runForm;
export const selectFormErrors = (s: AppState) => s.formErrors;

/** Index of the point the per-node, distribution and time-series views show (user's pick, else automatic). */
export const selectShownIndex = (s: AppState): number | null => {
  const r = s.run;
  if (!r) return null;
  if (s.selectedPoint !== null && r.points[s.selectedPoint]) return s.selectedPoint;
  return autoPointIndex(r.points);
};

export const selectShownPoint = (s: AppState): RunResult | null => {
  const i = selectShownIndex(s);
  return i === null ? null : (s.run?.points[i] ?? null);
};

/** Simulated utilisation of a node (microservice design) at the shown point; null when there is none. */
export const selectNodeUtilization = (id: string) => (s: AppState): number | null => {
  const p = selectShownPoint(s);
  const n = p?.microservices.nodes.find((x) => x.id === id);
  return n && n.arrivalRatePerSec > 0 ? n.utilization : null;
};

/** Whether the document changed since the shown run (results may be out of date). */
export const selectRunIsStale = (s: AppState) => s.run !== null && s.run.doc !== s.doc;
/** True when the design was edited after the capacity search (its figures are for the design as it was). */
export const selectCapacityIsStale = (s: AppState) => s.capacity !== null && s.capacity.doc !== s.doc;
