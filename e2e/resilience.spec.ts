/**
 * The resilience patterns in the inspector (issue 11): the retry-storm template recovers with its circuit
 * breaker and stays in the storm without it; a milder slowdown edited on the Scenario timeline recovers without
 * one; undo brings the breaker back. The figures are the engine's, from the CLI on the same document and seed
 * (`node bin/loadsketch.mjs run workers/templates/retry-storm-breaker.json --json` and variants):
 *   breaker on, × 4 for 5 s:  recoverySec 58.33, 1809 requests failed by the open breaker; its breakers[] entry:
 *                             opened 1, refused 1819 (the whole run, warm-up included);
 *   breaker off, × 4 for 5 s: did not recover (5512 timeouts, availability 0.076);
 *   breaker off, × 3 for 1 s: recoverySec 2.33, no failure at all (availability 1).
 * Admission control and the queue discipline are edited on a node, refused with a message when out of range.
 */
import { expect, type Page, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { type ExportedDoc, StudioPage } from './pages/StudioPage';
import { hoverForTooltip } from './pages/tooltips';

const EDGE = 'gateway-features';
const card = (page: Page) => page.getByTestId('resilience-card');
const cell = (page: Page, row: string, design = 'microservices') => card(page).locator(`tr[data-key=${row}] td[data-key=${design}]`);
const edgeOf = (doc: ExportedDoc) => (doc.edges as unknown as { id: string; circuitBreaker?: Record<string, number> }[]).find((e) => e.id === EDGE);

async function runAtDocumentRate(page: Page, results: ResultsPanel) {
  await results.run();
  await results.waitDone();
  await results.tab('curves');
  await expect(card(page)).toBeVisible();
}

test('a circuit breaker stops the retry storm; without it the run does not recover; a milder slowdown recovers; undo restores the breaker', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('retry-storm-breaker');
  await expect(studio.node('features')).toBeVisible();
  await page.getByTestId('mode-single').check();
  // Empty = the document's rate (30 req/s).
  await expect(page.getByTestId('run-form-ratePerSec')).toHaveValue('');
  await expect(page.getByTestId('run-form-ratePerSec')).toHaveAttribute('placeholder', '30');

  // With the breaker (the template's): recovered, after the breaker's 60 s open wait.
  await runAtDocumentRate(page, results);
  const recovery = page.getByTestId('recovery-microservices');
  await expect(recovery).toHaveText(/^\d+(\.\d+)? s$/);
  expect(Number(await recovery.getAttribute('data-value'))).toBeCloseTo(58.33, 1);
  expect(Number(await cell(page, 'cause-breakerOpen').getAttribute('data-value'))).toBeGreaterThan(0);
  // The breaker's own counts, per call and design, under the card: the CLI's figures for the same document and seed.
  const breakers = page.getByTestId('breaker-counts');
  await expect(breakers.locator('tbody tr')).toHaveCount(2);
  await expect(breakers.locator('th[scope=rowgroup]')).toHaveText('Prediction gateway → Feature store');
  const count = async (figure: string, d: string) => Number(await breakers.locator(`tr[data-key="${EDGE}:${figure}"] td[data-key=${d}]`).getAttribute('data-value'));
  expect([await count('opened', 'microservices'), await count('refused', 'microservices')]).toEqual([1, 1819]);
  expect([await count('opened', 'monolith'), await count('refused', 'monolith')]).toEqual([1, 1819]);
  await expect(breakers.locator(`tr[data-key="${EDGE}:refused"] td[data-key=microservices]`)).toHaveText('1,819');

  // The edge inspector shows the breaker with Resilience4j's defaults, and the tooltip says so.
  await page.locator(`.react-flow__edge[data-id="${EDGE}"]`).click({ force: true });
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await expect(studio.field('breaker')).toBeChecked();
  await expect(studio.field('breaker-failureRateThreshold')).toHaveValue('50');
  await expect(studio.field('breaker-waitDurationInOpenStateMs')).toHaveValue('60000');
  await expect(page.getByTestId('breaker-summary')).toHaveText('Opens when ≥ 50 % of the last 100 calls failed; open 60 s, then 10 trial calls.');
  await hoverForTooltip(page, page.getByTestId('breaker-info'));
  await expect(page.getByRole('tooltip')).toContainText('Resilience4j');

  // A bad value is refused with the parser's message under the field; the document keeps 50.
  await studio.setField('breaker-failureRateThreshold', '150');
  await expect(page.getByTestId('error-breaker-failureRateThreshold')).toBeVisible();
  await page.getByTestId('field-breaker-failureRateThreshold').press('Escape');
  await expect(studio.field('breaker-failureRateThreshold')).toHaveValue('50');

  // Off: the fields go, and so does the key in the file. Undo brings it back, redo takes it away again.
  await studio.field('breaker').uncheck();
  await expect(studio.field('breaker-failureRateThreshold')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(studio.field('breaker')).toBeChecked();
  await expect(studio.field('breaker-slidingWindowSize')).toHaveValue('100');
  await page.getByTestId('redo').click();
  await expect(studio.field('breaker')).not.toBeChecked();
  expect(edgeOf(await studio.exportDoc())?.circuitBreaker).toBeUndefined();

  // Without the breaker the storm outlives the slowdown.
  await runAtDocumentRate(page, results);
  await expect(recovery).toHaveText('did not recover by the end of the run');
  expect(Number(await cell(page, 'cause-timeout').getAttribute('data-value'))).toBeGreaterThan(1000);
  await expect(cell(page, 'cause-breakerOpen')).toHaveCount(0);
  await expect(page.getByTestId('breaker-counts')).toHaveCount(0);

  // A slowdown of × 3 for 1 s (edited on the timeline) never fills the queue past the timeout: it recovers
  // within seconds and nothing fails.
  await page.getByTestId('tab-scenario').click();
  await studio.setField('event-0-factor', '3');
  await studio.setField('event-0-durationSec', '1');
  await expect(page.getByTestId('timeline-bar-0')).toHaveAttribute('data-at', '20');
  await runAtDocumentRate(page, results);
  await expect(recovery).toHaveText(/^\d+(\.\d+)? s$/);
  expect(Number(await recovery.getAttribute('data-value'))).toBeCloseTo(2.33, 1);
  expect(Number(await cell(page, 'availability').getAttribute('data-value'))).toBe(1);

  // Three undo steps: the duration, the factor, then the breaker.
  for (let i = 0; i < 3; i++) await page.getByTestId('undo').click();
  await expect(studio.field('breaker')).toBeChecked();
  const doc = await studio.exportDoc();
  expect(edgeOf(doc)?.circuitBreaker).toMatchObject({ failureRateThreshold: 50, slidingWindowSize: 100, waitDurationInOpenStateMs: 60_000 });
  expect((doc.scenario as { events: { factor: number; durationSec: number }[] }).events[0]).toMatchObject({ factor: 4, durationSec: 5 });
});

test('admission control and the queue discipline on a node: written when set, refused out of range, absent on an llm-server', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('retry-storm-breaker');
  await studio.selectNode('features');
  await expect(page.getByTestId('admission-section')).toBeVisible();
  await expect(studio.field('admission-maxInFlight')).toHaveValue('');

  await studio.setField('admission-maxInFlight', '0');
  await expect(page.getByTestId('error-admission-maxInFlight')).toBeVisible();
  await studio.setField('admission-maxInFlight', '8');
  await expect(page.getByTestId('error-admission-maxInFlight')).toHaveCount(0);
  await studio.field('rateLimit').check();
  await expect(studio.field('rateLimit-maxTokens')).toHaveValue('100');
  await studio.setField('rateLimit-fillIntervalMs', '500');
  await expect(page.getByTestId('rateLimit-summary')).toContainText('200 req/s');
  await studio.field('queueDiscipline').selectOption('lifo');

  type Node = { id: string; admission?: unknown; queueDiscipline?: string };
  let features = (await studio.exportDoc()).nodes.find((n) => n.id === 'features') as unknown as Node;
  expect(features.admission).toEqual({ maxInFlight: 8, rateLimit: { maxTokens: 100, tokensPerFill: 100, fillIntervalMs: 500 } });
  expect(features.queueDiscipline).toBe('lifo');

  // Emptied and unticked, the keys leave the file.
  await studio.setField('admission-maxInFlight', '');
  await studio.field('rateLimit').uncheck();
  await studio.field('queueDiscipline').selectOption('fifo');
  features = (await studio.exportDoc()).nodes.find((n) => n.id === 'features') as unknown as Node;
  expect(features.admission).toBeUndefined();
  expect(features.queueDiscipline).toBeUndefined();

  await hoverForTooltip(page, page.getByTestId('admission-info'));
  await expect(page.getByRole('tooltip')).toContainText('max_requests');

  // The parser refuses both on an llm-server: the inspector does not offer them there.
  await studio.openTemplate('llm-router');
  const doc = await studio.exportDoc();
  const llm = doc.nodes.find((n) => n.kind === 'llm-server');
  if (!llm) throw new Error('llm-router has no llm-server');
  await studio.selectNode(llm.id);
  await expect(page.getByTestId('node-inspector')).toBeVisible();
  await expect(page.getByTestId('admission-section')).toHaveCount(0);
  await expect(page.getByTestId('queue-section')).toHaveCount(0);
});

test('admission control instead of the breaker: a cap of 5 in flight at the feature store rejects the excess and the run recovers', async ({ page }) => {
  // CLI, breaker removed, features.admission {maxInFlight: 5}: recoverySec 1.67, 135 rejected, 2 timeouts.
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('retry-storm-breaker');
  await page.locator(`.react-flow__edge[data-id="${EDGE}"]`).click({ force: true });
  await studio.field('breaker').uncheck();
  await studio.selectNode('features');
  await studio.setField('admission-maxInFlight', '5');
  await page.getByTestId('mode-single').check();
  await runAtDocumentRate(page, results);
  const recovery = page.getByTestId('recovery-microservices');
  await expect(recovery).toHaveText(/^\d+(\.\d+)? s$/);
  expect(Number(await recovery.getAttribute('data-value'))).toBeCloseTo(1.67, 1);
  expect(Number(await cell(page, 'rejected').getAttribute('data-value'))).toBeGreaterThan(100);
  await expect(cell(page, 'cause-breakerOpen')).toHaveCount(0);
});
