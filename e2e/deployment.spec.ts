/**
 * Machines and the deployed monolith in the studio: picking a machine type in
 * the inspector changes the replica's price and the monolith's derivation;
 * the Monolith drawing tab states the derivation in one sentence with its
 * numbers (machine type, replicas, threads and GPUs per replica, cost).
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

test('picking a machine type in the inspector changes the replica price and the monolith’s budget', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-llm');
  await expect(studio.node('llm')).toBeVisible();

  await page.getByTestId('tab-monolith').click();
  const sentence = page.getByTestId('monolith-derivation');
  await expect(sentence).toContainText('4 replicas of GCP a2-highgpu-1g (1× A100 40 GB)');
  await expect(sentence).toContainText('$14.7/h in all');
  await expect(sentence).toContainText("microservices' $16/h");

  await studio.selectNode('orchestrator');
  const inspector = page.getByTestId('node-inspector');
  await expect(studio.field('hardware')).toHaveValue('m7i.xlarge');
  await expect(inspector).toContainText('Now $0.2016/h per replica, $0.8064/h for 4.');
  await studio.field('hardware').selectOption('g5.xlarge');
  await expect(inspector).toContainText('Now $1.006/h per replica, $4.024/h for 4.');
  // The orchestrator's 4 replicas now cost $3.22/h more: the budget buys a fifth A100 host.
  await expect(sentence).toContainText('5 replicas of GCP a2-highgpu-1g');
  await expect(sentence).toContainText("microservices' $19.3/h");

  // An explicit price overrides the machine's.
  await studio.setField('costPerReplicaHour', '0.5');
  await expect(inspector).toContainText('Now $0.5/h per replica, $2/h for 4.');
  const exported = await studio.exportDoc();
  const node = exported.nodes.find((n) => n.id === 'orchestrator') as unknown as { hardware: string; costPerReplicaHour: number };
  expect(node).toMatchObject({ hardware: 'g5.xlarge', costPerReplicaHour: 0.5 });
});

test('the Monolith drawing states the derivation and shows which resources each merged part runs on', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-llm');
  await page.getByTestId('tab-monolith').click();
  const sentence = page.getByTestId('monolith-derivation');
  await expect(sentence).toHaveText(
    "The monolith runs as 4 replicas of GCP a2-highgpu-1g (1× A100 40 GB) (the cheapest machine type that fits) at $3.67/h each, $14.7/h in all (equal budget, as many as the microservices' $16/h for these components buys); each replica holds API gateway, RAG orchestrator, Query embedder (CPU) on 76 worker threads and LLM server (Llama-2-7B, A100) on 1 GPU; calls between merged parts cost no network time; 1 infrastructure node (Vector index (HNSW)) stays remote.",
  );
  await expect(sentence).toHaveAttribute('data-fits', 'true');
  await expect(page.getByTestId('mono-side-llm')).toHaveText('merged · on the GPUs');
  await expect(page.getByTestId('mono-side-gateway')).toHaveText('merged · on the worker threads');
  await expect(page.getByTestId('mono-side-vector-index')).toContainText('stays remote');

  // A machine that cannot hold the merged parts is said plainly.
  await studio.clickPane();
  await studio.field('monolith-hardware').selectOption('g6.xlarge');
  await expect(sentence).toContainText('The machine type g6.xlarge does not hold every merged component (10 cores, 1 GPU and 16 GB of GPU memory together)');
  await expect(sentence).toHaveAttribute('data-fits', 'false');
});

test('an llm-server runs as an engine in each monolith unit by default, or as its own deployment when chosen', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-assistant');
  await page.getByTestId('tab-monolith').click();
  const sentence = page.getByTestId('monolith-derivation');
  await expect(sentence).toContainText('an LLM engine of LLM (Llama-3-8B, vLLM on L4) on 1 GPU of its own');
  await expect(sentence).toContainText('AWS g6.12xlarge (4× L4 24 GB)');
  await expect(page.getByTestId('mono-side-llm')).toHaveText('LLM engine in each unit · its own GPUs');

  await studio.clickPane();
  const choice = studio.field('monolith-llm');
  await expect(choice).toHaveValue('colocated');
  await choice.selectOption('separate');
  await expect(page.getByTestId('mono-side-llm')).toContainText('stays remote');
  await expect(sentence).not.toContainText('LLM engine');
  // One undo step brings the default back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('mono-side-llm')).toHaveText('LLM engine in each unit · its own GPUs');
});
