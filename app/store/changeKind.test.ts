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

  it('a node that becomes an llm-server loses its admission control and lifo (refused there); other kinds keep them', () => {
    const doc = loadTemplate('retry-storm-breaker');
    const withPatterns = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'features' ? { ...n, admission: { maxInFlight: 4 }, queueDiscipline: 'lifo' as const } : n)) };
    const llm = changeKind(withPatterns, 'features', 'llm-server').nodes[1];
    expect('admission' in llm || 'queueDiscipline' in llm).toBe(false);
    const db = changeKind(withPatterns, 'features', 'database').nodes[1];
    expect(db).toMatchObject({ admission: { maxInFlight: 4 }, queueDiscipline: 'lifo' });
    // Valid, the template's latency event included (latency faults are simulated on llm-servers).
    const r = parseTopology(changeKind(withPatterns, 'features', 'llm-server'));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([]);
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

describe('llm-servers', () => {
  it('a new llm-server carries the parser’s default engine and gives the workload token counts; it saves and reloads to the same text', async () => {
    const { addNode } = await import('./docOps');
    const { doc, id } = addNode(loadTemplate('mm1'), 'llm-server', { x: 0, y: 300 });
    const node = doc.nodes.find((n) => n.id === id);
    expect(node?.llm).toMatchObject({ preset: 'llama-3-8b@l4-24gb', maxNumSeqs: 256, maxNumBatchedTokens: 2048, mode: 'both' });
    expect(doc.workload.tokens).toEqual({ input: { dist: 'lognormal', mean: 512, cv: 1 }, output: { dist: 'lognormal', mean: 256, cv: 1 } });
    const r = parseTopology(JSON.parse(JSON.stringify(doc)));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(JSON.stringify(r.doc)).toBe(JSON.stringify(doc));
  });

  it('changing a kind to llm-server adds an engine; changing it back drops the engine and its calls’ LLM fields', () => {
    const doc = loadTemplate('tandem');
    const edge = doc.edges.find((e) => e.target === 'stage2');
    if (!edge) throw new Error('no call into stage2');
    const llm = changeKind(doc, 'stage2', 'llm-server');
    expect(llm.nodes.find((n) => n.id === 'stage2')?.llm?.preset).toBe('llama-3-8b@l4-24gb');
    expect(llm.workload.tokens).toBeDefined();
    const streaming = { ...llm, edges: llm.edges.map((e) => (e.id === edge.id ? { ...e, streaming: true, tokens: { input: { dist: 'deterministic' as const, mean: 900 } } } : e)) };
    expect(parseTopology(streaming).ok).toBe(true);
    const back = changeKind(streaming, 'stage2', 'service');
    expect(back.nodes.find((n) => n.id === 'stage2')).not.toHaveProperty('llm');
    expect(back.edges.find((e) => e.id === edge.id)).toEqual(edge);
    expect(parseTopology(back).ok).toBe(true);
  });
});
