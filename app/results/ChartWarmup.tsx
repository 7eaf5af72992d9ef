/**
 * Warms up the chart code while the studio is idle. The first recharts chart
 * a page mounts costs several times more than later ones (its code is
 * compiled on first use), and without this that first mount would land in
 * the middle of the first sweep. This draws an invisible chart with the same
 * kinds of parts as the results charts, updates its data once, and removes it,
 * each step in an idle callback of its own.
 */
import { useEffect, useState } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { DOMAIN_ZERO_TO_MAX, DOT_SMALL, MARGIN, tick3 } from './chartProps';
import { fmtNum } from './format';

const DATA = [
  [
    { x: 1, a: 1, b: 2, c: [0.5, 1.5] },
    { x: 2, a: 2, b: 3, c: [1.5, 2.5] },
  ],
  [
    { x: 1, a: 1, b: 2, c: [0.5, 1.5] },
    { x: 2, a: 2, b: 3, c: [1.5, 2.5] },
    { x: 3, a: 4, b: 5, c: [3, 5] },
  ],
];
const HIDDEN = { position: 'fixed', left: -10_000, top: 0, width: 320, height: 200, visibility: 'hidden', pointerEvents: 'none' } as const;

type Idle = (cb: () => void) => () => void;
const onIdle: Idle = (cb) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 200);
  return () => clearTimeout(id);
};

export function ChartWarmup() {
  const [step, setStep] = useState(0);
  useEffect(
    () =>
      step < 3
        ? onIdle(() => {
            if (step === 0) fmtNum(1);
            setStep(step + 1);
          })
        : undefined,
    [step],
  );
  if (step === 0 || step === 3) return null;
  return (
    <div aria-hidden="true" style={HIDDEN}>
      <ComposedChart width={300} height={180} data={DATA[step - 1]} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="x" type="number" interval={0} domain={DOMAIN_ZERO_TO_MAX} tickFormatter={tick3} label={{ value: 'x', position: 'insideBottom' }} />
        <YAxis interval={0} tickFormatter={tick3} />
        <Tooltip />
        <ReferenceLine y={2} strokeDasharray="4 4" label={{ value: 'y', position: 'insideTopLeft' }} />
        <Area dataKey="c" isAnimationActive={false} />
        <Bar dataKey="b" isAnimationActive={false} />
        <Line dataKey="a" dot={DOT_SMALL} isAnimationActive={false} />
        <Line dataKey="b" dot={false} strokeDasharray="6 4" isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
