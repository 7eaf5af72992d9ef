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
  height: number;
  stages?: number;
  children: Chart | ((stage: number) => Chart);
}

function Staged({ stages, render }: { stages: number; render: (stage: number) => Chart }) {
  return render(useMountStages(stages));
}

export function ChartSizer({ height, stages = 1, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry.contentRect.width);
      clearTimeout(timer);
      timer = setTimeout(() => flushSync(() => setWidth(w)), 0);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, []);
  const sized = (stage: number) => cloneElement(typeof children === 'function' ? children(stage) : children, { width, height });
  return (
    <div ref={box} className="ls-chart-sizer" style={{ height }}>
      {width > 0 && <Staged stages={stages} render={sized} />}
    </div>
  );
}
