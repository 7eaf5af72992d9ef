import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../workers/templates';
import { makePayload, parsePayload, pastePayload } from './clipboard';

const doc = loadTemplate('tandem');

describe('clipboard payloads', () => {
  it('holds the chosen nodes and only the edges between them', () => {
    const [a, b, c] = doc.nodes.map((n) => n.id);
    const p = makePayload(doc, [a, b])!;
    expect(p.nodes.map((n) => n.id)).toEqual([a, b]);
    expect(p.edges.map((e) => [e.source, e.target])).toEqual([[a, b]]);
    expect(makePayload(doc, [a, c])!.edges).toEqual([]);
    expect(makePayload(doc, [])).toBeNull();
  });

  it('round-trips through text and rejects anything else', () => {
    const p = makePayload(doc, doc.nodes.map((n) => n.id))!;
    expect(parsePayload(JSON.stringify(p))).toEqual(p);
    expect(parsePayload('hello')).toBeNull();
    expect(parsePayload(JSON.stringify({ ...p, format: 'other' }))).toBeNull();
    const bad = { ...p, nodes: [{ ...p.nodes[0], replicas: -1 }] };
    expect(parsePayload(JSON.stringify(bad))).toBeNull();
    expect(parsePayload(null)).toBeNull();
  });

  it('pastes with fresh ids, shifted, rewiring the copied edges', () => {
    const p = makePayload(doc, doc.nodes.map((n) => n.id))!;
    const r = pastePayload(doc, p, { x: 40, y: 40 });
    expect(r.doc.nodes).toHaveLength(6);
    expect(new Set(r.doc.nodes.map((n) => n.id)).size).toBe(6);
    expect(r.nodeIds.every((id) => !doc.nodes.some((n) => n.id === id))).toBe(true);
    const first = r.doc.nodes.find((n) => n.id === r.nodeIds[0])!;
    expect(first.position).toEqual({ x: doc.nodes[0].position.x + 40, y: doc.nodes[0].position.y + 40 });
    const pasted = new Set(r.nodeIds);
    const newEdges = r.doc.edges.filter((e) => r.edgeIds.includes(e.id));
    expect(newEdges).toHaveLength(doc.edges.length);
    expect(newEdges.every((e) => pasted.has(e.source) && pasted.has(e.target))).toBe(true);
  });
});
