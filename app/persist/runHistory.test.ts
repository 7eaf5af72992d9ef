import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../workers/templates';
import { MAX_RUNS, type SavedRun, sameDesign, trimRuns } from './runHistory';

const saved = (savedAt: number, pinned = false) => ({ savedAt, pinned }) as SavedRun;

describe('trimRuns', () => {
  it('keeps the newest MAX_RUNS unpinned runs, newest first, and every pinned run', () => {
    const list = [1, 2, 3, 4, 5, 6, 7].map((t) => saved(t, t === 1));
    expect(trimRuns(list).map((r) => r.savedAt)).toEqual([7, 6, 5, 4, 3, 1]);
    expect(trimRuns(list).filter((r) => !r.pinned)).toHaveLength(MAX_RUNS);
  });
});

describe('sameDesign', () => {
  it('compares documents by content (a restored copy of the open design is the same version; an edit is not)', () => {
    const a = loadTemplate('mm1');
    const copy = structuredClone(a);
    expect(sameDesign(a, copy)).toBe(true);
    expect(sameDesign(a, { ...copy, nodes: copy.nodes.map((n) => ({ ...n, replicas: n.replicas + 1 })) })).toBe(false);
  });
});

describe('designVersion', () => {
  it('names the same content the same and any edit differently (6 hex characters)', async () => {
    const { designVersion } = await import('./runHistory');
    const a = loadTemplate('mm1');
    expect(designVersion(a)).toMatch(/^[0-9a-f]{6}$/);
    expect(designVersion(structuredClone(a))).toBe(designVersion(a));
    expect(designVersion({ ...a, nodes: a.nodes.map((n) => ({ ...n, replicas: n.replicas + 1 })) })).not.toBe(designVersion(a));
  });
});
