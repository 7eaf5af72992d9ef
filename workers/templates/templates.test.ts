import { describe, expect, it } from 'vitest';
import { parseTopology, parseTopologyText, serializeTopology } from '../engine/parse';
import { DEFAULT_TEMPLATE_ID, loadTemplate, TEMPLATES } from './index';

/** Node boxes on the canvas are about 180 × 80 px; templates leave at least 60 px between them. */
const BOX = { w: 180, h: 80, gap: 60 };

describe('shipped templates', () => {
  it('opens the Netflix recommender by default and lists every required template once', () => {
    expect(DEFAULT_TEMPLATE_ID).toBe('netflix');
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'netflix',
      'uber-michelangelo',
      'tfx-serving',
      'retrieve-rank-rerank',
      'ml-lifecycle',
      'mm1',
      'mmc',
      'tandem',
      'fanout',
    ]) {
      expect(ids).toContain(id);
    }
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const parsed = parseTopology(t.spec);

    it('is a valid version-1 document', () => {
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    });

    it('round-trips: parse → serialize → parse gives the same document, and export is stable', () => {
      if (!parsed.ok) throw new Error('invalid template');
      const text = serializeTopology(parsed.doc);
      const again = parseTopologyText(text);
      expect(again.ok).toBe(true);
      if (!again.ok) return;
      expect(again.doc).toEqual(parsed.doc);
      expect(serializeTopology(again.doc)).toBe(text);
      expect(loadTemplate(t.id)).toEqual(parsed.doc);
    });

    it('has a 2–4 sentence description, a name, an SLO and prices on every traffic node', () => {
      if (!parsed.ok) throw new Error('invalid template');
      const d = parsed.doc;
      expect(d.name.length).toBeGreaterThan(5);
      const sentences = d.description.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim());
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      const raw = t.spec as { slo?: unknown; nodes: { kind: string; costPerReplicaHour?: unknown; hardware?: unknown }[] };
      expect(raw.slo).toBeDefined();
      // A price: written out, or the price of a catalogue machine type.
      for (const n of raw.nodes) if (n.kind !== 'offline') expect(typeof n.costPerReplicaHour === 'number' || typeof n.hardware === 'string').toBe(true);
    });

    it('lays nodes out without overlap (≥ 60 px between 180 × 80 boxes)', () => {
      if (!parsed.ok) throw new Error('invalid template');
      const ns = parsed.doc.nodes;
      for (let i = 0; i < ns.length; i++) {
        for (let j = i + 1; j < ns.length; j++) {
          const dx = Math.abs(ns[i].position.x - ns[j].position.x);
          const dy = Math.abs(ns[i].position.y - ns[j].position.y);
          const apart = dx >= BOX.w + BOX.gap || dy >= BOX.h + BOX.gap;
          expect(apart, `${ns[i].id} and ${ns[j].id} are too close`).toBe(true);
        }
      }
    });

    it('keeps the request path left to right: every sync traffic edge goes rightwards', () => {
      if (!parsed.ok) throw new Error('invalid template');
      const d = parsed.doc;
      const byId = new Map(d.nodes.map((n) => [n.id, n]));
      for (const e of d.edges) {
        const s = byId.get(e.source)!;
        const tg = byId.get(e.target)!;
        if (e.mode !== 'sync' || s.role === 'offline' || tg.role === 'offline') continue;
        const sameColumnDown = s.position.x === tg.position.x;
        expect(tg.position.x > s.position.x || sameColumnDown, `edge ${e.id}`).toBe(true);
      }
    });
  });
});
