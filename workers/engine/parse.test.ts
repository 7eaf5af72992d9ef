import { describe, expect, it } from 'vitest';
import { parseTopology, parseTopologyText, serializeTopology } from './parse';

const minimal = {
  format: 'loadsketch',
  version: 1,
  nodes: [{ id: 'a', kind: 'service' }],
  workload: { entry: 'a' },
};

describe('parseTopology', () => {
  it('fills defaults from the kind and round-trips through serialize', () => {
    const r = parseTopology(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes[0]).toMatchObject({ replicas: 3, concurrency: 4, role: 'service', label: 'a' });
    const again = parseTopologyText(serializeTopology(r.doc));
    expect(again).toEqual(r);
  });

  it('names the field of a bad replica count', () => {
    const r = parseTopology({ ...minimal, nodes: [{ id: 'a', kind: 'service', replicas: 0 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('nodes[0].replicas');
    expect(r.errors[0].message).toMatch(/Node "a": replicas must be a whole number from 1 to 10000/);
  });

  it('rejects a cycle of synchronous calls', () => {
    const r = parseTopology({
      ...minimal,
      nodes: [
        { id: 'a', kind: 'service' },
        { id: 'b', kind: 'service' },
      ],
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'ba', source: 'b', target: 'a' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toMatch(/cycle of synchronous calls: a → b → a/);
  });
});
