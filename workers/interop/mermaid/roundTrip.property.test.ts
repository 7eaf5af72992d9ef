import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../engine/parse';
import { NODE_KINDS, type Topology } from '../../engine/schema';
import { loadTemplate, TEMPLATES } from '../../templates';
import { Warnings } from '../warnings';
import { exportMermaid } from './export';
import { importMermaid } from './import';

/** The topology as comparable data: nodes by position, edges by node positions. */
function topology(doc: Topology) {
  const at = new Map(doc.nodes.map((n, i) => [n.id, i]));
  return {
    nodes: doc.nodes.map((n) => [n.label, n.kind]),
    edges: doc.edges.map((e) => [at.get(e.source), at.get(e.target), e.mode, e.probability, e.count, e.stage]),
    entry: at.get(doc.workload.entry),
  };
}

function roundTrip(doc: Topology): { back: Topology; warnings: string[] } {
  const w = new Warnings();
  const back = importMermaid(exportMermaid(doc), w);
  return { back, warnings: w.done() };
}

const label = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => s.trim() === s && s.length > 0);
const idText = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/);

const documents = fc
  .record({
    nodes: fc.uniqueArray(fc.record({ id: idText, label, kind: fc.constantFrom(...NODE_KINDS) }), { minLength: 1, maxLength: 12, selector: (n) => n.id }),
    pairs: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        mode: fc.constantFrom('sync', 'async'),
        probability: fc.constantFrom(1, 0.5, 0.25, 0.9),
        count: fc.integer({ min: 1, max: 5 }),
        stage: fc.option(fc.integer({ min: 0, max: 4 })),
      }),
      { maxLength: 20 },
    ),
  })
  .map(({ nodes: drawn, pairs }) => {
    const nodes = drawn.map((d, i) => (i === 0 && d.kind === 'offline' ? { ...d, kind: 'gateway' as const } : d));
    const n = nodes.length;
    const edges = pairs
      .map((p) => ({ s: Math.min(p.a % n, p.b % n), t: Math.max(p.a % n, p.b % n), p }))
      .filter((x) => x.s !== x.t)
      .map((x, i) => ({ id: `e${i}`, source: nodes[x.s].id, target: nodes[x.t].id, mode: x.p.mode, probability: x.p.probability, count: x.p.count, stage: x.p.stage }));
    const r = parseTopology({ format: 'loadsketch', version: 2, nodes, edges, workload: { entry: nodes[0].id } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.doc;
  });

describe('Mermaid export → import keeps the topology', () => {
  it('for random documents (labels of any characters, ids of any allowed characters)', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const { back, warnings } = roundTrip(doc);
        expect(topology(back)).toEqual(topology(doc));
        expect(warnings).toEqual([]);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it.each(TEMPLATES.map((t) => t.id))('for the %s template', (id) => {
    const doc = loadTemplate(id);
    const { back, warnings } = roundTrip(doc);
    expect(topology(back)).toEqual(topology(doc));
    expect(warnings).toEqual([]);
  });
});
