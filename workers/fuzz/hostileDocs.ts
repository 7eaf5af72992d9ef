/**
 * Seeded hostile documents for the fuzz harness: a shipped template (or a
 * small generated design) put through 1–8 random mutations: absurd numbers
 * (NaN, ±Infinity, −0, 1e308, 1e-300), wrong types, huge or control-character
 * strings, missing and unknown fields, prototype keys, extra nodes and edges
 * (cycles, self-calls, dangling ends, duplicates), extreme rates, bursts and
 * profiles, and shared references. Same seed, same document.
 */
import { Rng } from '../engine/rng';
import { TEMPLATES } from '../templates/index';

type Json = unknown;
type Obj = Record<string, unknown>;

const WEIRD_NUMBERS = [0, -0, -1, 1, 0.5, 1e-300, 1e-9, 1e-6, 1e6, 1e9, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 31, 2 ** 53, 0.999999, 3.3];
const WEIRD_VALUES: Json[] = [null, true, '', '12', 'NaN', [], {}, [1, 2], { meanMs: 1 }, 'x'.repeat(300), '\u001b[2J\u202e', '__proto__'];
const KINDS = ['gateway', 'service', 'model-server', 'feature-store', 'vector-index', 'cache', 'database', 'queue', 'stream-processor', 'training', 'nope'];
const DISTS = ['exponential', 'deterministic', 'lognormal', 'gamma', 'uniform', 'pareto'];

class Pick {
  constructor(private readonly rng: Rng) {}
  int(n: number): number {
    return Math.floor(this.rng.next() * n);
  }
  of<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  /** A plausible positive number over many orders of magnitude, or a weird one. */
  num(): number {
    return this.chance(0.12) ? this.of(WEIRD_NUMBERS) : 10 ** (this.rng.next() * 7 - 3);
  }
  /** A fraction, sometimes an edge case (0, 1, almost 1, tiny). */
  rngFraction(): number {
    return this.chance(0.2) ? this.of([0, 1, 0.99999, 1e-9]) : this.rng.next();
  }
  value(): Json {
    return this.chance(0.6) ? this.num() : this.of(WEIRD_VALUES);
  }
}

function smallDesign(p: Pick): Obj {
  const n = 1 + p.int(6);
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: p.of(KINDS.slice(0, 9)),
    replicas: 1 + p.int(4),
    concurrency: 1 + p.int(8),
    serviceTime: { dist: 'exponential', meanMs: 0.1 + p.int(50) },
  }));
  const edges = [];
  for (let i = 1; i < n; i++) edges.push({ id: `e${i}`, source: `n${p.int(i)}`, target: `n${i}`, mode: p.chance(0.2) ? 'async' : 'sync' });
  return { format: 'loadsketch', version: 1, name: 'generated', nodes, edges, workload: { entry: 'n0', ratePerSec: p.num() }, run: { durationSec: 1, warmupSec: 0.1, seed: 1, replications: 1 } };
}

/** Every object and list inside `root` with a path of keys to it. */
function containers(root: Json, out: { parent: Obj | Json[]; key: string | number }[] = [], depth = 0): typeof out {
  if (depth > 5 || root === null || typeof root !== 'object') return out;
  const entries = Array.isArray(root) ? root.map((v, i) => [i, v] as const) : Object.entries(root as Obj);
  for (const [k, v] of entries) {
    out.push({ parent: root as Obj, key: k });
    containers(v, out, depth + 1);
  }
  return out;
}

