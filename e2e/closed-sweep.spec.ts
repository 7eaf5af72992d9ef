/**
 * A closed-workload document in the studio, through the REAL workers: the
 * run panel offers a users range (no rate range), the sweep runs the users,
 * and the latency and throughput charts plot against users with points.
 * The workload is switched to closed through the document JSON (File → Open).
 */
import { expect, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

test.describe.configure({ timeout: 180_000 });

test('a closed document sweeps users: the panel asks for users, the charts say users and have points', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('retrieve-rank-rerank');
  await expect(studio.node('ranker')).toBeVisible();
  const doc = await studio.exportDoc();
  const closed = {
    ...doc,
    name: 'Closed retrieve rank',
    workload: { ...doc.workload, profile: null, model: 'closed', users: 20, thinkTime: { dist: 'exponential', meanMs: 300 } },
    run: { ...(doc.run as object), durationSec: 2.5, warmupSec: 0.5, replications: 1, seed: 7 },
  };
  await studio.importText(JSON.stringify(closed), 'closed.json');
  await expect(studio.docName).toHaveValue('Closed retrieve rank');

  const results = new ResultsPanel(page);
  await page.getByTestId('mode-sweep').check();
  // A users range, not a rate range.
  await expect(page.getByTestId('closed-sweep-hint')).toBeVisible();
  await expect(page.getByTestId('run-form-fromPerSec')).toHaveCount(0);
  await expect(page.getByTestId('run-form-toPerSec')).toHaveCount(0);
  await page.getByTestId('sweep-auto').uncheck();
  await page.getByTestId('run-form-fromUsers').fill('4');
  await page.getByTestId('run-form-toUsers').fill('16');
  await page.getByTestId('run-form-steps').fill('4');
  await results.run();
  await results.waitDone();

  const latency = page.getByTestId('chart-latency');
  await expect(latency).toContainText('Latency vs users');
  await expect(latency.locator('.recharts-label', { hasText: 'users (N)' })).toBeVisible();
  await expect(latency.locator('.recharts-line-dots circle').first()).toBeVisible();
  await expect(latency.locator('.recharts-label', { hasText: 'offered load' })).toHaveCount(0);
  const throughput = page.getByTestId('chart-throughput');
  await expect(throughput).toContainText('Throughput vs users');
  await expect(throughput.locator('.recharts-label', { hasText: 'users (N)' })).toBeVisible();
  await expect(throughput.locator('.recharts-line-dots circle').first()).toBeVisible();

  // The charts' tables: one row per number of users swept, keyed by users, with measured throughput.
  const rows = await results.table('chart-throughput');
  expect(rows.map((r) => r.users)).toEqual([4, 8, 12, 16]);
  for (const r of rows) expect(r.microservices!).toBeGreaterThan(0);
  // Throughput grows with the users below the knee (more users, more requests in flight).
  expect(rows[3].microservices!).toBeGreaterThan(rows[0].microservices!);
  await expect(page.getByTestId('chart-throughput').locator('thead')).toContainText('Users');
  // The verdict speaks of users.
  await expect(page.getByTestId('sweep-verdict')).toContainText('users');
});
