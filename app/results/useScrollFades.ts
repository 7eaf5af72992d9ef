/**
 * Marks a horizontally scrolling strip with data-more-start / data-more-end while there is more of it to the
 * left / right, so CSS can fade that edge: the strip visibly goes on even where the scrollbar is hidden
 * (overlay scrollbars). Returns a callback ref.
 */
import { useCallback, useRef } from 'react';

function mark(el: HTMLElement) {
  const max = el.scrollWidth - el.clientWidth;
  el.toggleAttribute('data-more-start', max > 1 && el.scrollLeft > 1);
  el.toggleAttribute('data-more-end', max > 1 && el.scrollLeft < max - 1);
}

export function useScrollFades<T extends HTMLElement>(): (el: T | null) => void {
  const stop = useRef<(() => void) | null>(null);
  return useCallback((el: T | null) => {
    stop.current?.();
    stop.current = null;
    if (!el) return;
    const update = () => mark(el);
    const ro = new ResizeObserver(update);
    ro.observe(el);
    for (const child of Array.from(el.children)) ro.observe(child);
    el.addEventListener('scroll', update, { passive: true });
    update();
    stop.current = () => {
      ro.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
}
