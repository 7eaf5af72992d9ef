/**
 * A replacement for recharts' ResponsiveContainer: gives its one chart child
 * the width of the box and a fixed height. The width comes from a
 * ResizeObserver (never a forced layout: measuring the box while the page is
 * being built costs a layout of the whole studio), and each width reaches its
 * chart in a task of its own (setTimeout + flushSync), so mounting several
 * charts, a window resize or dragging the results splitter never re-renders
 * all charts in one long task.
 */
import { cloneElement, type ReactElement, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

interface Props {
  height: number;
  children: ReactElement<{ width?: number; height?: number }>;
}

export function ChartSizer({ height, children }: Props) {
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
  return (
    <div ref={box} className="ls-chart-sizer" style={{ height }}>
      {width > 0 && cloneElement(children, { width, height })}
    </div>
  );
}
