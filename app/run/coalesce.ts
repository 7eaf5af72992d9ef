/**
 * Batches items so their consumer runs at most once per interval: the first
 * item after a quiet interval goes out at once (so the first sweep point shows
 * without delay), later ones wait for the rest of the interval and go out
 * together. Used to stream sweep points into the store: each store update
 * re-renders the charts, so bursts of points become one update.
 */
export interface Coalescer<T> {
  push(item: T): void;
  /** Emits what is waiting now (end of run, cancel). */
  flush(): void;
  /** Drops what is waiting. */
  clear(): void;
}

export function coalesce<T>(emit: (items: T[]) => void, intervalMs: number, clock: () => number = () => performance.now()): Coalescer<T> {
  let waiting: T[] = [];
  let lastMs = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!waiting.length) return;
    const items = waiting;
    waiting = [];
    lastMs = clock();
    emit(items);
  };
  return {
    push(item) {
      waiting.push(item);
      if (timer) return;
      const waitMs = lastMs + intervalMs - clock();
      if (waitMs <= 0) flush();
      else timer = setTimeout(flush, waitMs);
    },
    flush,
    clear() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting = [];
    },
  };
}
