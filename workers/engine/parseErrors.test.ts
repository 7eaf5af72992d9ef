import { describe, expect, it } from 'vitest';
import { parseTopology, parseTopologyText } from './parse';

// biome-ignore lint/suspicious/noExplicitAny: the cases deliberately write wrong types into the document
type Loose = any;

/** A small valid document; each case below breaks one thing in a fresh copy. */
function base(): Record<string, Loose> {
  return {
    format: 'loadsketch',
    version: 1,
    name: 'Two nodes',
    nodes: [
      { id: 'gw', kind: 'gateway' },
      { id: 'ranker', kind: 'model-server' },
      { id: 'cache', kind: 'cache' },
    ],
    edges: [{ id: 'e1', source: 'gw', target: 'ranker' }],
    workload: { entry: 'gw', ratePerSec: 100 },
  };
}

function errorsOf(doc: unknown) {
  const r = parseTopology(doc);
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.errors;
}

type Case = [string, (d: Record<string, Loose>) => void, string, string];

// [what, how to break the base document, expected path, expected message]
const CASES: Case[] = [
  ['wrong type', (d) => (d.nodes[1].replicas = '4'), 'nodes[1].replicas', 'Node "ranker": replicas must be a number (got "4")'],
  ['NaN', (d) => (d.nodes[1].replicas = Number.NaN), 'nodes[1].replicas', 'Node "ranker": replicas must be a finite number (got NaN)'],
  ['Infinity', (d) => (d.workload.ratePerSec = Infinity), 'workload.ratePerSec', 'workload.ratePerSec must be a finite number (got Infinity)'],
  ['negative service time', (d) => (d.nodes[1].serviceTime = { dist: 'exponential', meanMs: -5 }), 'nodes[1].serviceTime.meanMs', 'Node "ranker": serviceTime.meanMs must be greater than 0 and at most 3600000 (got -5)'],
  ['rate of 1e12', (d) => (d.workload.ratePerSec = 1e12), 'workload.ratePerSec', 'workload.ratePerSec must be greater than 0 and at most 1000000 (got 1000000000000)'],
  ['replicas 0', (d) => (d.nodes[1].replicas = 0), 'nodes[1].replicas', 'Node "ranker": replicas must be a whole number from 1 to 10000 (got 0)'],
  ['replicas 1e9', (d) => (d.nodes[1].replicas = 1e9), 'nodes[1].replicas', 'Node "ranker": replicas must be a whole number from 1 to 10000 (got 1000000000)'],
  ['fractional replicas', (d) => (d.nodes[1].replicas = 2.5), 'nodes[1].replicas', 'Node "ranker": replicas must be a whole number from 1 to 10000 (got 2.5)'],
  ['too many servers', (d) => Object.assign(d.nodes[1], { replicas: 1000, concurrency: 1000 }), 'nodes[1].replicas', 'Node "ranker": replicas × concurrency is 1000000; at most 100000 servers per node'],
  ['unknown kind', (d) => (d.nodes[1].kind = 'lambda'), 'nodes[1].kind', 'Node "ranker": kind must be one of "gateway", "service", "model-server", "feature-store", "vector-index", "cache", "database", "queue", "stream-processor", "offline", "llm-server" (got "lambda")'],
  ['unknown distribution', (d) => (d.nodes[1].serviceTime = { dist: 'weibull', meanMs: 3 }), 'nodes[1].serviceTime.dist', 'Node "ranker": serviceTime.dist must be one of "exponential", "deterministic", "lognormal", "gamma", "uniform" (got "weibull")'],
  ['missing cv', (d) => (d.nodes[1].serviceTime = { dist: 'gamma', meanMs: 3 }), 'nodes[1].serviceTime.cv', 'Node "ranker": serviceTime.cv is required'],
  ['uniform min > max', (d) => (d.nodes[1].serviceTime = { dist: 'uniform', minMs: 9, maxMs: 3 }), 'nodes[1].serviceTime.maxMs', 'Node "ranker": serviceTime maxMs (3) must be at least minMs (9)'],
  ['unknown node field', (d) => (d.nodes[1].colour = 'red'), 'nodes[1]', 'Node "ranker": unknown field "colour"'],
  ['unknown top-level field', (d) => (d.author = 'me'), 'author', 'unknown field "author" at the top level'],
  ['unknown nested field', (d) => (d.workload.clients = 5), 'workload', 'unknown field "clients" in workload'],
  ['duplicate node id', (d) => (d.nodes[2].id = 'gw'), 'nodes[2].id', 'Node "gw": id is already used by nodes[0]'],
  ['duplicate edge id', (d) => d.edges.push({ id: 'e1', source: 'gw', target: 'cache' }), 'edges[1].id', 'Edge "e1": id is already used by edges[0]'],
  ['edge to a missing node', (d) => (d.edges[0].target = 'ghost'), 'edges[0].target', 'Edge "e1": target "ghost" is not a node of this document'],
  ['edge from a missing node', (d) => (d.edges[0].source = 'ghost'), 'edges[0].source', 'Edge "e1": source "ghost" is not a node of this document'],
  ['self call', (d) => (d.edges[0].target = 'gw'), 'edges[0].target', 'Edge "e1": a node cannot call itself'],
  ['missing entry', (d) => delete d.workload.entry, 'workload.entry', 'workload.entry is required'],
  ['entry not a node', (d) => (d.workload.entry = 'nowhere'), 'workload.entry', 'workload.entry "nowhere" is not a node of this document'],
  ['offline entry', (d) => (d.nodes[0].role = 'offline'), 'workload.entry', 'workload.entry "gw" is offline and takes no traffic'],
  ['probability above 1', (d) => (d.edges[0].probability = 1.5), 'edges[0].probability', 'Edge "e1": probability must be a number from 0 to 1 (got 1.5)'],
  ['probability below 0', (d) => (d.edges[0].probability = -0.1), 'edges[0].probability', 'Edge "e1": probability must be a number from 0 to 1 (got -0.1)'],
  ['hitRatio on a non-cache', (d) => (d.nodes[1].hitRatio = 0.9), 'nodes[1].hitRatio', 'Node "ranker": hitRatio applies only to cache nodes'],
  ['hitRatio above 1', (d) => (d.nodes[2].hitRatio = 2), 'nodes[2].hitRatio', 'Node "cache": hitRatio must be a number from 0 to 1 (got 2)'],
  ['batching on a non-model-server', (d) => (d.nodes[2].batching = { maxBatch: 4, maxWaitMs: 1 }), 'nodes[2].batching', 'Node "cache": batching applies only to model-server nodes'],
  ['retries without timeout', (d) => (d.edges[0].retries = 2), 'edges[0].retries', 'Edge "e1": retries need a timeoutMs (a call is retried only after it times out)'],
  ['timeout on async', (d) => Object.assign(d.edges[0], { mode: 'async', timeoutMs: 50 }), 'edges[0].timeoutMs', 'Edge "e1": timeoutMs applies only to sync edges'],
  ['warm-up longer than run', (d) => (d.run = { durationSec: 10, warmupSec: 10 }), 'run.warmupSec', 'run.warmupSec (10) must be shorter than run.durationSec (10)'],
  ['profile out of order', (d) => (d.workload.profile = [{ atSec: 10, ratePerSec: 5 }, { atSec: 5, ratePerSec: 5 }]), 'workload.profile[1].atSec', 'workload.profile points must be in time order (5 s comes after 10 s)'],
  ['bursts above the mean rate', (d) => (d.workload.burst = { peakFactor: 20, burstFraction: 0.1, meanBurstMs: 500 }), 'workload.burst.peakFactor', 'workload.burst: peakFactor × burstFraction is 2; it must be at most 1, or the bursts alone would carry more than the mean rate'],
  ['unknown pool', (d) => (d.nodes[1].pool = 'shared'), 'nodes[1].pool', 'Node "ranker": pool "shared" is not one of the document\'s pools'],
  ['newer version', (d) => (d.version = 3), 'version', 'version 3 was written by a newer Loadsketch; this one reads up to version 2'],
  ['version as text', (d) => (d.version = '1'), 'version', 'version must be a whole number from 1 to 2 (got "1")'],
  ['not a Loadsketch document', (d) => (d.format = 'excalidraw'), 'format', 'format must be "loadsketch": this is not a Loadsketch document'],
  ['nodes not a list', (d) => (d.nodes = { gw: {} }), 'nodes', 'nodes must be a list (got an object)'],
  ['node not an object', (d) => (d.nodes[1] = 7), 'nodes[1]', 'nodes[1] must be an object (got 7)'],
  ['bad id characters', (d) => (d.nodes[1].id = 'a b'), 'nodes[1].id', 'Node 2: id may contain only letters, digits and _ . : - (got "a b")'],
];

