import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../workers/templates';
import { computeLayout } from './autoLayout';

describe('auto-layout', () => {
  it('places a tandem left to right along the request path', async () => {
    const doc = loadTemplate('tandem');
    // Scramble the drawing first: the layout must not depend on it.
    const scrambled = { ...doc, nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: -300 * i, y: 100 * i } })) };
    const pos = await computeLayout(scrambled);
    const xs = doc.edges.map((e) => [pos.get(e.source)!.x, pos.get(e.target)!.x]);
    for (const [from, to] of xs) expect(to).toBeGreaterThan(from + 150);
  });

  it('keeps every call of the Netflix template pointing right and puts offline nodes in their own band', async () => {
    const doc = loadTemplate('netflix');
    const pos = await computeLayout(doc);
    expect(pos.size).toBe(doc.nodes.length);
    const offline = new Set(doc.nodes.filter((n) => n.role === 'offline').map((n) => n.id));
    for (const e of doc.edges) {
      if (offline.has(e.source) !== offline.has(e.target)) continue;
      expect(pos.get(e.target)!.x, `${e.source} → ${e.target}`).toBeGreaterThan(pos.get(e.source)!.x);
    }
    const entryX = pos.get(doc.workload.entry)!.x;
    for (const n of doc.nodes) if (!offline.has(n.id)) expect(pos.get(n.id)!.x).toBeGreaterThanOrEqual(entryX);
    const lowestOnline = Math.max(...doc.nodes.filter((n) => !offline.has(n.id)).map((n) => pos.get(n.id)!.y));
    for (const id of offline) expect(pos.get(id)!.y).toBeGreaterThan(lowestOnline + 84);
  });
});
