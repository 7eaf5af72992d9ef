import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../workers/engine/parse';
import { loadTemplate } from '../../workers/templates';
import { changeKind } from './changeKind';

describe('changeKind', () => {
  it('keeps the numbers, takes the new role, drops fields of the old kind; the result is valid', () => {
    const doc = loadTemplate('netflix');
    const cache = doc.nodes.find((n) => n.kind === 'cache');
    if (!cache) throw new Error('template has no cache');
    const next = changeKind(doc, cache.id, 'database');
    const n = next.nodes.find((x) => x.id === cache.id);
    expect(n).toMatchObject({ kind: 'database', role: 'infra', hitRatio: null, replicas: cache.replicas, serviceTime: cache.serviceTime });
    expect(parseTopology(next).ok).toBe(true);
    const back = changeKind(next, cache.id, 'cache');
    expect(back.nodes.find((x) => x.id === cache.id)?.hitRatio).toBe(0.9);
    expect(parseTopology(changeKind(doc, doc.nodes.find((x) => x.kind === 'model-server')?.id ?? '', 'service')).ok).toBe(true);
  });
});

describe('a new node', () => {
  it('has its fields in the order the parser writes them, so a saved and reloaded document exports the same text', async () => {
    const { addNode } = await import('./docOps');
    const { doc } = addNode(loadTemplate('mm1'), 'cache', { x: 0, y: 0 });
    const r = parseTopology(JSON.parse(JSON.stringify(doc)));
    if (!r.ok) throw new Error('invalid');
    expect(JSON.stringify(r.doc)).toBe(JSON.stringify(doc));
  });
});
