/**
 * Measured points of a real load test (k6 summary, Locust CSV; see
 * app/interop/calibrationStore.ts) on the latency chart: one marker series per
 * percentile shown, beside the simulated curves, and a table of the points.
 */
import { Scatter } from 'recharts';
import { useStore } from 'zustand';
import type { CalibrationPoint } from '../../workers/interop/calibration';
import { calibrationStore, clearCalibration } from '../interop/calibrationStore';
import { NumCell } from './ChartFrame';
import { fmtMs, fmtRate } from './format';
import { PERCENTILES, type Percentile } from './series';

const FIELD: Record<Percentile, keyof CalibrationPoint> = { mean: 'meanMs', p50: 'p50Ms', p95: 'p95Ms', p99: 'p99Ms' };
const SHAPE: Record<Percentile, 'circle' | 'diamond' | 'square' | 'triangle'> = { mean: 'circle', p50: 'diamond', p95: 'square', p99: 'triangle' };

export function useMeasuredPoints(): { source: string | null; points: CalibrationPoint[] } {
  return useStore(calibrationStore);
}

/** Marker series of the measured points for the percentiles shown. */
export function measuredSeries(points: readonly CalibrationPoint[], shown: readonly Percentile[], colour: string) {
  return PERCENTILES.filter((p) => shown.includes(p)).flatMap((p) => {
    const data = points.filter((pt) => pt[FIELD[p]] !== null).map((pt) => ({ ratePerSec: pt.ratePerSec, measured: pt[FIELD[p]] }));
    return data.length
      ? [<Scatter key={`measured-${p}`} name={`Measured ${p}`} data={data} dataKey="measured" fill={colour} shape={SHAPE[p]} isAnimationActive={false} legendType="none" />]
      : [];
  });
}

/** The measured points as a table, with a button that removes them. */
export function MeasuredTable({ source, points }: { source: string | null; points: readonly CalibrationPoint[] }) {
  if (!points.length) return null;
  return (
    <>
      <p className="ls-hint">
        Measured (from {source}):{' '}
        <button type="button" className="ls-button" onClick={clearCalibration} data-testid="measured-clear">
          Remove measured points
        </button>
      </p>
      <table className="ls-table" data-testid="measured-table">
        <thead>
          <tr>
            <th scope="col">Achieved load</th>
            {PERCENTILES.map((p) => (
              <th key={p} scope="col">{`Measured ${p}`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((pt, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: measured points never reorder
            <tr key={i}>
              <NumCell k="ratePerSec" value={pt.ratePerSec} text={fmtRate(pt.ratePerSec)} />
              {PERCENTILES.map((p) => (
                <NumCell key={p} k={`measured_${p}`} value={pt[FIELD[p]] as number | null} text={fmtMs(pt[FIELD[p]] as number | null)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
