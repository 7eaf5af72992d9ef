/**
 * The LLM results of the RAG assistant, through the real worker: TTFT and TPOT against offered
 * load for both designs, checked against the step-time arithmetic of the template's LLM
 * (Llama-3-8B on an L4: α 53.5 ms, β 0.265 ms/token, a 2 048-token budget per step), then an
 * edit of the engine's max sequences changes the figures.
 */
import { expect, type Page, test } from '@playwright/test';
import { ResultsPanel, type TableRow } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

const ALPHA = 53.5333;
const BETA = 0.265455;

async function sweep(page: Page, results: ResultsPanel) {
  await page.getByTestId('mode-sweep').check();
  await page.getByTestId('sweep-auto').uncheck();
  for (const [f, v] of [['fromPerSec', '1'], ['toPerSec', '5'], ['steps', '3']] as const) await page.getByTestId(`run-form-${f}`).fill(v);
  await results.run();
  await results.waitDone();
}

/** One LLM chart's table rows (exact values from data-value). */
async function llmTable(page: Page, metric: 'ttft' | 'tpot'): Promise<TableRow[]> {
  const frame = page.getByTestId(`chart-llm-${metric}`);
  const toggle = frame.getByTestId(`chart-llm-${metric}-table-toggle`);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const rows = frame.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => Object.fromEntries(Array.from(tr.querySelectorAll('td[data-key]')).map((td) => [td.getAttribute('data-key'), td.getAttribute('data-value') === '' ? null : Number(td.getAttribute('data-value'))]))),
  );
}

test('RAG assistant: TTFT and TPOT per load follow the LLM’s step times, and max sequences changes them', async ({ page }) => {
  test.setTimeout(240_000);
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('rag-assistant');
  // Fixed prompts of 2 150 tokens (the RAG context) make the first-token time exact arithmetic.
  await page.locator('.react-flow__edge[data-id="orchestrator-llm"]').click({ force: true });
  await studio.field('edge-in-dist').selectOption('deterministic');
  await expect(studio.field('edge-in-mean')).toHaveValue('2150');
  await results.setRun({ warmupSec: 3, durationSec: 40 });
  await sweep(page, results);
  await page.getByTestId('tab-llm').click();
  await expect(page.getByTestId('llm-view')).toBeVisible();
  await expect(page.getByTestId('chart-llm-ttft')).toContainText('TTFT vs offered load');
  await expect(page.getByTestId('chart-llm-tpot')).toContainText('TPOT vs offered load');

  const ttft = await llmTable(page, 'ttft');
  const tpot = await llmTable(page, 'tpot');
  expect(ttft.map((r) => r.ratePerSec)).toEqual([1, 3, 5]);
  // A 2 150-token prompt needs two chunks of a 2 048-token budget: (α + 2 048 β) + (α + 102 β) = 677.8 ms
  // before its first token; at light load other sequences add a few decode tokens (β each) to its steps.
  const low = ttft[0];
  expect(low.microservices_ttftMs_p50).toBeGreaterThan(2 * ALPHA + 2150 * BETA - 1);
  expect(low.microservices_ttftMs_p50).toBeLessThan(2 * ALPHA + 2150 * BETA + 40);
  // A decode step is at least α + β (one token); at light load a handful of sequences share it.
  expect(tpot[0].microservices_tpotMs_p50).toBeGreaterThan(ALPHA + BETA);
  expect(tpot[0].microservices_tpotMs_p50).toBeLessThan(80);
  // More load, more sequences per step: TPOT grows with the load.
  expect(tpot[2].microservices_tpotMs_p50!).toBeGreaterThan(tpot[0].microservices_tpotMs_p50!);
  // The monolith runs the same engine settings, so the same prefill arithmetic bounds its first token from below;
  // but equal budget buys it one unit, one LLM engine against eight: from 3 req/s its first tokens wait far longer.
  for (const r of ttft) expect(r.monolith_ttftMs_p50).toBeGreaterThan(2 * ALPHA + 2150 * BETA - 1);
  expect(ttft[1].monolith_ttftMs_p50!).toBeGreaterThan(2 * ttft[1].microservices_ttftMs_p50!);

  const load = page.getByTestId('llm-load-table');
  // One row per load and design.
  await expect(load.locator('tbody tr')).toHaveCount(6);
  const tokensPerSec = Number(await load.locator('tbody tr').first().locator('td[data-key="microservices_tokensPerSec"]').getAttribute('data-value'));
  // About 1 req/s × 256 output tokens.
  expect(tokensPerSec).toBeGreaterThan(150);
  expect(tokensPerSec).toBeLessThan(400);
  await expect(page.getByTestId('llm-nodes-microservices').locator('tr[data-node="llm"]')).toBeVisible();

  // Four sequences at most per engine: each step is short (TPOT falls) but requests queue (TTFT at 5 req/s soars).
  await studio.selectNode('llm');
  await studio.setField('llm-maxNumSeqs', '4');
  await sweep(page, results);
  await page.getByTestId('tab-llm').click();
  const ttft4 = await llmTable(page, 'ttft');
  const tpot4 = await llmTable(page, 'tpot');
  expect(tpot4[2].microservices_tpotMs_p50!).toBeLessThan(tpot[2].microservices_tpotMs_p50!);
  expect(ttft4[2].microservices_ttftMs_p99!).toBeGreaterThan(2 * ttft[2].microservices_ttftMs_p99!);
});
