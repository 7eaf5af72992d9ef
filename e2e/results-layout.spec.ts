/**
 * The studio's layout around the results, in real Chromium at 1440 × 900:
 * the canvas/results separator (default split, keyboard, drag, remembered,
 * "Hide results"), the utilisation legend clear of every node of the Netflix
 * template, the latency chart's title on one line, and the run panel and the
 * inspector editing the same run fields.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: 120_000 });

const box = async (l: Locator) => (await l.boundingBox())!;
const heights = async (page: Page) => ({
  canvas: (await box(page.getByTestId('canvas'))).height,
  results: (await box(page.getByTestId('results-area'))).height,
});

test('the canvas/results separator: canvas and results halve the column by default, keyboard and drag resize it, the split is remembered, Hide results gives the canvas the room', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const splitter = page.getByRole('separator', { name: 'Resize canvas and results' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '50');
  let h = await heights(page);
  expect(h.canvas / (h.canvas + h.results)).toBeGreaterThan(0.45);

  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', '40');
  const after = await heights(page);
  expect(after.results).toBeGreaterThan(h.results + 50);
  await page.keyboard.press('End');
  await expect(splitter).toHaveAttribute('aria-valuenow', '80');

  // Drag the separator to 300 px above the bottom of the centre column.
  const s = await box(splitter);
  const centreBottom = (await box(page.getByTestId('results-area'))).y + (await box(page.getByTestId('results-area'))).height;
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2, centreBottom - 300, { steps: 5 });
  await page.mouse.up();
  h = await heights(page);
  expect(Math.abs(h.results - 300)).toBeLessThan(12);

  await page.reload();
  await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  expect(Math.abs((await heights(page)).results - 300)).toBeLessThan(12);

  await page.getByTestId('results-toggle').click();
  await expect(splitter).toHaveCount(0);
  const collapsed = await heights(page);
  expect(collapsed.results).toBeLessThan(80);
  expect(collapsed.canvas).toBeGreaterThan(h.canvas + 200);
  await page.getByTestId('results-toggle').click();
  expect(Math.abs((await heights(page)).results - 300)).toBeLessThan(12);
});

test('Netflix template: the utilisation legend covers no node, and the latency chart title is one line', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('netflix');
  await results.setRun({ warmupSec: 0.5, durationSec: 2 });
  await results.sweep(4);
  await results.run();
  await results.waitDone();
  const legend = page.getByTestId('canvas').getByTestId('util-legend');
  await expect(legend).toBeVisible();
  const l = await box(legend);
  const nodes = await studio.nodes.all();
  expect(nodes.length).toBeGreaterThan(8);
  for (const n of nodes) {
    const b = await box(n);
    const overlaps = l.x < b.x + b.width && b.x < l.x + l.width && l.y < b.y + b.height && b.y < l.y + l.height;
    expect(overlaps, `legend over ${await n.getAttribute('data-id')}`).toBe(false);
  }
  const title = page.getByTestId('chart-latency').locator('.ls-chart-title');
  const lineHeight = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 20);
  expect((await box(title)).height).toBeLessThan(lineHeight * 1.5);
});

test('the run panel and the inspector edit the same run fields and show each other’s changes', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const pairs = [
    ['run-durationSec', '7'],
    ['run-warmupSec', '1.5'],
    ['run-seed', '99'],
    ['run-replications', '3'],
    ['slo-thresholdMs', '150'],
  ] as const;
  for (const [i, [field, value]] of pairs.entries()) {
    // Alternate the side that edits.
    const [from, to] = i % 2 ? [`field-${field}`, `field-panel-${field}`] : [`field-panel-${field}`, `field-${field}`];
    await page.getByTestId(from).fill(value);
    await page.getByTestId(from).press('Enter');
    await expect(page.getByTestId(to)).toHaveValue(value);
  }
  await page.getByTestId('field-panel-slo-percentile').selectOption('p95');
  await expect(page.getByTestId('field-slo-percentile')).toHaveValue('p95');
});

test('a small canvas gives its room to the drawing: the minimap hides, and comes back when the canvas grows', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const minimap = page.getByTestId('canvas').locator('.react-flow__minimap');
  await expect(minimap).toBeVisible();
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect(minimap).toBeHidden();
  await expect(studio.nodes.first()).toBeVisible();
  // The utilisation legend takes the corner the minimap left.
  await page.getByTestId('mode-single').check();
  await page.keyboard.press('Control+Enter');
  await new ResultsPanel(page).waitDone();
  const canvasBox = await box(page.getByTestId('canvas'));
  const legendBox = await box(page.getByTestId('canvas').getByTestId('util-legend'));
  expect(canvasBox.y + canvasBox.height - (legendBox.y + legendBox.height)).toBeLessThan(40);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(minimap).toBeVisible();
});
