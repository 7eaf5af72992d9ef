/** `loadsketch run` on a design with an llm-server: the LLM keys of docs/cli.md in the JSON, and the LLM table. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './testing';

const dir = tempDir('ls-cli-llm-');
const doc = {
  format: 'loadsketch',
  version: 2,
  nodes: [
    { id: 'gw', kind: 'gateway' },
    { id: 'llm', kind: 'llm-server', replicas: 2, llm: { alphaMs: 10, betaMs: 0.1, kvCacheTokens: 50_000 } },
  ],
  edges: [{ id: 'e', source: 'gw', target: 'llm', streaming: true }],
  workload: { entry: 'gw', ratePerSec: 5, tokens: { input: { dist: 'deterministic', mean: 200 }, output: { dist: 'deterministic', mean: 40 } } },
  slo: { percentile: 'p99', thresholdMs: 500, ttftMs: 100, tpotMs: 50 },
  run: { durationSec: 20, warmupSec: 2 },
};

describe('loadsketch run with an llm-server', () => {
  it('--json has llm {ttftMs {p50,p95,p99}, tpotMs, tokensPerSec, preemptions, kvOccupancyMean}, the same per node, and the analytic guidance', async () => {
    const f = join(dir, 'llm.json');
    writeFileSync(f, JSON.stringify(doc));
    const r = await runCli(['run', f, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const d of [j.microservices, j.monolith]) {
      expect(Object.keys(d.llm.ttftMs).sort()).toEqual(['mean', 'p50', 'p95', 'p99']);
      expect(d.llm.tpotMs.p50).toBeGreaterThan(0);
      // 5 req/s × 40 output tokens, Poisson arrivals over 18 s: within 20%.
      expect(Math.abs(d.llm.tokensPerSec / 200 - 1)).toBeLessThan(0.2);
      expect(d.llm.preemptions).toBe(0);
      expect(d.llm.kvOccupancyMean).toBeGreaterThan(0);
      expect(d.llm.goodFraction).toBe(1);
      expect(d.llmNodes.map((n: { id: string }) => n.id)).toEqual(['llm']);
    }
    expect(j.analytic.microservices.llm[0].guidance.kvCapacityTokens).toBe(50_000);
    expect(j.analytic.microservices.llm[0].guidance.decodeTokensPerSec).toBeGreaterThan(0);
  });

  it('the table has an LLM section per design and node', async () => {
    const f = join(dir, 'llm.json');
    writeFileSync(f, JSON.stringify(doc));
    const r = await runCli(['run', f]);
    expect(r.out).toContain('LLM serving');
    expect(r.out).toMatch(/micro \(all\)/);
    expect(r.out).toMatch(/mono llm/);
  });
});
