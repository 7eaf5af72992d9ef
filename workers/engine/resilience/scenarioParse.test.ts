/** `doc.scenario` in the document: parse, meaning checks naming the field, round trip, absent key kept absent. */
import { describe, expect, it } from 'vitest';
import { parseTopology, parseTopologyText, serializeTopology } from '../parse';

const base = {
  format: 'loadsketch',
  version: 2,
  nodes: [
    { id: 'api', kind: 'service', replicas: 2 },
    { id: 'db', kind: 'database', replicas: 4 },
    { id: 'cache', kind: 'cache' },
    { id: 'llm', kind: 'llm-server' },
    { id: 'gpu', kind: 'model-server', batching: { maxBatch: 8, maxWaitMs: 5 } },
    { id: 'ranker', kind: 'model-server', replicas: 4, batching: { maxBatch: 8, maxWaitMs: 5, triton: { instancesPerReplica: 2 } } },
  ],
  edges: [
    { id: 'api-db', source: 'api', target: 'db', timeoutMs: 100, retries: 1 },
    { id: 'api-cache', source: 'api', target: 'cache' },
    { id: 'api-llm', source: 'api', target: 'llm' },
    { id: 'api-gpu', source: 'api', target: 'gpu' },
    { id: 'api-ranker', source: 'api', target: 'ranker' },
  ],
  workload: { entry: 'api' },
  run: { durationSec: 60 },
};

const withEvents = (events: unknown[]) => ({ ...base, scenario: { events } });

describe('doc.scenario', () => {
  it('round-trips through serialize, and a document without it has no scenario key', () => {
    const r = parseTopology(
      withEvents([
        { atSec: 10, durationSec: 5, kind: 'crash', target: 'db', replicas: 2 },
        { atSec: 20, durationSec: 5, kind: 'partition', target: 'api-db', mode: 'hang' },
        { atSec: 30, durationSec: 0, kind: 'cacheFlush', target: 'cache', warmSec: 10 },
        { atSec: 30, durationSec: 5, kind: 'errors', target: 'llm', fraction: 0.5 },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.scenario?.events).toHaveLength(4);
    expect(parseTopologyText(serializeTopology(r.doc))).toEqual(r);
    const plain = parseTopology(base);
    expect(plain.ok && 'scenario' in plain.doc).toBe(false);
    if (plain.ok) expect(serializeTopology(plain.doc)).not.toContain('scenario');
  });

  it('names the field of an unknown target and of a crash larger than the node', () => {
    const r = parseTopology(
      withEvents([
        { atSec: 1, durationSec: 5, kind: 'crash', target: 'db', replicas: 1 },
        { atSec: 1, durationSec: 5, kind: 'outage', target: 'db' },
        { atSec: 1, durationSec: 5, kind: 'latency', target: 'nope', factor: 2 },
        { atSec: 1, durationSec: 5, kind: 'crash', target: 'api', replicas: 3 },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['scenario.events[2].target', 'scenario.events[3].replicas']);
  });

  it('refuses server faults on model servers with the plain batcher: not simulated yet', () => {
    const r = parseTopology(withEvents([{ atSec: 1, durationSec: 5, kind: 'capacity', target: 'gpu', percent: 50 }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['scenario.events[0].target']);
    expect(r.errors[0].message).toBe(
      'a capacity of a model server with the plain batcher ("gpu") is not simulated yet (errors and partitions are; all four are on a Triton server: `batching.triton`, not in a pool)',
    );
  });

  it('takes crash, outage and latency faults on an llm-server; refuses its capacity faults, naming the kind', () => {
    const events = [
      { atSec: 1, durationSec: 5, kind: 'crash', target: 'llm', replicas: 1 },
      { atSec: 10, durationSec: 5, kind: 'outage', target: 'llm' },
      { atSec: 30, durationSec: 5, kind: 'latency', target: 'llm', factor: 2, addMs: 1 },
    ];
    const r = parseTopology(withEvents(events));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(serializeTopology(r.doc)).scenario.events).toHaveLength(3);
    const cut = parseTopology(withEvents([...events, { atSec: 40, durationSec: 5, kind: 'capacity', target: 'llm', percent: 50 }]));
    expect(cut.ok).toBe(false);
    if (cut.ok) return;
    expect(cut.errors.map((e) => e.path)).toEqual(['scenario.events[3].kind']);
    expect(cut.errors[0].message).toMatch(/^a capacity fault on an llm-server \("llm"\) is not simulated \(a vLLM engine's max_num_seqs and KV cache are fixed/);
  });

  it('takes crash, outage, capacity and latency faults on a Triton model server; refuses them on an autoscaled one', () => {
    const events = [
      { atSec: 1, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 2 },
      { atSec: 10, durationSec: 5, kind: 'outage', target: 'ranker' },
      { atSec: 20, durationSec: 5, kind: 'capacity', target: 'ranker', percent: 50 },
      { atSec: 30, durationSec: 5, kind: 'latency', target: 'ranker', factor: 2, addMs: 1 },
    ];
    const r = parseTopology(withEvents(events));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(serializeTopology(r.doc)).scenario.events).toHaveLength(4);
    const doc = withEvents([events[0], events[3]]);
    const auto = parseTopology({
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'ranker' ? { ...n, autoscale: { policy: 'hpa', minReplicas: 1, maxReplicas: 4 } } : n)),
    });
    expect(auto.ok).toBe(false);
    if (auto.ok) return;
    expect(auto.errors.map((e) => e.path)).toEqual(['scenario.events[0].target', 'scenario.events[1].target']);
    expect(auto.errors[0].message).toMatch(/^a crash of an autoscaled Triton model server \("ranker"\) is not simulated yet/);
  });

  it('takes crashes and outages of an autoscaled node, refuses its capacity faults (not simulated yet)', () => {
    const autoscaled = (events: Parameters<typeof withEvents>[0]) => {
      const doc = withEvents(events);
      return parseTopology({ ...doc, nodes: doc.nodes.map((n) => (n.id === 'db' ? { ...n, autoscale: { policy: 'hpa', minReplicas: 1, maxReplicas: 4 } } : n)) });
    };
    expect(autoscaled([{ atSec: 1, durationSec: 5, kind: 'outage', target: 'db' }]).ok).toBe(true);
    expect(autoscaled([{ atSec: 1, durationSec: 5, kind: 'crash', target: 'db', replicas: 2 }]).ok).toBe(true);
    const r = autoscaled([{ atSec: 1, durationSec: 5, kind: 'capacity', target: 'db', percent: 50 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path === 'scenario.events[0].kind' && /autoscaled node \("db"\)/.test(e.message))).toBe(true);
  });
});
