/**
 * Properties of the parser (fast-check, fixed seeds so a failure replays):
 * random mutations of valid documents never make it throw or touch its
 * input, and parse ∘ serialize round-trips on generated valid documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index';
import { type ParseResult, parseTopology, parseTopologyText, serializeTopology } from './parse';
import { NODE_KINDS } from './schema';

// llm-server documents need an llm block and workload.tokens: llm/parse.test.ts covers them.
const KINDS_GENERATED = NODE_KINDS.filter((k) => k !== 'llm-server');
const TRAFFIC_KINDS = KINDS_GENERATED.filter((k) => k !== 'offline');

const serviceTime = fc.oneof(
  fc.record({ dist: fc.constant('exponential'), meanMs: fc.double({ min: 0.01, max: 1000, noNaN: true }) }),
  fc.record({ dist: fc.constant('deterministic'), meanMs: fc.double({ min: 0, max: 1000, noNaN: true }) }),
  fc.record({
    dist: fc.constantFrom('lognormal', 'gamma'),
    meanMs: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    cv: fc.double({ min: 0.01, max: 5, noNaN: true }),
  }),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({
    dist: 'uniform',
    minMs: Math.min(a, b),
    maxMs: Math.max(a, b),
  })),
);

/** A valid node spec with a random subset of its optional fields. */
const nodeSpec = (id: string, kind: string) =>
  fc
    .record(
      {
        label: fc.string({ maxLength: 30 }),
        position: fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }),
        replicas: fc.integer({ min: 1, max: 50 }),
        concurrency: fc.integer({ min: 1, max: 50 }),
        serviceTime,
        queueCapacity: fc.option(fc.integer({ min: 0, max: 1000 })),
        callMode: fc.constantFrom('sequential', 'parallel'),
        holdWorkerDuringCalls: fc.boolean(),
        costPerReplicaHour: fc.double({ min: 0, max: 10, noNaN: true }),
        ...(kind === 'cache' ? { hitRatio: fc.double({ min: 0, max: 1, noNaN: true }) } : {}),
        ...(kind === 'model-server'
          ? { batching: fc.option(fc.record({ maxBatch: fc.integer({ min: 1, max: 64 }), maxWaitMs: fc.integer({ min: 0, max: 50 }) })) }
          : {}),
      },
      { requiredKeys: [] },
    )
    .map((rest) => ({ id, kind, ...rest }));

/** A valid document: nodes n0..nk, entry n0 (never offline), edges only forward (no cycle). */
const validDocument = fc
  .tuple(fc.constantFrom(...TRAFFIC_KINDS), fc.array(fc.constantFrom(...KINDS_GENERATED), { maxLength: 7 }))
  .chain(([firstKind, kinds]) => {
    const all = [firstKind, ...kinds];
    const n = all.length;
    const edge = fc
      .record(
        {
          from: fc.integer({ min: 0, max: n - 1 }),
          to: fc.integer({ min: 0, max: n - 1 }),
          mode: fc.constantFrom('sync', 'async'),
          probability: fc.double({ min: 0, max: 1, noNaN: true }),
          count: fc.integer({ min: 1, max: 5 }),
          networkMs: fc.double({ min: 0, max: 10, noNaN: true }),
        },
        { requiredKeys: ['from', 'to'] },
      )
      .filter((e) => e.from < e.to);
    return fc.record({
      format: fc.constant('loadsketch'),
      version: fc.constant(1),
      name: fc.string({ maxLength: 40 }),
      nodes: fc.tuple(...all.map((k, i) => nodeSpec(`n${i}`, k))),
      edges: fc.array(edge, { maxLength: n > 1 ? 12 : 0 }),
      workload: fc.record(
        {
          entry: fc.constant('n0'),
          arrival: fc.constantFrom('poisson', 'constant', 'bursty'),
          ratePerSec: fc.double({ min: 0.1, max: 10_000, noNaN: true }),
        },
        { requiredKeys: ['entry'] },
      ),
      run: fc.record({ durationSec: fc.integer({ min: 10, max: 600 }), warmupSec: fc.integer({ min: 0, max: 9 }), seed: fc.nat() }),
    });
  })
  .map((doc) => ({
    ...doc,
    edges: doc.edges.map(({ from, to, ...e }, i) => ({ id: `e${i}`, source: `n${from}`, target: `n${to}`, ...e })),
  }));

/** Junk of every type: NaN, ±Infinity, huge numbers and strings, nested objects and lists, prototype keys. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, maxDepth: 4 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e12, -1e300, 0, -0, 2 ** 53, 'x'.repeat(1_000_000), '', '__proto__'),
  fc.constantFrom(JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: 1 } }, [[[[[[[[[[[[1]]]]]]]]]]]]),
);

type Path = (string | number)[];
// biome-ignore lint/suspicious/noExplicitAny: mutations write junk of any type anywhere
type Loose = any;

/**
 * Every path to a value inside `v` (objects and lists), the root excluded. A cycle is walked once (a
 * mutation can make one: the junk constants are shared objects, so "add" may put one inside itself).
 */
function pathsOf(v: unknown, prefix: Path = [], out: Path[] = [], above = new Set<object>()): Path[] {
  if (v && typeof v === 'object' && !above.has(v)) {
    above.add(v);
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      pathsOf(child, p, out, above);
    }
    above.delete(v);
  }
  return out;
}

