/**
 * LLM servers and Triton batching in the inspector: the live KV capacity follows the engine's
 * arithmetic and the machine's GPU memory, edits are checked by the parser with the field named,
 * a preset is marked as an assumption, and Triton's fields reach the document.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

test('the llm-server inspector shows the KV cache live, from the model and the machine’s GPU memory', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-assistant');
  await studio.selectNode('llm');
  await expect(studio.field('llm-preset')).toHaveValue('llama-3-8b@l4-24gb');
  await expect(page.getByTestId('llm-preset-source')).toContainText('Assumption, not a measurement');
  const kv = page.getByTestId('llm-kv-capacity');
  // Llama-3-8B on one L4 (24 GiB): (24 × 0.9 − 14.957) GiB / 128 KiB per token = 54 419 tokens.
  await expect(kv).toHaveAttribute('data-kv-tokens', '54419');
  await expect(kv).toContainText('KV cache: 54,419 tokens per replica (24 GiB × 0.9 − 15 GiB of weights, 128 KiB per token)');
  // At 2 150 in / 256 out tokens a sequence holds ⌈2 405 / 16⌉ = 151 blocks: ⌊3 401 / 151⌋ = 22 fit.
  await expect(page.getByTestId('llm-ceiling')).toContainText('22 sequences fit, 22 run at once');

  // A lower GPU memory utilisation shrinks the cache: (24 × 0.8 − 14.957) GiB / 128 KiB = 34 758 tokens.
  await studio.setField('llm-gpuMemoryUtilization', '0.8');
  await expect(kv).toHaveAttribute('data-kv-tokens', '34758');
  // A smaller batch limit caps the sequences that run at once, and the ceiling falls with it.
  const before = Number(await page.getByTestId('llm-ceiling').getAttribute('data-tokens-per-sec'));
  await studio.setField('llm-maxNumSeqs', '8');
  await expect(page.getByTestId('llm-ceiling')).toContainText('8 run at once');
  const after = Number(await page.getByTestId('llm-ceiling').getAttribute('data-tokens-per-sec'));
  // 8 sequences per step of 53.5 + 0.265 × 8 ms against 14 sequences per step of 53.5 + 0.265 × 14 ms.
  expect(after).toBeLessThan(before);
  expect(after).toBeCloseTo((8 * 1000) / (53.5333 + 0.265455 * 8), 0);

  // A token budget below max sequences is refused, naming the rule; the document keeps 2048.
  await studio.setField('llm-maxNumBatchedTokens', '4');
  await expect(page.getByTestId('error-llm-maxNumBatchedTokens')).toContainText('at least maxNumSeqs');
  await page.keyboard.press('Escape');
  const doc = await studio.exportDoc();
  const llm = (doc.nodes.find((n) => n.id === 'llm') as unknown as { llm: Record<string, unknown> }).llm;
  expect(llm).toMatchObject({ maxNumSeqs: 8, maxNumBatchedTokens: 2048, gpuMemoryUtilization: 0.8 });
});

test('a node without a GPU machine type and no KV size is named; a KV size in tokens is taken as given', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-assistant');
  await studio.selectNode('llm');
  await studio.field('llm-kv-source').selectOption('tokens');
  await expect(studio.field('llm-kvCacheTokens')).toHaveValue('100000');
  await expect(page.getByTestId('llm-kv-capacity')).toHaveAttribute('data-kv-tokens', '100000');
  await studio.setField('llm-kvCacheTokens', '20000');
  await expect(page.getByTestId('llm-kv-capacity')).toHaveAttribute('data-kv-tokens', '20000');
  // Back to the model: without a preset its shape is Llama-3-8B's; on a CPU machine the cache cannot be sized.
  await studio.field('llm-kv-source').selectOption('model');
  await studio.field('hardware').selectOption('c7i.large');
  await expect(page.getByTestId('error-hardware')).toContainText('needs a GPU machine type');
});

test('Triton batching, streaming and call tokens reach the document', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-assistant');
  await studio.selectNode('embedder');
  await expect(studio.field('triton')).toBeChecked();
  await expect(studio.field('triton-preferredBatchSizes')).toHaveValue('8, 16, 32');
  // Triton refuses a preferred size above max_batch_size (32).
  await studio.setField('triton-preferredBatchSizes', '8, 64');
  await expect(page.getByTestId('error-triton-preferredBatchSizes')).toContainText('larger than maxBatch');
  await studio.setField('triton-preferredBatchSizes', '16');
  await studio.setField('triton-defaultTimeoutMs', '50');
  await studio.field('triton-timeoutAction').selectOption('delay');

  await page.locator('.react-flow__edge[data-id="orchestrator-llm"]').click({ force: true });
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await expect(studio.field('streaming')).toBeChecked();
  await expect(studio.field('edge-in-mean')).toHaveValue('2150');
  await studio.setField('edge-in-mean', '3000');
  await studio.field('streaming').uncheck();

  const doc = await studio.exportDoc();
  const embedder = doc.nodes.find((n) => n.id === 'embedder') as unknown as { batching: { triton: Record<string, unknown> } };
  expect(embedder.batching.triton).toMatchObject({ preferredBatchSizes: [16], defaultTimeoutMs: 50, timeoutAction: 'delay' });
  const edge = doc.edges.find((e) => e.id === 'orchestrator-llm') as unknown as { streaming?: boolean; tokens: { input: { mean: number } } };
  expect(edge.streaming).toBeUndefined();
  expect(edge.tokens.input.mean).toBe(3000);
});