function mutate(doc: Obj, p: Pick): void {
  const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
  const nodes = Array.isArray(doc.nodes) ? (doc.nodes as unknown[]).filter(isObj) : [];
  const edges = Array.isArray(doc.edges) ? (doc.edges as Obj[]) : [];
  const node = () => nodes[p.int(Math.max(1, nodes.length))] as Obj | undefined;
  // Destructive mutations (0–2) a quarter of the time: most documents should stay valid enough to run.
  if (!isObj(doc.workload)) doc.workload = {};
  switch (p.chance(0.25) ? p.int(3) : 3 + p.int(11)) {
    case 0: {
      // Any field anywhere gets a weird value.
      const all = containers(doc);
      const at = all[p.int(all.length)];
      if (at) (at.parent as Obj)[at.key as string] = p.value();
      break;
    }
    case 1: {
      const all = containers(doc);
      const at = all[p.int(all.length)];
      if (at && !Array.isArray(at.parent)) delete (at.parent as Obj)[at.key as string];
      break;
    }
    case 2: {
      const all = containers(doc).filter((c) => c.parent && !Array.isArray(c.parent));
      const at = all[p.int(all.length)];
      if (at) (at.parent as Obj)[p.of(['extra', '__proto__', 'constructor', 'colour', '\u001b]52;c;eA==\u0007'])] = p.value();
      break;
    }
    case 3: {
      const n = node();
      if (!n) break;
      const m = p.num();
      const forms = [{ dist: 'exponential', meanMs: m }, { dist: 'deterministic', meanMs: m }, { dist: 'lognormal', meanMs: m, cv: p.num() % 20 }, { dist: 'gamma', meanMs: m, cv: p.num() % 20 }, { dist: 'uniform', minMs: m / 2, maxMs: m }];
      n.serviceTime = p.chance(0.8) ? p.of(forms) : { dist: p.of(DISTS), meanMs: p.num(), cv: p.num(), minMs: p.num(), maxMs: p.num() };
      break;
    }
    case 4:
      if (nodes.length) edges.push({ id: `x${p.int(1e6)}`, source: (node() as Obj).id, target: (node() as Obj).id, mode: p.of(['sync', 'async', 'bogus']), probability: p.chance(0.5) ? p.num() : 1, count: 1 + p.int(4), networkMs: p.num(), timeoutMs: p.chance(0.3) ? p.num() : null, retries: p.int(12) });
      break;
    case 5:
      doc.workload = { ...(doc.workload as Obj), arrival: 'bursty', burst: { peakFactor: 1 + p.int(12), burstFraction: p.rngFraction(), meanBurstMs: p.num() } };
      break;
    case 6: {
      const pts = Array.from({ length: 1 + p.int(6) }, (_, i) => ({ atSec: i * p.num(), ratePerSec: p.chance(0.2) ? 0 : p.num() }));
      doc.workload = { ...(doc.workload as Obj), profile: pts };
      break;
    }
    case 7:
      doc.workload = { ...(doc.workload as Obj), ratePerSec: p.num() };
      break;
    case 8: {
      const n = node();
      if (!n) break;
      if (p.chance(0.7)) Object.assign(n, { replicas: 1 + p.int(p.chance(0.1) ? 10_000 : 8), concurrency: 1 + p.int(p.chance(0.1) ? 10 : 64), queueCapacity: p.chance(0.5) ? p.int(5) : null });
      else Object.assign(n, { replicas: p.value(), concurrency: p.value(), queueCapacity: p.value() });
      break;
    }
    case 9: {
      const n = node();
      if (n) Object.assign(n, { holdWorkerDuringCalls: p.chance(0.5), callMode: p.chance(0.9) ? p.of(['parallel', 'sequential']) : 'fork' });
      break;
    }
    case 10: {
      const n = node();
      if (n) n.batching = p.chance(0.7) ? { maxBatch: 1 + p.int(64), maxWaitMs: p.num() % 100 } : { maxBatch: p.value(), maxWaitMs: p.value() };
      break;
    }
    case 11: {
      // Shared references: one object under many keys.
      // (the same service time object on every node; sometimes the same node many times)
      const shared = nodes[0];
      if (!shared) break;
      if (p.chance(0.3)) doc.nodes = Array.from({ length: 1 + p.int(40) }, () => shared);
      else for (const n of nodes) n.serviceTime = shared.serviceTime;
      break;
    }
    case 12:
      doc.run = p.chance(0.7)
        ? { durationSec: 1 + p.int(100), warmupSec: p.int(1), seed: p.int(1e9), replications: 1 + p.int(3) }
        : { durationSec: p.num(), warmupSec: p.num(), seed: p.chance(0.5) ? p.int(1e9) : p.value(), replications: p.value() };
      break;
    default: {
      // A many-way fan-out from the entry.
      const src = node();
      if (!src) break;
      for (let i = 0; i < 5 + p.int(200); i++) {
        const target = (node() as Obj).id;
        if (target !== src.id || p.chance(0.05)) edges.push({ id: `f${i}`, source: src.id, target, mode: p.chance(0.8) ? 'sync' : 'async' });
      }
    }
  }
  if (edges.length) doc.edges = edges;
}

/** The hostile document of `seed` (a fresh object each call). */
export function hostileDocument(seed: number): unknown {
  const p = new Pick(new Rng(seed >>> 0));
  const base: Obj = p.chance(0.5) ? (JSON.parse(JSON.stringify(p.of(TEMPLATES).spec)) as Obj) : smallDesign(p);
  const steps = 1 + p.int(5);
  for (let i = 0; i < steps; i++) mutate(base, p);
  return base;
}
