import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

const fixture = (name: string) => readFileSync(new URL(`../workers/interop/fixtures/${name}`, import.meta.url), 'utf8');

/** Drops a file with this text on the canvas, as a user dragging it from the desktop. */
async function dropFile(page: Page, text: string, name: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      return dt;
    },
    { text, name },
  );
  const canvas = page.getByTestId('canvas');
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
}

/** Runs once at the document's own rate and returns the simulated microservice throughput (req/s). */
async function runOnce(page: Page): Promise<number> {
  const results = new ResultsPanel(page);
  await results.setRun({ warmupSec: 1, durationSec: 10 });
  await page.getByTestId('mode-single').check();
  await results.run();
  await results.waitDone();
  const cell = page.getByTestId('single-table').locator('tr[data-key="throughputPerSec"] td[data-key="microservices"]');
  return Number(await cell.getAttribute('data-value'));
}

test('a Mermaid file dropped on the canvas becomes a document that runs', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await dropFile(page, fixture('recommender.mmd'), 'recommender.mmd');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('Mermaid flowchart: 10 nodes, 9 calls');
  await expect(dialog.getByTestId('import-warnings')).toContainText('line 17: not understood, skipped: "this is ??? not mermaid"');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  await expect(studio.nodes).toHaveCount(10);
  await expect(studio.node('fs')).toContainText('Feature store');
  await expect(studio.docName).toHaveValue('Imported from Mermaid');
  const doc = JSON.parse(await studio.exportText());
  expect(doc.edges.find((e: { source: string; target: string }) => e.source === 'rec' && e.target === 'fs')).toMatchObject({ probability: 0.9, count: 2, stage: 0 });
  // A wrong guess is corrected in the inspector: the audit log is a database.
  await studio.selectNode('log');
  await page.getByTestId('field-kind').selectOption('database');
  await expect(studio.node('log')).toContainText('Database');
  // The document's rate is the default 100 req/s; a stable system carries it.
  const throughput = await runOnce(page);
  expect(throughput).toBeGreaterThan(85);
  expect(throughput).toBeLessThan(115);
});

test('a trace file dropped on the canvas becomes a calibrated document that runs, with its fit report', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await dropFile(page, fixture('traces/shop.otlp.json'), 'shop.otlp.json');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('OpenTelemetry traces (OTLP JSON): 9 nodes, 8 calls, from 300 traces');
  await expect(dialog.getByTestId('import-fit').locator('tbody tr')).toHaveCount(9);
  await dialog.getByTestId('import-apply').click();
  await expect(studio.nodes).toHaveCount(9);
  const doc = JSON.parse(await studio.exportText());
  const ranking = doc.nodes.find((n: { id: string }) => n.id === 'ranking-model');
  expect(ranking.kind).toBe('model-server');
  expect(Math.abs(ranking.serviceTime.meanMs / 15 - 1)).toBeLessThan(0.05);
  const rate = doc.workload.ratePerSec;
  expect(rate).toBeGreaterThan(35);
  expect(rate).toBeLessThan(46);
  const throughput = await runOnce(page);
  expect(Math.abs(throughput / rate - 1)).toBeLessThan(0.15);
});

test('a broken file shows a clear error, cannot be applied, and changes nothing', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const before = await studio.exportText();
  await dropFile(page, 'flowchart LR\n', 'empty.mmd');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-error')).toContainText('Mermaid: the file has no nodes to import');
  await expect(dialog.getByTestId('import-apply')).toBeDisabled();
  await dialog.getByTestId('import-cancel').click();
  await expect(dialog).toBeHidden();
  expect(await studio.exportText()).toBe(before);
});

test('File → Import reads a compressed draw.io file and lets the user choose the page', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file-input').setInputFiles({ name: 'recommender.drawio', mimeType: 'application/xml', buffer: Buffer.from(fixture('recommender.drawio')) });
  await expect(dialog.getByTestId('import-summary')).toContainText('draw.io diagram: 7 nodes, 6 calls');
  await dialog.getByTestId('import-page').selectOption({ label: 'Nearline' });
  await expect(dialog.getByTestId('import-summary')).toContainText('draw.io diagram: 2 nodes, 1 calls');
  await dialog.getByTestId('import-apply').click();
  await expect(studio.nodes).toHaveCount(2);
  await expect(studio.docName).toHaveValue('Nearline');
});

test('a k6 summary dropped on the canvas draws its measured points beside the simulated latency curve', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('mm1');
  const results = new ResultsPanel(page);
  await results.setRun({ warmupSec: 1, durationSec: 5 });
  await results.sweep(3);
  await results.run();
  await results.waitDone();
  const chart = page.getByTestId('chart-latency');
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(0);
  // M/M/1 at 50 req/s with 10 ms service: mean 1 / (100 − 50) s = 20 ms, p99 = 20 ms × ln 100 ≈ 92 ms.
  const summary = { metrics: { http_reqs: { count: 15000, rate: 50 }, http_req_duration: { avg: 20.4, med: 14.1, 'p(95)': 61, 'p(99)': 93.5 } } };
  await dropFile(page, JSON.stringify(summary), 'summary.json');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('k6 summary: 1 measured point(s)');
  await dialog.getByTestId('import-apply').click();
  // The chart shows mean and p99 by default: one marker each.
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(2);
  await chart.getByTestId('chart-latency-table-toggle').click();
  const row = chart.getByTestId('measured-table').locator('tbody tr');
  await expect(row.locator('td[data-key="ratePerSec"]')).toHaveAttribute('data-value', '50');
  await expect(row.locator('td[data-key="measured_p99"]')).toHaveAttribute('data-value', '93.5');
  await chart.getByTestId('measured-clear').click();
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(0);
});
