/**
 * The documented limit in the browser: a chain of 2000 nodes (LIMITS.maxNodes)
 * opens, is checked, and runs through the real Web Worker; a failed run's
 * error clears when another document is opened.
 */
import { expect, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

test.describe.configure({ timeout: 240_000 });

function chain(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: i === 0 ? 'gateway' : 'service',
    label: `Step ${i}`,
    replicas: 1,
    concurrency: 64,
    serviceTime: { dist: 'deterministic', meanMs: 0.01 },
    position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 120 },
  }));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: `n${i}`, target: node.id, networkMs: 0 }));
  return { format: 'loadsketch', version: 1, name: `Chain of ${n}`, nodes, edges, workload: { entry: 'n0', ratePerSec: 5 }, run: { durationSec: 2, warmupSec: 0.2 } };
}

// The engine's answer path is a work list, not a recursion (workers/engine/calls.ts), so the chain fits a worker's stack.
test('a 2000-node chain runs in Chromium through the worker', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.importText(JSON.stringify(chain(2000)), 'chain.json');
  await expect(studio.docName).toHaveValue('Chain of 2000', { timeout: 60_000 });
  await expect(studio.workerStatus).toHaveAttribute('data-state', 'valid', { timeout: 60_000 });
  await page.getByTestId('mode-single').check();
  await page.getByTestId('run-form-ratePerSec').fill('5');
  await results.run();
  await expect(results.status).not.toHaveAttribute('data-status', 'running', { timeout: 180_000 });
  await expect(results.error).toHaveCount(0);
  await expect(results.status).toHaveAttribute('data-status', 'done');
  // Every request went through the whole chain: the last node served them all.
  await results.tab('nodes');
  await page.getByTestId('chart-nodes-table-toggle').click();
  const last = page.locator('[data-testid=nodes-table] tr[data-node="n1999"] td[data-key=arrivalRatePerSec]');
  await expect(last).toBeAttached();
  expect(Number(await last.getAttribute('data-value'))).toBeGreaterThan(0);
});

test('a failed run\'s error clears when another document is opened', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  // A worker that dies mid-run: the error the user saw in the issue ("The simulation failed: …").
  await page.evaluate(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'Maximum call stack size exceeded' })), 50);
      }
    } as typeof Worker;
  });
  await results.setRun({ warmupSec: 0.5, durationSec: 2 });
  await results.runButton.click();
  await expect(results.error).toBeVisible({ timeout: 60_000 });
  await studio.openTemplate('mm1');
  await expect(results.error).toHaveCount(0);
  await expect(results.status).toHaveCount(0);
});
