import { expect, test } from '@playwright/test';
import { DEFAULT_TEMPLATE_ID, loadTemplate } from './fixtures/templates';
import { StudioPage } from './pages/StudioPage';

const template = loadTemplate(DEFAULT_TEMPLATE_ID);
const target = template.nodes.find((n) => n.role !== 'offline' && n.id !== template.workload.entry)!;

test('editing a field: an invalid value is refused with its message, a valid one is applied, undo/redo', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const before = await studio.exportText();
  await studio.selectNode(target.id);
  await expect(studio.field('replicas')).toHaveValue(String(target.replicas));

  await studio.setField('replicas', '0');
  await expect(page.getByTestId('error-replicas')).toContainText('replicas must be a whole number from 1');
  await studio.setField('replicas', 'lots');
  await expect(page.getByTestId('error-replicas')).toContainText(/replicas must be a .*number \(got NaN\)/);
  expect(await studio.exportText()).toBe(before);
  await expect(studio.node(target.id).getByTestId('node-stats')).toContainText(`${target.replicas}×`);

  await studio.setField('replicas', '17');
  await expect(page.getByTestId('error-replicas')).toHaveCount(0);
  await expect(studio.node(target.id).getByTestId('node-stats')).toContainText(`17×${target.concurrency}`);
  expect((await studio.exportDoc()).nodes.find((n) => n.id === target.id)!.replicas).toBe(17);

  await studio.clickPane();
  await page.keyboard.press('Control+z');
  await expect(studio.node(target.id).getByTestId('node-stats')).toContainText(`${target.replicas}×${target.concurrency}`);
  await page.keyboard.press('Control+Shift+z');
  await expect(studio.node(target.id).getByTestId('node-stats')).toContainText(`17×${target.concurrency}`);
  await page.getByTestId('undo').click();
  await expect(studio.node(target.id).getByTestId('node-stats')).toContainText(`${target.replicas}×`);
  await page.keyboard.press('Control+y');
  await expect(studio.node(target.id).getByTestId('node-stats')).toContainText('17×');
});

test('the service-time picker changes the distribution and the document workload is editable', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.selectNode(target.id);
  await studio.field('dist').selectOption('uniform');
  await expect(studio.field('minMs')).toBeVisible();
  await studio.setField('maxMs', '100');
  await studio.setField('minMs', '50');
  await expect(page.getByTestId('error-minMs')).toHaveCount(0);
  await studio.setField('maxMs', '10');
  await expect(page.getByTestId('error-maxMs')).toContainText('must be at least minMs');
  await studio.clickPane();
  await expect(page.getByTestId('document-inspector')).toBeVisible();
  await studio.setField('workload-ratePerSec', '1e12');
  await expect(page.getByTestId('error-workload-ratePerSec')).toContainText('at most 1000000');
  await studio.setField('workload-ratePerSec', '321');
  const doc = await studio.exportDoc();
  expect(doc.workload.ratePerSec).toBe(321);
  expect(doc.nodes.find((n) => n.id === target.id)).toMatchObject({ serviceTime: { dist: 'uniform', minMs: 50 } });
});
