/**
 * The report's LLM section: present only when the run has llm-server figures, with TTFT/TPOT
 * charts (SLO lines), the per-load and per-node tables and the analytic guidance with its
 * notCovered lines. The figures are injected into a real run of the RAG assistant template so the
 * test reads exactly what the section writes.
 */
import { describe, expect, it } from 'vitest';
import { llmGuidance } from '../engine/llm/analytic';
import type { LlmMetricsResult, RunResult } from '../engine/results';
import { runPoint } from '../engine/run';
import { loadTemplate } from '../templates';
import { buildReportHtml } from './buildReport';
import { llmSection } from './llmSection';

const s = (p50: number) => ({ p50, p95: p50 * 2, p99: p50 * 3, mean: p50 });
const figures = (ttft: number): LlmMetricsResult => ({
  completed: 480,
  ttftMs: s(ttft),
  tpotMs: s(62),
  e2eMs: s(16_000),
  tokensPerSec: 1024,
  goodputPerSec: 3.5,
  goodFraction: 0.875,
  preemptions: 7,
  kvOccupancyMean: 0.41,
  refused: 0,
});

describe('the report’s LLM section', () => {
  const doc = loadTemplate('rag-assistant');
  const plain = runPoint(doc, { ratePerSec: 2, durationSec: 4, warmupSec: 0.5, seed: 3 });
  const guidance = llmGuidance({ alphaMs: 53.5333, betaMs: 0.265455, stepTable: null, maxNumSeqs: 256, kvCacheTokens: 54_419, blockSizeTokens: 16, meanInTokens: 2150, meanOutTokens: 256 });
  const withLlm = (p: RunResult, ttft: number): RunResult => ({
    ...p,
    microservices: { ...p.microservices, llm: figures(ttft), llmNodes: [{ id: 'llm', ...figures(ttft) }] },
    monolith: { ...p.monolith, llm: figures(ttft * 2), llmNodes: [{ id: 'llm', ...figures(ttft * 2) }] },
    analytic: { ...p.analytic, microservices: { ...p.analytic.microservices, llm: [{ id: 'llm', replicas: 8, meanInTokens: 2150, meanOutTokens: 256, guidance, problem: null }] } },
  });

  it('is absent without LLM figures', () => {
    const bare = { ...plain, microservices: { ...plain.microservices, llm: undefined, llmNodes: undefined }, monolith: { ...plain.monolith, llm: undefined, llmNodes: undefined } };
    expect(llmSection(doc, { points: [bare] }, bare)).toBe('');
  });

  it('draws TTFT and TPOT with their SLO lines and lists every figure and the guidance', () => {
    const points = [withLlm(plain, 700), withLlm({ ...plain, ratePerSec: 4 }, 900)];
    const html = llmSection(doc, { points }, points[1]);
    expect(html).toContain('<section id="llm">');
    expect(html).toMatch(/<figure data-testid="chart-llm-ttft"><svg /);
    expect(html).toMatch(/<figure data-testid="chart-llm-tpot"><svg /);
    expect(html).toContain('TTFT SLO ≤ 2 s');
    expect(html).toContain('TPOT SLO ≤ 100 ms');
    // Per load: 2 loads × 2 designs; the monolith's TTFT is twice the microservices'.
    const load = html.slice(html.indexOf('data-testid="llm-load-table"'), html.indexOf('</table>', html.indexOf('data-testid="llm-load-table"')));
    expect(load.match(/<tr>/g)?.length).toBe(5);
    expect(load).toContain('900 ms / 1.8 s / 2.7 s');
    expect(load).toContain('1.8 s / 3.6 s / 5.4 s');
    expect(load).toContain('3.5 req/s (87.5%)');
    expect(html).toContain('data-testid="llm-nodes-table"');
    // In whole blocks of 16: 3 401 × 16.
    expect(html).toContain('KV cache 54,416 tokens per replica');
    expect(html).toContain(`${guidance.kvConcurrentSeqs} sequences fit`);
    for (const n of guidance.notCovered) expect(html).toContain(n.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('sits in the full report between the per-node section and the latency distribution', () => {
    const points = [withLlm(plain, 700)];
    const html = buildReportHtml({ doc, sweep: { points }, capacity: null, settings: { durationSec: 4, warmupSec: 0.5, seed: 3, replications: 1, steps: 1 }, generatedBy: 'a unit test' });
    const at = (id: string) => html.indexOf(`<section id="${id}"`);
    expect(at('per-node')).toBeLessThan(at('llm'));
    expect(at('llm')).toBeLessThan(at('distribution'));
    expect(html).toContain('LLM SLOs (goodput)');
    expect(html).toContain('TTFT ≤ 2 s, TPOT ≤ 100 ms');
  });
});
