/**
 * Hands a changing value to several heavy children one task at a time.
 * Each recharts chart updates through its own store synchronously (a new
 * data set costs tens of ms per chart), so charts that all took a new sweep
 * point in the same task would make one long task. `useStaggered(v, n)`
 * returns n copies of v: copy i takes a new v in the (i + 1)-th macrotask
 * after the change, rendered at once (flushSync) so each copy's work stays in
 * its own task and the page can handle input between them.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export function useStaggered<T>(value: T, count: number, initial: T): T[] {
  const [copies, setCopies] = useState<T[]>(() => Array.from({ length: count }, () => initial));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = (i: number) => {
      timer = setTimeout(() => {
        flushSync(() => setCopies((prev) => (Object.is(prev[i], value) ? prev : prev.map((v, j) => (j === i ? value : v)))));
        if (i + 1 < count) step(i + 1);
      }, 0);
    };
    step(0);
    return () => clearTimeout(timer);
  }, [value, count]);
  return copies;
}

/**
 * 0 on mount, then 1, 2, … up to `stages` - 1, one macrotask apart (flushSync):
 * a chart mounts its axes first and adds its series in later tasks, so the
 * mount of a large chart is not one long task.
 */
export function useMountStages(stages: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= stages - 1) return;
    const timer = setTimeout(() => flushSync(() => setStage(stage + 1)), 0);
    return () => clearTimeout(timer);
  }, [stage, stages]);
  return stage;
}
