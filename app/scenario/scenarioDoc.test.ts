import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../workers/engine/parse';
import { loadTemplate } from '../../workers/templates';
import { deleteItems } from '../store/docOps';
import { EVENT_KINDS, changeKind, faultsByTarget, newEvent, scenarioEvents, shiftEvent, targetOptions, withEvents } from './scenarioDoc';

describe('scenarioDoc', () => {
  const doc = loadTemplate('netflix');

  it('a new event of every kind, on its first target, parses; no events removes the field', () => {
    for (const kind of EVENT_KINDS) {
      const target = targetOptions(doc, kind)[0]?.value;
      if (!target) throw new Error(`no target for ${kind}`);
      const next = withEvents(doc, [newEvent(doc, kind, target)]);
      expect(scenarioEvents(next)).toHaveLength(1);
      expect(parseTopology(next).ok, kind).toBe(true);
    }
    const none = withEvents(withEvents(doc, [newEvent(doc, 'outage', doc.nodes[0].id)]), []);
    expect('scenario' in none).toBe(false);
  });

  it('partitions target edges, flushes only caches', () => {
    expect(targetOptions(doc, 'partition').map((o) => o.value)).toEqual(doc.edges.map((e) => e.id));
    const caches = targetOptions(doc, 'cacheFlush').map((o) => o.value);
    expect(caches.length).toBeGreaterThan(0);
    for (const id of caches) expect(doc.nodes.find((n) => n.id === id)?.kind).toBe('cache');
  });

  it('moves stay inside the run, in whole seconds', () => {
    const e = { ...newEvent(doc, 'outage', 'x'), atSec: 3 };
    expect(shiftEvent(e, -10, 60).atSec).toBe(0);
    expect(shiftEvent(e, 1, 60).atSec).toBe(4);
    expect(shiftEvent(e, 100, 60).atSec).toBe(59);
  });

  it('changing kind keeps time and label, resets the magnitude and picks a fitting target', () => {
    const node = doc.nodes.find((n) => n.kind !== 'cache' && n.role !== 'offline')!;
    const crash = { ...newEvent(doc, 'crash', node.id), label: 'GPU loss' };
    const part = changeKind(doc, crash, 'partition');
    expect(part).toMatchObject({ kind: 'partition', mode: 'fail', atSec: crash.atSec, label: 'GPU loss', target: doc.edges[0].id });
    expect('replicas' in part).toBe(false);
  });

  it('lists the kinds that hit each target once', () => {
    const a = newEvent(doc, 'crash', 'n1');
    const m = faultsByTarget([a, { ...a, atSec: 1 }, newEvent(doc, 'latency', 'n1'), newEvent(doc, 'partition', 'e1')]);
    expect(m.get('n1')).toEqual(['crash', 'latency']);
    expect(m.get('e1')).toEqual(['partition']);
  });

  it('deleting a node takes the events on it and on its calls with it; the document stays valid', () => {
    const d = withEvents(doc, [newEvent(doc, 'crash', 'ranker'), newEvent(doc, 'partition', 'recs-ranker'), newEvent(doc, 'outage', 'cassandra')]);
    const next = deleteItems(d, ['ranker'], []);
    expect(scenarioEvents(next).map((e) => e.target)).toEqual(['cassandra']);
    expect(parseTopology(next).ok).toBe(true);
    expect('scenario' in deleteItems(next, ['cassandra'], [])).toBe(false);
    expect(deleteItems(d, [], ['gateway-recs']).scenario).toBe(d.scenario);
  });
});
