import { expect, test } from '@playwright/test';
import { DEFAULT_TEMPLATE_ID, loadTemplate } from './fixtures/templates';
import { StudioPage } from './pages/StudioPage';

const template = loadTemplate(DEFAULT_TEMPLATE_ID);

test('opens with the default template: every node and edge on screen, with key numbers', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await expect(studio.docName).toHaveValue(template.name);
  await expect(studio.nodes).toHaveCount(template.nodes.length);
  await expect(studio.edges).toHaveCount(template.edges.length);
  for (const n of template.nodes) {
    await expect(studio.node(n.id)).toBeVisible();
    await expect(studio.node(n.id).getByTestId('node-label')).toHaveText(n.label);
  }
  const online = template.nodes.find((n) => n.role !== 'offline')!;
  await expect(studio.node(online.id).getByTestId('node-stats')).toContainText(`${online.replicas}×${online.concurrency}`);
  const offline = template.nodes.find((n) => n.role === 'offline');
  if (offline) await expect(studio.node(offline.id)).toContainText('no traffic');
  await expect(page.getByTestId('results-area')).toContainText('Run a load test');
});

test('the document is checked by the engine in a real Web Worker', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await expect(studio.workerStatus).toHaveText('✓ valid');
  expect(page.workers().map((w) => w.url()).some((u) => /sim\.worker/.test(u))).toBe(true);
  // Deleting the entry node makes the document unrunnable; the worker says so.
  await studio.selectNode(template.workload.entry);
  await page.keyboard.press('Delete');
  await expect(studio.workerStatus).toHaveText(/^\d+ problems?$/);
  await studio.workerStatus.click();
  await expect(page.getByTestId('error-list')).toContainText('workload.entry');
  await page.keyboard.press('Escape');
  await page.getByTestId('undo').click();
  await expect(studio.workerStatus).toHaveText('✓ valid');
});

test('shortcut sheet and theme toggle', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.clickPane();
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toContainText('Ctrl/⌘ + Z');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-dialog')).toHaveCount(0);
  const before = await page.locator('html').getAttribute('data-theme');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', before === 'dark' ? 'light' : 'dark');
});
