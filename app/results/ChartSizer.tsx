/**
 * A replacement for recharts' ResponsiveContainer: gives its chart the width
 * of the box and a fixed height. The width comes from a ResizeObserver (never
 * a forced layout: measuring the box while the page is being built costs a
 * layout of the whole studio), and each width reaches its chart in a task of
 * its own (setTimeout + flushSync), so mounting several charts, a window
 * resize or dragging the results splitter never re-renders all charts in one
 * long task. With `stages`, the chart is a function of the mount stage
 * (0, 1, … counted from the moment the width is known, one task apart), so a
 * chart can draw its axes first and add its series in later tasks.
 */
import { cloneElement, type ReactElement, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useMountStages } from './useStaggered';

type Chart = ReactElement<{ width?: number; height?: number }>;

interface Props {
  /** Height in px, or 'fill': the box's own height (a flex child given its room by CSS). */
  height: number | 'fill';
  stages?: number;
  children: Chart | ((stage: number) => Chart);
}

function Staged({ stages, render }: { stages: number; render: (stage: number) => Chart }) {
  return render(useMountStages(stages));
}

export function ChartSizer({ height, stages = 1, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const fill = height === 'fill';
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry.contentRect.width);
      const h = Math.floor(entry.contentRect.height);
      clearTimeout(timer);
      timer = setTimeout(() => flushSync(() => setSize((s) => (s.width === w && s.height === h ? s : { width: w, height: h }))), 0);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, []);
  const chartHeight = fill ? size.height : height;
  const sized = (stage: number) => cloneElement(typeof children === 'function' ? children(stage) : children, { width: size.width, height: chartHeight });
  return (
    <div ref={box} className={`ls-chart-sizer${fill ? ' is-fill' : ''}`} style={fill ? undefined : { height }}>
      {size.width > 0 && chartHeight > 0 && (fill ? (
        // Out of the flow: the chart's own size never feeds back into the box it measures.
        <div className="ls-chart-fill">
          <Staged stages={stages} render={sized} />
        </div>
      ) : (
        <Staged stages={stages} render={sized} />
      ))}
    </div>
  );
}
