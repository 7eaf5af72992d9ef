import { expect, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { mergedNodeIds } from '../workers/engine/monolith';
import { loadTemplate } from './fixtures/templates';
import { StudioPage } from './pages/StudioPage';

/** The replica chart's table: one row per window, exact values by line key (`server`, `monolith-total` …). */
async function replicaTable(page: import('@playwright/test').Page) {
  const frame = page.getByTestId('chart-replicas');
  await frame.getByTestId('chart-replicas-table-toggle').click();
  const rows = frame.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const row: Record<string, number> = {};
      for (const td of Array.from(tr.querySelectorAll('td'))) row[td.getAttribute('data-key') ?? 'hour'] = Number(td.getAttribute('data-value'));
      return row;
    }),
  );
}

test('autoscaling a node in the inspector and running a diurnal day: replicas follow the day in the Day view', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('mm1');
  await expect(page.getByTestId('tab-day')).toHaveCount(0);

  // Turn on an HPA for the one server, by keyboard: a valid autoscaler with the Kubernetes defaults.
  await studio.selectNode('server');
  await studio.field('as-on').focus();
  await page.keyboard.press('Space');
  await expect(studio.field('as-policy')).toHaveValue('hpa');
  await expect(studio.field('as-metric')).toHaveValue('utilization');
  await expect(studio.field('as-syncPeriodSec')).toBeHidden();
  await page.getByTestId('as-advanced').locator('summary').click();
  await expect(studio.field('as-syncPeriodSec')).toHaveValue('15');
  await expect(studio.field('as-scaleDown-stabilizationWindowSec')).toHaveValue('300');
  await expect(studio.node('server').getByTestId('node-autoscale')).toHaveText('HPA');

  // A wrong value is named under its field and changes nothing; then a low target makes the day's swing visible.
  await studio.setField('as-minReplicas', '9');
  await expect(page.getByTestId('error-as-minReplicas')).toContainText('autoscale.minReplicas must be at most maxReplicas');
  await page.getByTestId('field-as-minReplicas').press('Escape');
  await studio.setField('as-target', '0.2');
  await expect(page.getByTestId('error-as-target')).toHaveCount(0);
  // The cold start shows the default of a CPU service, in seconds.
  await expect(studio.field('coldStart-meanSec')).toHaveValue('10');

  // A diurnal day around 30 req/s: 12 req/s at 08:00, 48 at 20:00 (one server of 10 ms is 12% to 48% busy; the target is 20%).
  await studio.clickPane();
  await page.getByTestId('day-preset').selectOption('diurnal');
  await page.getByTestId('day-mean').fill('30');
  await page.getByTestId('day-apply').click();
  await expect(page.getByTestId('profile-chart')).toHaveAttribute('data-points', '97');
  await expect(page.getByTestId('tab-day')).toBeVisible();

  await results.run();
  await results.waitDone(150_000);
  await page.getByTestId('tab-day').click();
  const range = page.getByTestId('replica-range-server');
  await expect(range).toBeVisible();
  // HPA: desired = ceil(replicas × utilisation ÷ target): the 12% trough needs 1 replica, the 48% peak ceil(0.48 ÷ 0.2) = 3.
  await expect(range).toHaveAttribute('data-min', '1');
  expect(Number(await range.getAttribute('data-max'))).toBeGreaterThanOrEqual(2.5);

  const rows = await replicaTable(page);
  expect(rows.length).toBeGreaterThan(40);
  const at = (hour: number) => rows.reduce((best, r) => (Math.abs(r.hour - hour) < Math.abs(best.hour - hour) ? r : best));
  // Fewer replicas at the 08:00 trough than at the 20:00 peak; the monolith (not autoscaled) keeps its one unit all day.
  expect(at(8).server).toBeLessThan(1.5);
  expect(at(20).server).toBeGreaterThan(2.5);
  expect(new Set(rows.map((r) => r['monolith-total']))).toEqual(new Set([1]));

  const totals = page.getByTestId('day-coldStarts').locator('td').first();
  expect(Number(await totals.getAttribute('data-value'))).toBeGreaterThan(0);
  const cost = page.getByTestId('day-costTotal').locator('td');
  // The autoscaled server costs more than one fixed replica all day (the target is low), at $0.1 per replica-hour.
  expect(Number(await cost.nth(0).getAttribute('data-value'))).toBeGreaterThan(Number(await cost.nth(1).getAttribute('data-value')));
});

test('the autoscaled Netflix template: progress inside the one long replication, the monolith units apart from its infra, starting and draining', async ({ page }) => {
  test.setTimeout(240_000);
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('netflix-autoscaled');
  await expect(page.getByTestId('tab-day')).toBeVisible();
  await expect(studio.node('ranker').getByTestId('node-autoscale')).toHaveText('HPA');
  // A low target for the ranker: at 390 req/s × 12 ms it wants ceil(4.68 ÷ 0.3) = 16 replicas, so it scales up from 7 at once.
  await studio.selectNode('ranker');
  await studio.setField('as-target', '0.3');
  await studio.clickPane();
  // The first 20 minutes of the document's day, one replication.
  await page.getByTestId('mode-single').check();
  await page.getByTestId('run-form-profile').selectOption('document');
  await results.setRun({ warmupSec: 10, durationSec: 1200, replications: 1 });
  await results.run();
  // One replication is one job: the bar moves inside it, from the worker's heartbeat (simulated ÷ duration).
  const value = () => results.progress.evaluate((el) => (el as HTMLProgressElement).value);
  await expect
    .poll(
      async () => {
        const v = await value();
        return v > 0 && v < 1;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe(true);
  await results.waitDone(200_000);
  await page.getByTestId('tab-day').click();

  // The monolith's units have their own line; the design's total adds every node not merged into the unit: the
  // remote infra (EVCache, Cassandra, Kafka: 3 each), the async stream processor (2) and the four offline boxes (1 each).
  const doc = loadTemplate('netflix-autoscaled');
  const merged = mergedNodeIds(doc);
  const infra = doc.nodes.filter((n) => !merged.has(n.id)).reduce((s, n) => s + n.replicas, 0);
  expect(infra).toBe(15);
  await expect(page.getByTestId('replica-range-monolith-unit')).toBeVisible();
  const rows = await replicaTable(page);
  for (const r of rows) expect(r['monolith-total'] - r['monolith-unit']).toBeCloseTo(infra, 6);
  expect(Math.min(...rows.map((r) => r['monolith-unit']))).toBeGreaterThanOrEqual(1);

  // Starting and draining, per autoscaled line: the ranker's nine new replicas spend their cold start (about 2 min, a model server's default) starting.
  const frame = page.getByTestId('chart-transitions');
  await frame.getByTestId('chart-transitions-table-toggle').click();
  const keys = await frame.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-key')));
  expect(keys).toEqual(expect.arrayContaining(['recs-starting', 'recs-draining', 'ranker-starting', 'ranker-draining', 'monolith-unit-starting', 'monolith-unit-draining']));
  const cold = Number(await page.getByTestId('day-coldStarts').locator('td').first().getAttribute('data-value'));
  expect(cold).toBe(9);
  const column = (key: string) => frame.locator(`td[data-key="${key}"]`).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  expect(Math.max(...(await column('ranker-starting')))).toBeGreaterThan(5);
  expect(Math.max(...(await column('recs-starting')))).toBe(0);
  expect(Math.min(...(await column('ranker-draining')))).toBe(0);
});
