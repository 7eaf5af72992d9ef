/**
 * The scenario's remaining result surfaces, from real engine runs: each hit node's fault charts in the report
 * (ranker-gpu-loss, shortened), drawn from the run's own per-window figures; and the circuit breakers' counts
 * (retry-storm-breaker, as the template runs it) in the report's table and the CLI's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPatternCounts } from '../cli/format';
import type { RunResult } from '../engine/results';
import { runPoint } from '../engine/run';
import type { Topology } from '../engine/schema';
import { loadTemplate } from '../templates';
import { FAULT_SERIES, faultValue, hitNodes, nodeFaultWindows, nodesWithFaultSeries } from './faultSeries';
import { patternCountTables } from './patternCounts';
import { FAULT_COLOR } from './scenarioText';
import { scenarioCharts, scenarioSection } from './scenarioSection';
import { shortRankerGpuLoss } from './testing';

const rowsOf = (html: string, testId: string) =>
  [...(html.match(new RegExp(`<table data-testid="${testId}"[\\s\\S]*?</table>`))?.[0] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]));

/** The vertices of an SVG path's "M x y L x y …" as [x, y] pairs. */
const vertices = (d: string) => [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('each hit node through the scenario, in the report', () => {
  let doc: Topology;
  let point: RunResult;
  let html: string;
  beforeAll(() => {
    doc = shortRankerGpuLoss();
    point = runPoint(doc, { ratePerSec: 420, durationSec: doc.run.durationSec, warmupSec: doc.run.warmupSec, seed: 11 });
    html = scenarioSection(doc, point, doc.run.warmupSec);
  });

  it('shapes the run’s own series: the node the crash hits, every window, both designs', () => {
    expect(hitNodes(point, doc.scenario!.events)).toEqual(['ranker']);
    expect(nodesWithFaultSeries(point, doc.nodes).map((n) => n.id)).toEqual(doc.nodes.map((n) => n.id));
    const w = nodeFaultWindows(point, 'ranker');
    expect(w.startSec.length).toBe(doc.run.durationSec / w.windowSec);
    for (const d of ['microservices', 'monolith'] as const) {
      const s = point[d].nodes.find((n) => n.id === 'ranker')!.faultSeries!;
      for (const { key } of FAULT_SERIES) for (let k = 0; k < w.startSec.length; k++) expect(faultValue(w, d, key, k)).toBe(Number.isFinite(s[key][k]) ? s[key][k] : null);
    }
    // The crash (12 s to 22 s) takes 2 of the ranker's 8 GPUs: its failed visits are in those windows only.
    const s = w.series.microservices!;
    const failedAt = Array.from(w.startSec).filter((_, k) => s.errors[k] > 0);
    expect(failedAt.length).toBeGreaterThan(0);
    for (const t of failedAt) expect(t).toBeGreaterThanOrEqual(12 - w.windowSec);
  });

  it('draws utilisation, requests waiting and failed visits for the ranker, each with the crash as a band', () => {
    const group = html.match(/<div class="node-faults" data-testid="scenario-node-faults" data-node="ranker">[\s\S]*?<\/div>/)?.[0] ?? '';
    expect(group).toContain('<h4>Ranking model (GPU) through the scenario</h4>');
    const figs = [...group.matchAll(/<figure data-testid="chart-scenario-node" data-node="ranker" data-series="(\w+)">([\s\S]*?)<\/figure>/g)];
    expect(figs.map((f) => f[1])).toEqual(FAULT_SERIES.map((f) => f.key));
    for (const [, , svg] of figs) {
      const bands = svg.match(/<g class="band">.*?<\/g>/g) ?? [];
      expect(bands.length).toBe(1);
      expect(bands[0]).toContain(`fill="${FAULT_COLOR.crash}"`);
      expect(svg).toContain('>Microservices</text>');
      expect(svg).toContain('>Monolith</text>');
    }
    expect(figs[0][2]).toContain('<title>Ranking model (GPU): utilisation (busy / servers)</title>');
  });

  it('plots each window’s utilisation at its value (y axis 0 to 1, 150 px high, from y = 34)', () => {
    const svg = scenarioCharts(doc, point).find((c) => c.node === 'ranker' && c.series === 'utilization')!.svg;
    const paths = [...svg.matchAll(/<path d="([^"]*)" fill="none"/g)].map((m) => vertices(m[1]));
    const w = nodeFaultWindows(point, 'ranker');
    expect(paths.length).toBe(2);
    paths.forEach((pts, i) => {
      const s = w.series[(['microservices', 'monolith'] as const)[i]]!;
      expect(pts.length).toBe(w.startSec.length);
      pts.forEach(([, y], k) => {
        expect(Math.abs(y - (34 + 150 - 150 * s.utilization[k]))).toBeLessThanOrEqual(0.051);
      });
    });
  });

  it('a run without breakers has no breaker table', () => {
    expect(patternCountTables(doc, point)).toEqual([]);
    expect(html).not.toContain('data-testid="breaker-counts"');
    expect(formatPatternCounts(point)).toBe('');
  });
});

describe('the circuit breakers’ counts', () => {
  let doc: Topology;
  let point: RunResult;
  beforeAll(() => {
    doc = loadTemplate('retry-storm-breaker');
    point = runPoint(doc, {});
  });

  it('report: one row per breaker, both designs, the run’s own counts', () => {
    const b = point.microservices.breakers!;
    const mono = point.monolith.breakers!;
    expect(b.map((x) => x.edge)).toEqual(['gateway-features']);
    // The slowdown makes calls time out; the breaker opens and refuses calls for its 60 s open wait.
    expect(b[0].opened).toBeGreaterThanOrEqual(1);
    expect(b[0].refused).toBeGreaterThan(100);
    expect(point.microservices.endToEnd.errorsByCause?.breakerOpen).toBeGreaterThan(0);
    const rows = rowsOf(scenarioSection(doc, point, doc.run.warmupSec), 'breaker-counts');
    expect(rows).toEqual([
      ['Call', 'Count', 'Microservices', 'Monolith'],
      ['Prediction gateway → Feature store', 'Opened (times)', String(b[0].opened), String(mono[0].opened)],
      ['Prediction gateway → Feature store', 'Calls refused', b[0].refused.toLocaleString('en-US'), mono[0].refused.toLocaleString('en-US')],
    ]);
  });

  it('CLI: the same counts under the summary, with the edge’s id', () => {
    const b = point.microservices.breakers![0];
    const text = formatPatternCounts(point);
    const lines = text.split('\n');
    expect(lines[0]).toBe('circuit breakers (whole run, warm-up included)');
    expect(lines[1].split(/\s{2,}/)).toEqual(['edge', 'micro opened', 'micro refused', 'mono opened', 'mono refused']);
    const refused = b.refused.toLocaleString('en-US');
    expect(lines[2].split(/\s{2,}/)).toEqual(['gateway-features', String(b.opened), refused, String(point.monolith.breakers![0].opened), point.monolith.breakers![0].refused.toLocaleString('en-US')]);
  });

  it('a breaker only one design has shows "—" for the other', () => {
    const oneSided: RunResult = { ...point, monolith: { ...point.monolith, breakers: [] } };
    const [t] = patternCountTables(doc, oneSided);
    expect(t.rows[0].values.monolith).toBeNull();
    expect(rowsOf(scenarioSection(doc, oneSided, doc.run.warmupSec), 'breaker-counts').map((r) => r[3])).toEqual(['Monolith', '—', '—']);
  });
});

describe('the retry budgets’ counts', () => {
  it('the retry storm with an Envoy budget instead of the breaker: retries allowed and refused per call, report and CLI', () => {
    const base = loadTemplate('retry-storm-breaker');
    const doc: Topology = { ...base, edges: base.edges.map(({ circuitBreaker: _b, ...e }) => ({ ...e, retryBudget: { kind: 'envoy' as const, budgetPercent: 20, minRetryConcurrency: 3 } })) };
    const point = runPoint(doc, {});
    const [b] = point.microservices.retryBudgets!;
    const [mono] = point.monolith.retryBudgets!;
    expect(point.microservices.breakers ?? []).toEqual([]);
    // The slowed feature store times calls out faster than 3 retries at a time can drain: the budget refuses some.
    expect(b.retriesAllowed).toBeGreaterThan(0);
    expect(b.retriesRefused).toBeGreaterThan(0);
    const tables = patternCountTables(doc, point);
    expect(tables.map((t) => t.kind.id)).toEqual(['retry-budget-counts']);
    const call = 'Prediction gateway → Feature store (Envoy budget)';
    const n = (v: number) => v.toLocaleString('en-US');
    expect(rowsOf(scenarioSection(doc, point, doc.run.warmupSec), 'retry-budget-counts')).toEqual([
      ['Call', 'Count', 'Microservices', 'Monolith'],
      [call, 'Retries allowed', n(b.retriesAllowed), n(mono.retriesAllowed)],
      [call, 'Retries refused', n(b.retriesRefused), n(mono.retriesRefused)],
    ]);
    const lines = formatPatternCounts(point).split('\n');
    expect(lines[0]).toBe('retry budgets (whole run, warm-up included)');
    expect(lines[2].split(/\s{2,}/)).toEqual(['gateway-features (Envoy budget)', ...[b.retriesAllowed, b.retriesRefused, mono.retriesAllowed, mono.retriesRefused].map((v) => v.toLocaleString('en-US'))]);
  });
});