const mutation = fc.record({
  op: fc.constantFrom('delete', 'replace', 'duplicate', 'add'),
  pick: fc.nat(),
  value: junk,
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'kind', 'toString')),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Applies mutations to a structured clone (the original is never touched). */
function mutate(doc: unknown, muts: Mutation[]): unknown {
  const root = { doc: structuredClone(doc) } as Record<string, unknown>;
  for (const m of muts) {
    const paths = [[], ...pathsOf(root.doc)].map((p) => ['doc', ...p]);
    const path = paths[m.pick % paths.length];
    const parent = path.slice(0, -1).reduce<Loose>((o, k) => o?.[k], root);
    const last = path[path.length - 1];
    if (!parent || typeof parent !== 'object') continue;
    const target = parent[last];
    if (m.op === 'delete') delete parent[last];
    else if (m.op === 'replace') parent[last] = m.value;
    else if (m.op === 'duplicate' && Array.isArray(target) && target.length) target.push(structuredClone(target[0]));
    else if (m.op === 'add' && target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root.doc;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}

function wellFormed(r: ParseResult): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(100);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeLessThan(600); // never echoes a huge value
  }
}

const SEED = 20261128;
const seeds = [...TEMPLATES.map((t) => t.spec), ...fc.sample(validDocument, { numRuns: 5, seed: SEED })];

describe('parseTopology properties', () => {
  it('never throws and never mutates its input, whatever the mutations', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), (doc, muts) => {
        const input = mutate(doc, muts);
        const before = structuredClone(input);
        const r = parseTopology(input);
        wellFormed(r);
        expect(input).toEqual(before);
        // A frozen copy gives the same answer: a write would have thrown and changed it.
        expect(parseTopology(deepFreeze(structuredClone(input)))).toEqual(r);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(junk, (v) => {
        wellFormed(parseTopology(v));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('accepts generated valid documents, and parse ∘ serialize round-trips', () => {
    fc.assert(
      fc.property(validDocument, (spec) => {
        const r = parseTopology(spec);
        expect(r.ok ? [] : r.errors).toEqual([]);
        if (!r.ok) return;
        const text = serializeTopology(r.doc);
        const again = parseTopologyText(text);
        expect(again).toEqual(r);
        if (again.ok) expect(serializeTopology(again.doc)).toBe(text);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('hostile inputs', () => {
  const ok = () => ({ format: 'loadsketch', version: 1, nodes: [{ id: 'a', kind: 'service' }], workload: { entry: 'a' } });

  it('turns a throwing getter into an error at its path', () => {
    const doc: Loose = ok();
    Object.defineProperty(doc.nodes[0], 'kind', {
      enumerable: true,
      get() {
        throw Object.create(null); // not even convertible to a string
      },
    });
    expect(parseTopology(doc)).toEqual({
      ok: false,
      errors: [{ path: 'nodes[0].kind', message: 'nodes[0].kind could not be read (reading it raised an error)' }],
    });
  });

  it('survives Proxies whose every trap throws, and revoked Proxies', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const v of [hostile, proxy, { ...ok(), nodes: [hostile] }, { ...ok(), workload: proxy }]) {
      const r = parseTopology(v);
      expect(r.ok).toBe(false);
      wellFormed(r);
    }
  });

  it('reads each property once, so a getter cannot change its answer mid-parse', () => {
    let reads = 0;
    const doc: Loose = ok();
    Object.defineProperty(doc.nodes[0], 'replicas', {
      enumerable: true,
      get: () => (++reads === 1 ? 2 : 0),
    });
    const r = parseTopology(doc);
    expect(r.ok && r.doc.nodes[0].replicas).toBe(2);
    expect(reads).toBe(1);
  });

  it('handles huge lists, huge objects, deep nesting and cycles quickly', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const cyclic: Loose = ok();
    cyclic.nodes[0].self = cyclic;
    const manyKeys = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    const cases: [unknown, string, string][] = [
      [{ ...ok(), nodes: new Array(5_000_000).fill({ id: 'a', kind: 'service' }) }, 'nodes', 'nodes must have at most 2000 nodes'],
      [{ ...ok(), edges: new Array(5_000_000).fill(0) }, 'edges', 'edges must have at most 10000 edges'],
      [{ ...ok(), name: deep }, 'name', 'name must be a text string (got a list)'],
      [deep, '', 'A Loadsketch document must be a JSON object (got a list)'],
      [cyclic, 'nodes[0]', 'Node "a": unknown field "self"'],
      [{ ...ok(), workload: { entry: 'a', ...manyKeys } }, 'workload', 'workload has 200001 fields, far more than any Loadsketch record'],
      [{ ...ok(), name: new Uint8Array(50_000_000) }, 'name', 'name must be a text string (got an object)'],
    ];
    for (const [v, path, message] of cases) expect(parseTopology(v)).toEqual({ ok: false, errors: [{ path, message }] });
  });

  it('treats "__proto__" and "constructor" as ordinary ids and keys, without touching prototypes', () => {
    const text =
      '{"format":"loadsketch","version":1,"nodes":[{"id":"__proto__","kind":"service"},{"id":"constructor","kind":"cache"}],' +
      '"edges":[{"id":"toString","source":"__proto__","target":"constructor"}],"workload":{"entry":"__proto__"}}';
    const r = parseTopologyText(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.nodes.map((n) => n.id)).toEqual(['__proto__', 'constructor']);
    const polluted = parseTopologyText(text.replace('"workload"', '"__proto__":{"polluted":1},"workload"'));
    expect(polluted).toEqual({ ok: false, errors: [{ path: '__proto__', message: 'unknown field "__proto__" at the top level' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