describe('parseTopology error cases (issue 2)', () => {
  it('accepts the base document', () => {
    expect(parseTopology(base()).ok).toBe(true);
  });

  it.each(CASES)('%s', (_what, breakIt, path, message) => {
    const doc = base();
    breakIt(doc);
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path, message });
  });

  it('names every node of a synchronous cycle', () => {
    const doc = base();
    doc.nodes.push({ id: 'scorer', kind: 'service' });
    doc.edges.push({ id: 'e2', source: 'ranker', target: 'scorer' }, { id: 'e3', source: 'scorer', target: 'ranker' });
    expect(errorsOf(doc)).toEqual([
      {
        path: 'edges[1]',
        message: 'Calls form a cycle of synchronous calls: ranker → scorer → ranker; a request would call itself forever',
      },
    ]);
  });

  it('allows a cycle through an offline node (it carries no traffic)', () => {
    const doc = base();
    doc.nodes.push({ id: 'trainer', kind: 'offline' });
    doc.edges.push({ id: 'e2', source: 'ranker', target: 'trainer' }, { id: 'e3', source: 'trainer', target: 'ranker' });
    expect(parseTopology(doc).ok).toBe(true);
  });

  it('rejects a 50 MB label without echoing it', () => {
    const doc = base();
    doc.nodes[1].label = 'x'.repeat(50 * 1024 * 1024);
    const errors = errorsOf(doc);
    expect(errors).toEqual([
      { path: 'nodes[1].label', message: 'Node "ranker": label must be at most 200 characters (got a 52428800-character text)' },
    ]);
    expect(JSON.stringify(errors).length).toBeLessThan(300);
  });

  it('does not echo a long unknown field name or control characters', () => {
    const doc = base();
    doc[`${'k'.repeat(10_000)}\u001b[31m`] = 1;
    const [e] = errorsOf(doc);
    expect(e.message.length).toBeLessThan(100);
    expect(e.message).not.toContain('\u001b');
  });

  it.each([
    ['null', null, 'A Loadsketch document must be a JSON object (got null)'],
    ['a list', [1, 2], 'A Loadsketch document must be a JSON object (got a list)'],
    ['a number', 42, 'A Loadsketch document must be a JSON object (got 42)'],
    ['a string', 'hello', 'A Loadsketch document must be a JSON object (got "hello")'],
    ['undefined', undefined, 'A Loadsketch document must be a JSON object (got nothing)'],
  ])('rejects a document that is not an object: %s', (_what, value, message) => {
    expect(errorsOf(value)).toEqual([{ path: '', message }]);
  });

  it('rejects text that is not JSON, and oversize text, with a message', () => {
    const r = parseTopologyText('{"format": "loadsketch", ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '', message: expect.stringMatching(/^The file is not valid JSON: /) });
    const big = parseTopologyText(' '.repeat(64 * 1024 * 1024 + 1));
    expect(big).toEqual({ ok: false, errors: [{ path: '', message: 'The file is larger than 64 MB, the most a Loadsketch document may be' }] });
  });

  it('reports at most 100 problems', () => {
    const doc = base();
    doc.edges = Array.from({ length: 500 }, (_, i) => ({ id: `x${i}`, source: 'gw', target: `missing${i}` }));
    expect(errorsOf(doc)).toHaveLength(100);
  });
});
