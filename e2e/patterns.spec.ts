/**
 * The pattern controls of issue 11 in the inspector, in Chromium through the real worker: the tandem template
 * (stage1 → stage2 → stage3, exponential 5, 8 and 6 ms, one server each) switched to a closed workload of 20
 * users thinking 200 ms (exponential), run once: the run obeys the interactive response-time law
 * N = X · (Z + R) (Denning & Buzen 1978). Then a timeout, retries, Envoy's back-off and an Envoy retry budget on
 * s1-s2, hedging on s2-s3 (which names what it would replace first), a slowdown on stage3; invalid values are
 * refused under their field; everything survives a reload (autosave), is in the exported JSON, and runs.
 */
import { expect, type Page, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { type ExportedDoc, StudioPage } from './pages/StudioPage';
import { hoverForTooltip } from './pages/tooltips';

type Edge = { id: string; timeoutMs: number | null; retries: number; backoff?: unknown; retryBudget?: unknown; hedging?: unknown };
type Node = { id: string; slowdown?: unknown };
const edge = (doc: ExportedDoc, id: string) => (doc.edges as unknown as Edge[]).find((e) => e.id === id)!;
const node = (doc: ExportedDoc, id: string) => (doc.nodes as unknown as Node[]).find((n) => n.id === id)!;
const single = (page: Page, row: string) => page.getByTestId('single-table').locator(`tr[data-key=${row}] td[data-key=microservices]`);

test('closed workload, back-off, retry budget, hedging and slowdown: edited, refused when invalid, kept across a reload, exported and run', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  /** An inspector control by its visible label (the label element names it). */
  const label = (text: string) => studio.inspector.getByLabel(text, { exact: true });
  await studio.open();
  await studio.openTemplate('tandem');
  await expect(studio.node('stage3')).toBeVisible();

  // Closed: the rate, arrivals and profile give way to users and think time (starting at rate × 1 s = 100 users).
  await studio.selectDocument();
  await expect(studio.field('workload-ratePerSec')).toHaveValue('100');
  await label('Model').selectOption('closed');
  await expect(studio.field('workload-ratePerSec')).toHaveCount(0);
  await expect(studio.field('workload-arrival')).toHaveCount(0);
  await expect(label('Users')).toHaveValue('100');
  await expect(label('Think time distribution')).toHaveValue('exponential');
  await expect(studio.field('think-meanMs')).toHaveValue('1000');
  await expect(page.getByTestId('closed-summary')).toContainText('At most 100 req/s');
  await expect(page.getByTestId('closed-summary')).toContainText('The rate (100 req/s) is kept for the open model but not used.');
  await expect(page.getByTestId('closed-run-note')).toContainText('100 users');
  await hoverForTooltip(page, page.getByTestId('workload-model-info'));
  await expect(page.getByRole('tooltip')).toContainText('Denning');

  await studio.setField('workload-users', '0');
  await expect(page.getByTestId('error-workload-users')).toBeVisible();
  await studio.field('workload-users').press('Escape');
  await expect(studio.field('workload-users')).toHaveValue('100');
  await studio.setField('workload-users', '20');
  await studio.setField('think-meanMs', '200');
  await expect(page.getByTestId('closed-summary')).toContainText('At most 100 req/s');
  await studio.setField('run-durationSec', '40');
  await expect(page.getByTestId('closed-run-note')).toContainText('20 users');

  // One run: X · (Z + R) = N within 3 % (throughput X req/s, mean response R ms, think Z = 200 ms).
  await page.getByTestId('mode-single').check();
  await results.run();
  await results.waitDone();
  const x = Number(await single(page, 'throughputPerSec').getAttribute('data-value'));
  const r = Number(await single(page, 'meanMs').getAttribute('data-value'));
  expect(r).toBeGreaterThan(19); // at least the three mean service times
  expect((x * (200 + r)) / 1000).toBeGreaterThan(20 * 0.97);
  expect((x * (200 + r)) / 1000).toBeLessThan(20 * 1.03);

  // s1-s2: back-off and a budget need retries, retries need a timeout.
  await studio.selectEdge('s1-s2');
  await expect(page.getByTestId('backoff-needs-retries')).toBeVisible();
  await expect(page.getByTestId('budget-needs-retries')).toBeVisible();
  await studio.setField('timeoutMs', '500');
  await studio.setField('retries', '2');
  await label('Back-off between retries').check();
  await expect(label('Base interval (ms)')).toHaveValue('25');
  await expect(label('Multiplier (×)')).toHaveValue('2');
  await expect(label('Max interval (ms)')).toHaveValue('250');
  await expect(page.getByTestId('backoff-summary')).toHaveText('Retry 1 waits up to 25 ms, retry 2 up to 50 ms (a uniform draw below each).');
  await studio.setField('backoff-maxMs', '10');
  await expect(page.getByTestId('error-backoff-maxMs')).toContainText('at least baseMs');
  await studio.field('backoff-maxMs').press('Escape');
  await studio.setField('backoff-baseMs', '20');
  await label('Limit retries with').selectOption('envoy');
  await expect(label('Budget (%)')).toHaveValue('20');
  await expect(label('Min retry concurrency')).toHaveValue('3');
  await studio.setField('budget-budgetPercent', '150');
  await expect(page.getByTestId('error-budget-budgetPercent')).toBeVisible();
  await studio.field('budget-budgetPercent').press('Escape');
  await studio.setField('budget-budgetPercent', '25');
  await expect(page.getByTestId('budget-summary')).toContainText('max(25 % of the requests active or pending, 3)');
  // Hedging here would replace the timeout and the retries: the section says so before anything is ticked.
  await expect(page.getByTestId('hedging-replaces')).toHaveText('Turning it on removes its timeout (500 ms) and its 2 retries: a call retries or hedges, not both (gRPC A6).');
  await hoverForTooltip(page, page.getByTestId('backoff-info'));
  await expect(page.getByRole('tooltip')).toContainText('25 ms');

  // s2-s3: hedging (no timeout, retries or breaker there), keyboard only; the delay starts at 3 × stage3's 6 ms.
  await studio.selectEdge('s2-s3');
  await expect(page.getByTestId('hedging-replaces')).toHaveCount(0);
  await label('Hedge this call (send copies, first answer wins)').focus();
  await page.keyboard.press('Space');
  await expect(label('Hedge delay (ms)')).toHaveValue('18');
  await expect(label('Max attempts (2–5)')).toHaveValue('2');
  await expect(page.getByTestId('hedged-no-retries')).toBeVisible();
  await expect(page.getByTestId('backoff-section')).toHaveCount(0);
  await expect(page.getByTestId('breaker-hedged')).toBeVisible();
  await studio.setField('hedging-maxAttempts', '6');
  await expect(page.getByTestId('error-hedging-maxAttempts')).toBeVisible();
  await studio.setField('hedging-maxAttempts', '3');
  await expect(page.getByTestId('error-hedging-maxAttempts')).toHaveCount(0);
  await expect(page.getByTestId('hedging-summary')).toContainText('No answer after 18 ms: another copy goes out, up to 3 in all.');

  // stage3: slower when busy.
  await studio.selectNode('stage3');
  await label('Slower when busy').check();
  await expect(label('Shape')).toHaveValue('linear');
  await expect(label('x is')).toHaveValue('utilization');
  await studio.setField('slowdown-maxFactor', '0.5');
  await expect(page.getByTestId('error-slowdown-maxFactor')).toBeVisible();
  await studio.field('slowdown-maxFactor').press('Escape');
  // One server: utilisation at service start is always 100 %, and the section says the factor is then constant.
  await studio.setField('slowdown-coefficient', '2');
  await expect(page.getByTestId('slowdown-summary')).toHaveText('Service time × 2 at 50% busy, × 3 at 100% busy; measured when service starts.');
  await expect(page.getByTestId('slowdown-constant')).toContainText('constant × 3');
  await label('x is').selectOption('queueLength');
  await studio.setField('slowdown-coefficient', '0.1');
  await expect(page.getByTestId('slowdown-constant')).toHaveCount(0);
  await expect(page.getByTestId('slowdown-summary')).toHaveText('Service time × 1.1 with 1 waiting, × 2 with 10 waiting; measured when service starts.');
  // A milder slope for the run below: at 0.1 the hedged copies' queue slows stage3 into a spiral that the 500 ms
  // timeouts and retries on s1-s2 turn into a retry storm (the engine gives 0 completed; at 0.05 half the users' requests fail).
  await studio.setField('slowdown-coefficient', '0.01');

  const expected = {
    workload: { model: 'closed', users: 20, thinkTime: { dist: 'exponential', meanMs: 200 } },
    s1s2: { timeoutMs: 500, retries: 2, backoff: { baseMs: 20, multiplier: 2, maxMs: 250, jitter: 'full' }, retryBudget: { kind: 'envoy', budgetPercent: 25, minRetryConcurrency: 3 } },
    hedging: { hedgeAfterMs: 18, maxAttempts: 3 },
    slowdown: { shape: 'linear', basis: 'queueLength', coefficient: 0.01, maxFactor: 100 },
  };
  const check = (doc: ExportedDoc) => {
    expect(doc.workload).toMatchObject(expected.workload);
    expect(edge(doc, 's1-s2')).toMatchObject(expected.s1s2);
    expect(edge(doc, 's2-s3')).toMatchObject({ timeoutMs: null, retries: 0, hedging: expected.hedging });
    expect(node(doc, 'stage3').slowdown).toEqual(expected.slowdown);
  };
  check(await studio.exportDoc());

  // The document with every pattern runs, and the interactive response-time law holds on it too (the engine gives
  // X · (Z + R) = 19.99 of the 20 users with the CLI; hedging once lost requests, and with them users).
  await results.run();
  await results.waitDone();
  await expect(results.error).toHaveCount(0);
  expect(Number(await single(page, 'completed').getAttribute('data-value'))).toBeGreaterThan(500);
  const xAll = Number(await single(page, 'throughputPerSec').getAttribute('data-value'));
  const rAll = Number(await single(page, 'meanMs').getAttribute('data-value'));
  expect((xAll * (200 + rAll)) / 1000).toBeGreaterThan(20 * 0.97);
  expect((xAll * (200 + rAll)) / 1000).toBeLessThan(20 * 1.03);

  // Autosave: after a reload the document and the inspector show the same values.
  await studio.reloadAfterSave();
  check(await studio.exportDoc());
  await studio.selectEdge('s1-s2');
  await expect(label('Back-off between retries')).toBeChecked();
  await expect(label('Base interval (ms)')).toHaveValue('20');
  await expect(label('Limit retries with')).toHaveValue('envoy');
  await studio.selectDocument();
  await expect(label('Model')).toHaveValue('closed');
  await expect(studio.field('workload-users')).toHaveValue('20');

  // Back to open: the rate returns, users and think time leave the file.
  await label('Model').selectOption('open');
  await expect(studio.field('workload-ratePerSec')).toHaveValue('100');
  const open = (await studio.exportDoc()).workload as Record<string, unknown>;
  for (const k of ['model', 'users', 'thinkTime']) expect(k in open).toBe(false);
});
