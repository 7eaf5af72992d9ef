import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Warnings } from '../warnings';
import { importMermaid } from './import';

const fixture = readFileSync(new URL('../fixtures/recommender.mmd', import.meta.url), 'utf8');

function load(text: string) {
  const w = new Warnings();
  const doc = importMermaid(text, w);
  return { doc, warnings: w.done() };
}

describe('Mermaid import: the recommender fixture (hand-checked)', () => {
  const { doc, warnings } = load(fixture);
  const edge = (s: string, t: string) => doc.edges.find((e) => e.source === s && e.target === t);

  it('reads every node with its label and the kind the rules give', () => {
    expect(doc.nodes.map((n) => [n.id, n.label, n.kind])).toEqual([
      ['gw', 'API Gateway', 'gateway'],
      ['rec', 'Recommendation service', 'service'],
      ['fs', 'Feature store', 'feature-store'],
      ['cache', 'Redis cache', 'cache'],
      ['ranker', 'Ranking model', 'model-server'],
      ['vec', 'Vector index', 'vector-index'],
      ['events', 'Kafka events', 'queue'],
      ['flink', 'Flink nearline', 'stream-processor'],
      ['users', 'users', 'database'],
      ['log', 'Audit log', 'service'],
    ]);
    expect(doc.workload.entry).toBe('gw');
  });

  it('reads sync, thick, async and labelled edges with their settings', () => {
    expect(doc.edges).toHaveLength(9);
    expect(edge('gw', 'rec')).toMatchObject({ mode: 'sync', probability: 1, count: 1, stage: null });
    expect(edge('rec', 'fs')).toMatchObject({ mode: 'sync', probability: 0.9, count: 2, stage: 0 });
    expect(edge('rec', 'cache')).toMatchObject({ mode: 'sync', stage: 0 });
    expect(edge('rec', 'ranker')).toMatchObject({ mode: 'sync', stage: 1 });
    expect(edge('rec', 'events')).toMatchObject({ mode: 'async' });
    expect(edge('events', 'flink')).toMatchObject({ mode: 'async' });
    expect(edge('rec', 'users')).toMatchObject({ mode: 'sync', probability: 0.3 });
    expect(edge('ranker', 'log')).toMatchObject({ mode: 'sync' });
  });

  it('lists everything it did not understand', () => {
    expect(warnings).toEqual(
      expect.arrayContaining([
        'line 13: link ranker — log has no arrow; read as a call from ranker to log',
        'line 14: invisible link gw ~~~ rec skipped',
        expect.stringMatching(/^line 15: styling "style gw fill:#f9f" ignored/),
        expect.stringMatching(/^line 16: styling "click gw callback" ignored/),
        'line 17: not understood, skipped: "this is ??? not mermaid"',
        'subgraph "Online serving" (4 nodes): its nodes are imported, the grouping is not kept',
      ]),
    );
    expect(warnings).toHaveLength(6);
  });
});

describe('Mermaid import: syntax', () => {
  it('reads graph TD, chains, & groups and every shape', () => {
    const { doc } = load('graph TD\n a(Round) & b{Choice} --> c((Circle)) --> d[/Para/]\n e[\\Alt\\] --> f>Flag] ; g(((Dbl))) --> h{{Hex}}');
    expect(doc.nodes.map((n) => n.label)).toEqual(['Round', 'Choice', 'Circle', 'Para', 'Alt', 'Flag', 'Dbl', 'Hex']);
    expect(doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['a>c', 'b>c', 'c>d', 'e>f', 'g>h']);
  });

  it('reads "-- text -->" and "-. text .->" labels', () => {
    const { doc } = load('flowchart LR\n A -- x3 --> B\n B -. 50% .-> C');
    expect(doc.edges[0]).toMatchObject({ mode: 'sync', count: 3 });
    expect(doc.edges[1]).toMatchObject({ mode: 'async', probability: 0.5 });
  });

  it('leaves out a call that closes a cycle and says so', () => {
    const w = new Warnings();
    const doc = importMermaid('flowchart LR\n A --> B -.-> A\n B --> C', w);
    expect(doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['A>B', 'B>C']);
    expect(w.done()).toContain('call B → A closes a cycle of calls (a request would call itself forever); left out');
  });

  it('keeps hostile labels as plain text', () => {
    const { doc } = load('flowchart LR\n A["<img src=x onerror=alert(1)>"] --> B["__proto__"]\n __proto__ --> constructor');
    expect(doc.nodes[0].label).toBe('<img src=x onerror=alert(1)>');
    expect(doc.nodes.map((n) => n.id)).toEqual(['A', 'B', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });
});

describe('Mermaid import: broken files give clear errors', () => {
  it.each([
    ['', /file is empty/],
    ['sequenceDiagram\n A->>B: hi', /line 1: a Mermaid flowchart starts with/],
    ['flowchart LR\n %% only a comment', /no nodes to import/],
    [`flowchart LR\n${'x'.repeat(17 * 1024 * 1024)}`, /larger than 16 MB/],
    [`flowchart LR\n${Array.from({ length: 600 }, (_, i) => `n${i}`).join('\n')}`, /more than 500 nodes/],
  ])('%#', (text, message) => {
    expect(() => load(text)).toThrow(message);
  });
});

describe('Mermaid import: any text', () => {
  it('either imports or throws an ImportError, never anything else', async () => {
    const { default: fc } = await import('fast-check');
    const { ImportError } = await import('../limits');
    const piece = fc.constantFrom('A', 'B', '-->', '-.->', '[', ']', '(', ')', '"', '|', '&', ';', '\n', ' ', 'subgraph', 'end', '{{', ':::', '%%', '#quot;', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        try {
          load(`flowchart LR\n${parts.join('')}`);
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});
