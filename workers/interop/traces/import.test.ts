import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../limits';
import { Warnings } from '../warnings';
import { DEMO_TRUTH } from './demoModel';
import { generateTraces, toJaegerJson, toOtlpJson } from './generate';
import { importTraces } from './import';

const read = (name: string) => readFileSync(new URL(`../fixtures/traces/${name}`, import.meta.url), 'utf8');

function load(text: string, format: 'otlp' | 'jaeger') {
  const w = new Warnings();
  return { ...importTraces(text, format, w), warnings: w.done() };
}

describe.each([
  ['otlp', 'shop.otlp.json'],
  ['jaeger', 'shop.jaeger.json'],
] as const)('%s traces from the generator (truth: DEMO_TRUTH)', (format, file) => {
  const { doc, fit, warnings } = load(read(file), format);
  const node = (id: string) => doc.nodes.find((n) => n.id === id);
  const edge = (s: string, t: string) => doc.edges.find((e) => e.source === s && e.target === t);

  it('builds the service call graph with the entry', () => {
    expect(doc.nodes.map((n) => n.id).sort()).toEqual(DEMO_TRUTH.services.map((s) => s.name).sort());
    const truthEdges = DEMO_TRUTH.services.flatMap((s) => s.calls.map((c) => `${s.name}>${c.to}`)).sort();
    expect(doc.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(truthEdges);
    expect(doc.workload.entry).toBe('api-gateway');
    expect(fit.traces).toBe(300);
  });

  it('fits every self-time mean within 5% of the truth', () => {
    for (const s of DEMO_TRUTH.services) {
      const t = node(s.name)?.serviceTime;
      expect(t?.dist, s.name).toBe('lognormal');
      const meanMs = t && 'meanMs' in t ? t.meanMs : Number.NaN;
      expect(Math.abs(meanMs / s.selfMeanMs - 1), `${s.name}: fitted ${meanMs} vs ${s.selfMeanMs}`).toBeLessThan(0.05);
    }
  });

  it('finds parallel and sequential calls (stages), probabilities, counts, async calls and network times', () => {
    for (const s of DEMO_TRUTH.services) {
      for (const c of s.calls) {
        const e = edge(s.name, c.to);
        expect(e?.mode, `${s.name}>${c.to}`).toBe(c.async ? 'async' : 'sync');
        expect(e?.count).toBe(c.count);
        if (c.probability === 1) expect(e?.probability).toBe(1);
        else expect(Math.abs((e?.probability ?? 0) - c.probability)).toBeLessThan(0.06);
        expect(e?.networkMs).toBeCloseTo(c.networkMs, 2);
      }
    }
    // api-gateway: auth first, then recommender and cart in parallel.
    expect(edge('api-gateway', 'auth')?.stage).toBe(0);
    expect(edge('api-gateway', 'recommender')?.stage).toBe(1);
    expect(edge('api-gateway', 'cart')?.stage).toBe(1);
    // recommender: feature-store and cache in parallel, then the ranking model.
    expect(edge('recommender', 'feature-store')?.stage).toBe(0);
    expect(edge('recommender', 'candidate-cache')?.stage).toBe(0);
    expect(edge('recommender', 'ranking-model')?.stage).toBe(1);
    // A cache's measured call probabilities already hold its misses.
    expect(node('candidate-cache')?.hitRatio).toBe(0);
    // A single callee needs no stage.
    expect(edge('cart', 'cart-db')?.stage).toBeNull();
  });

  it('estimates the entry rate from the trace start times (truth 40/s; 300 arrivals, so about ±6%)', () => {
    expect(Math.abs(doc.workload.ratePerSec / 40 - 1)).toBeLessThan(0.12);
  });

  it('reports trace against model per service', () => {
    const ranking = fit.services.find((s) => s.service === 'ranking-model');
    expect(ranking?.samples).toBe(300);
    expect(ranking?.model.meanMs).toBeCloseTo(ranking?.trace.meanMs ?? 0, 3);
    expect(Math.abs((ranking?.model.p99Ms ?? 0) / (ranking?.trace.p99Ms ?? 1) - 1)).toBeLessThan(0.15);
    expect(warnings).toContain('replicas and concurrency are not in traces: each node has its kind’s defaults; set them before trusting the utilisation');
  });
});

describe('trace import: hostile and broken files give clear errors', () => {
  it.each([
    ['otlp', '{"resourceSpans": [', /not valid JSON/],
    ['otlp', '{"resourceSpans": []}', /no spans found under resourceSpans/],
    ['jaeger', '{"data": [{"spans": [{"spanID": "a"}]}]}', /no spans found under data/],
    ['jaeger', `${'['.repeat(100)}${']'.repeat(100)}`, /nested deeper than 64 levels/],
    ['otlp', '{"__proto__": {"polluted": 1}, "resourceSpans": [{"__proto__": {"x": 1}}]}', /no spans found/],
  ] as const)('%s %#', (format, text, message) => {
    expect(() => load(text, format)).toThrow(message);
    expect(() => load(text, format)).toThrow(ImportError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives a parent cycle and a span that is its own parent', () => {
    const span = (id: string, parent: string, service: string) => ({ traceID: 't', spanID: id, references: [{ refType: 'CHILD_OF', spanID: parent }], startTime: 1, duration: 10, processID: service });
    const text = JSON.stringify({ data: [{ traceID: 't', spans: [span('a', 'b', 'p1'), span('b', 'a', 'p1'), span('c', 'c', 'p2')], processes: { p1: { serviceName: 'x' }, p2: { serviceName: 'y' } } }] });
    expect(() => load(text, 'jaeger')).not.toThrow(/internal|Maximum call stack/);
  });
});

describe('trace import recovers the self times exactly (independent of sampling error)', () => {
  it.each([
    ['otlp', toOtlpJson],
    ['jaeger', toJaegerJson],
  ] as const)('%s: each fitted mean is the mean of the self times the generator drew, to one part in a thousand', (format, write) => {
    const drawn = new Map<string, number[]>();
    const spans = generateTraces(DEMO_TRUTH, 120, 99, undefined, (s, ms) => drawn.set(s, [...(drawn.get(s) ?? []), ms]));
    const { doc } = load(JSON.stringify(write(spans)), format);
    for (const [service, samples] of drawn) {
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      const t = doc.nodes.find((n) => n.id === service)?.serviceTime;
      const fitted = t && 'meanMs' in t ? t.meanMs : Number.NaN;
      // Jaeger stores whole microseconds: up to 1 µs per span edge.
      expect(Math.abs(fitted - mean), service).toBeLessThan(Math.max(0.001 * mean, 0.003));
    }
  });
});
