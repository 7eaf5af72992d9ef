/** Measured points of a real load test (k6 summary, Locust CSV), drawn on the latency chart beside the simulated curve. */
import { createStore } from 'zustand/vanilla';
import type { CalibrationPoint } from '../../workers/interop/calibration';

export interface CalibrationState {
  /** Where the points came from (the file name), or null when none are loaded. */
  source: string | null;
  points: CalibrationPoint[];
}

export const calibrationStore = createStore<CalibrationState>(() => ({ source: null, points: [] }));

/** Adds measured points from one file (points from a file of the same name are replaced). */
export function addCalibration(source: string, points: CalibrationPoint[]): void {
  calibrationStore.setState((s) => ({ source: s.source && s.source !== source ? `${s.source}, ${source}` : source, points: [...(s.source === source ? [] : s.points), ...points] }));
}

export function clearCalibration(): void {
  calibrationStore.setState({ source: null, points: [] });
}
