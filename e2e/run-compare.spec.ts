/**
 * Run history compare: two sweeps of two design versions (before and after
 * adding replicas to the ranker) on the same charts, the run pinned, and
 * both still there after a reload.
 */
import { expect, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

test('pin a run and compare it with a sweep of an earlier design version, after a reload too', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await results.setRun({ warmupSec: 0.2, durationSec: 1 });
  await results.sweep(3);
  await results.run();
  await results.waitDone();
  const before = (await page.getByTestId('run-current-design').textContent())!.replace('This run: design ', '');
  // Nothing to compare with yet: the pin only.
  await expect(page.getByTestId('run-pin')).toBeVisible();
  await expect(page.getByTestId('run-compare-select')).toHaveCount(0);

  await studio.selectNode('ranker');
  await studio.setField('replicas', '24');
  // (the short sweep may end before its "running" state is seen: wait for the run of the new design instead)
  await results.runButton.click();
  await expect(page.getByTestId('run-current-design')).not.toHaveText(`This run: design ${before}`, { timeout: 60_000 });
  await results.waitDone();
  const after = (await page.getByTestId('run-current-design').textContent())!.replace('This run: design ', '');
  expect(after).not.toBe(before);

  await page.getByTestId('run-pin').click();
  await expect(page.getByTestId('run-pin')).toHaveAttribute('aria-pressed', 'true');
  const select = page.getByTestId('run-compare-select');
  const option = select.locator('option', { hasText: `design ${before}` });
  await expect(option).toHaveCount(1);
  await select.selectOption((await option.getAttribute('value'))!);

  const expectBoth = async () => {
    for (const chart of ['chart-latency', 'chart-throughput']) {
      const c = page.getByTestId(chart);
      await expect(c.getByTestId('compare-key')).toContainText(`design ${before}`);
      await expect(c.locator('.ls-compare-line path.recharts-line-curve').first()).toBeVisible();
      await expect(c.locator('.recharts-line:not(.ls-compare-line) path.recharts-line-curve').first()).toBeVisible();
    }
    await expect(page.getByTestId('run-current-design')).toHaveText(`This run: design ${after}`);
    // The table view lists the compared run's rows beside the current run's.
    await page.getByTestId('chart-throughput-table-toggle').click();
    await expect(page.getByTestId('throughput-compare-table').locator('caption')).toContainText(`design ${before}`);
    await expect(page.getByTestId('throughput-compare-table').locator('tbody tr')).toHaveCount(3);
    await expect(page.getByTestId('throughput-table').locator('tbody tr')).toHaveCount(3);
    await page.getByTestId('chart-throughput-table-toggle').click();
  };
  await expectBoth();

  await studio.waitSaved();
  await page.reload();
  await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  await expect(results.status).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('run-pin')).toHaveAttribute('aria-pressed', 'true');
  await expectBoth();

  // Back to the monolith-only view.
  await page.getByTestId('run-compare-select').selectOption('');
  await expect(page.getByTestId('chart-latency').getByTestId('compare-key')).toHaveCount(0);
  await expect(page.getByTestId('chart-latency').locator('.ls-compare-line')).toHaveCount(0);
});
