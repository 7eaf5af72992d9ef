import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emits the first item at once, then at most one batch per interval', () => {
    const batches: number[][] = [];
    const c = coalesce<number>((b) => batches.push(b), 250, () => Date.now());
    c.push(1);
    expect(batches).toEqual([[1]]);
    c.push(2);
    c.push(3);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(249);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1], [2, 3]]);
    vi.advanceTimersByTime(1000);
    c.push(4);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('flush emits what waits now; clear drops it', () => {
    const batches: number[][] = [];
    const c = coalesce<number>((b) => batches.push(b), 250, () => Date.now());
    c.push(1);
    c.push(2);
    c.flush();
    expect(batches).toEqual([[1], [2]]);
    c.push(3);
    c.clear();
    vi.advanceTimersByTime(1000);
    c.flush();
    expect(batches).toEqual([[1], [2]]);
  });
});
