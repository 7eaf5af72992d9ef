/**
 * Run state: the run panel's inputs, the current (or last) run's points as
 * they stream in, progress, errors and the capacity search. Kept apart from
 * the document: nodes never carry results, so progress ticks never re-render
 * the canvas (a node reads only its own utilisation through a selector).
 * The orchestration lives in app/run/runController.ts; these are its setters.
 */
import type { RunResult } from '../../workers/engine/results';
import type { Slo, Topology } from '../../workers/engine/schema';
import { DEFAULT_RUN_FORM, type FormErrors, type RunFormSpec } from '../run/plan';
import type { GetState, SetState } from './types';

export type RunStatus = 'running' | 'done' | 'cancelled' | 'error';

export interface RunRecord {
  id: number;
  kind: 'sweep' | 'single';
  status: RunStatus;
  /** The document exactly as it was run. */
  doc: Topology;
  rates: number[];
  replications: number;
  /** One slot per rate, filled as points complete. */
  points: (RunResult | null)[];
  pointsDone: number;
  jobsDone: number;
  jobsTotal: number;
  startedAtMs: number;
  /** Time from start to the first completed point, ms. */
  firstPointMs: number | null;
  /** Estimated time left, s (null until a job has finished). */
  etaSec: number | null;
  error: string | null;
}

export interface DesignCapacity {
  capacityPerSec: number;
  failsAtPerSec: number | null;
  /** The run at the capacity rate (null when no rate met the SLO). */
  atCapacity: RunResult | null;
}

export interface CapacityRecord {
  runId: number;
  status: RunStatus;
  /** The document exactly as it was searched (an edit afterwards makes the result stale). */
  doc: Topology;
  slo: Slo;
  microservices: DesignCapacity | null;
  monolith: DesignCapacity | null;
  evaluations: number;
  error: string | null;
}

export interface RunSlice {
  runForm: RunFormSpec;
  formErrors: FormErrors;
  run: RunRecord | null;
  capacity: CapacityRecord | null;
  /** Index of the sweep point the per-node and distribution views show; null = automatic. */
  selectedPoint: number | null;
  setRunForm(patch: Partial<RunFormSpec>): void;
  setFormErrors(errors: FormErrors): void;
  runStarted(run: Pick<RunRecord, 'id' | 'kind' | 'doc' | 'rates' | 'replications' | 'startedAtMs'>): void;
  runProgressed(id: number, jobsDone: number, etaSec: number | null): void;
  /** Points that completed (several at once when they arrive in a burst); `atMs` is when the first arrived. */
  runPointsDone(id: number, done: readonly { index: number; result: RunResult }[], atMs: number): void;
  runEnded(id: number, status: RunStatus, error?: string): void;
  selectPoint(index: number | null): void;
  setCapacity(capacity: CapacityRecord | null): void;
}

export function createRunSlice(set: SetState, get: GetState): RunSlice {
  const current = (id: number) => {
    const r = get().run;
    return r && r.id === id ? r : null;
  };
  return {
    runForm: DEFAULT_RUN_FORM,
    formErrors: {},
    run: null,
    capacity: null,
    selectedPoint: null,
    setRunForm: (patch) => set({ runForm: { ...get().runForm, ...patch }, formErrors: {} }),
    setFormErrors: (formErrors) => set({ formErrors }),
    runStarted: (r) =>
      set({
        run: {
          ...r,
          status: 'running',
          points: r.rates.map(() => null),
          pointsDone: 0,
          jobsDone: 0,
          jobsTotal: r.rates.length * r.replications,
          firstPointMs: null,
          etaSec: null,
          error: null,
        },
        selectedPoint: null,
        capacity: null,
      }),
    runProgressed: (id, jobsDone, etaSec) => {
      const r = current(id);
      if (r?.status === 'running') set({ run: { ...r, jobsDone, etaSec } });
    },
    runPointsDone: (id, done, atMs) => {
      const r = current(id);
      if (r?.status !== 'running' || !done.length) return;
      const points = r.points.slice();
      for (const d of done) points[d.index] = d.result;
      set({ run: { ...r, points, pointsDone: r.pointsDone + done.length, firstPointMs: r.firstPointMs ?? atMs - r.startedAtMs } });
    },
    runEnded: (id, status, error) => {
      const r = current(id);
      if (r?.status === 'running') set({ run: { ...r, status, error: error ?? null, etaSec: null } });
    },
    selectPoint: (selectedPoint) => set({ selectedPoint }),
    setCapacity: (capacity) => set({ capacity }),
  };
}
