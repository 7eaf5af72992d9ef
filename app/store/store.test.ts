import { describe, expect, it } from 'vitest';
import { KINDS } from '../../workers/engine/kinds';
import { parseTopology } from '../../workers/engine/parse';
import { loadTemplate } from '../../workers/templates';
import { blankDocument, updateEdge, updateNode } from './docOps';
import { createAppStore } from './index';

const fresh = () => createAppStore({ doc: blankDocument('Test') });
/** gateway → service → model-server, drawn through the store's actions. */
function threeNodes() {
  const store = fresh();
  const s = store.getState();
  const a = s.addNode('gateway', { x: 0, y: 0 });
  const b = s.addNode('service', { x: 300, y: 0 });
  const c = s.addNode('model-server', { x: 600, y: 0 });
  expect(store.getState().connect(a, b)).toEqual([]);
  expect(store.getState().connect(b, c)).toEqual([]);
  return { store, a, b, c };
}

describe('document actions', () => {
  it('adds nodes with the kind defaults of KINDS and makes the first online node the entry', () => {
    const store = fresh();
    const off = store.getState().addNode('offline', { x: 5, y: 5 });
    expect(store.getState().doc.workload.entry).toBe('');
    const id = store.getState().addNode('model-server', { x: 10.4, y: 20.6 });
    const { doc } = store.getState();
    const n = doc.nodes.find((x) => x.id === id)!;
    expect(off).toBe('offline-1');
    expect(id).toBe('model-server-1');
    expect(n.replicas).toBe(KINDS['model-server'].replicas);
    expect(n.serviceTime).toEqual(KINDS['model-server'].serviceTime);
    expect(n.position).toEqual({ x: 10, y: 21 });
    expect(doc.workload.entry).toBe(id);
    expect(store.getState().selectedNodeIds).toEqual([id]);
  });

  it('builds a valid three-node document that the engine parser accepts', () => {
    const { store, a, c } = threeNodes();
    const r = parseTopology(store.getState().doc);
    expect(r.ok).toBe(true);
    expect(store.getState().doc.edges.map((e) => [e.source, e.target, e.mode])).toEqual([
      [a, 'service-1', 'sync'],
      ['service-1', c, 'sync'],
    ]);
  });

  it('connects with the chosen edge mode and refuses duplicates and cycles of sync calls', () => {
    const { store, a, b, c } = threeNodes();
    expect(store.getState().connect(a, b)[0].message).toMatch(/already connected/);
    const before = store.getState().doc;
    const problems = store.getState().connect(c, a);
    expect(problems[0].message).toMatch(/cycle/);
    expect(store.getState().doc).toBe(before);
    store.getState().setEdgeMode('async');
    store.getState().connect(a, c);
    expect(store.getState().doc.edges.at(-1)).toMatchObject({ source: a, target: c, mode: 'async' });
  });

  it('rejects an invalid edit, leaving the document unchanged, and accepts a valid one', () => {
    const { store, b } = threeNodes();
    const before = store.getState().doc;
    const problems = store.getState().edit((d) => updateNode(d, b, { replicas: 0 }));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('nodes[1].replicas');
    expect(problems[0].message).toMatch(/replicas must be a whole number from 1/);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().edit((d) => updateNode(d, b, { replicas: Number.NaN }))[0].path).toBe('nodes[1].replicas');
    expect(store.getState().edit((d) => updateNode(d, b, { replicas: 7 }))).toEqual([]);
    expect(store.getState().doc.nodes[1].replicas).toBe(7);
    const e = store.getState().doc.edges[0].id;
    expect(store.getState().edit((d) => updateEdge(d, e, { probability: 1.5 }))[0].path).toBe('edges[0].probability');
  });

  it('deletes the selection with the edges of deleted nodes', () => {
    const { store, b } = threeNodes();
    store.getState().select([b], []);
    store.getState().deleteSelection();
    const { doc } = store.getState();
    expect(doc.nodes.map((n) => n.id)).toEqual(['gateway-1', 'model-server-1']);
    expect(doc.edges).toEqual([]);
  });

  it('duplicates nodes with the edges between them, under new ids', () => {
    const { store, a, b } = threeNodes();
    store.getState().select([a, b], []);
    store.getState().duplicateSelection();
    const { doc, selectedNodeIds } = store.getState();
    expect(selectedNodeIds).toEqual(['gateway-2', 'service-2']);
    expect(doc.nodes).toHaveLength(5);
    expect(doc.nodes.find((n) => n.id === 'service-2')!.position).toEqual({ x: 340, y: 40 });
    expect(doc.edges.at(-1)).toMatchObject({ source: 'gateway-2', target: 'service-2' });
    expect(parseTopology(doc).ok).toBe(true);
  });

  it('nudges the selected nodes', () => {
    const { store, b } = threeNodes();
    store.getState().select([b], []);
    store.getState().nudgeSelection(10, -50);
    expect(store.getState().doc.nodes[1].position).toEqual({ x: 310, y: -50 });
    expect(store.getState().doc.nodes[0].position).toEqual({ x: 0, y: 0 });
  });
});

describe('undo and redo', () => {
  it('undoes and redoes document changes but not selection changes', () => {
    const { store, b } = threeNodes();
    const t = store.temporal.getState();
    const steps = t.pastStates.length;
    expect(steps).toBe(5); // 3 adds + 2 connects
    store.getState().select([b], []);
    expect(store.temporal.getState().pastStates.length).toBe(steps);
    store.getState().undo();
    expect(store.getState().doc.edges).toHaveLength(1);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['gateway-1', 'service-1']);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc.edges).toHaveLength(1);
    store.getState().redo();
    expect(store.getState().doc.edges).toHaveLength(2);
    expect(store.temporal.getState().futureStates).toHaveLength(0);
  });

  it('records a whole drag as one step', () => {
    const { store, a } = threeNodes();
    const before = store.getState().doc;
    const steps = store.temporal.getState().pastStates.length;
    store.getState().beginDrag();
    for (let x = 10; x <= 100; x += 10) store.getState().moveNodes(new Map([[a, { x, y: 0 }]]));
    store.getState().endDrag();
    expect(store.temporal.getState().pastStates.length).toBe(steps + 1);
    expect(store.getState().doc.nodes[0].position.x).toBe(100);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
  });

  it('forgets history when another document is loaded', () => {
    const { store } = threeNodes();
    const oldId = store.getState().docId;
    store.getState().loadDocument(loadTemplate('mm1'));
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().docId).not.toBe(oldId);
    expect(store.getState().doc.nodes).toHaveLength(1);
  });
});

describe('generated large document', () => {
  it('is valid for the engine', async () => {
    const { largeDocument } = await import('../canvas/largeDocument');
    const doc = largeDocument(300);
    expect(doc.nodes).toHaveLength(300);
    const r = parseTopology(doc);
    expect(r.ok ? [] : r.errors.slice(0, 3)).toEqual([]);
  });
});
