/** Undo history survives a reload: Ctrl+Z after reloading undoes the edit made before it, and Ctrl+Shift+Z redoes it. */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

const replicasOf = async (studio: StudioPage, id: string) => (await studio.exportDoc()).nodes.find((n) => n.id === id)!.replicas;

test('an edit made before a reload is undone by Ctrl+Z after it', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const start = await replicasOf(studio, 'ranker');
  await studio.selectNode('ranker');
  await studio.setField('replicas', String(start + 1));
  await studio.setField('replicas', String(start + 2));
  await studio.waitSaved();
  expect(await replicasOf(studio, 'ranker')).toBe(start + 2);
  // The undo history is written 300 ms after the change.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  expect(await replicasOf(studio, 'ranker')).toBe(start + 2);
  await expect(page.getByTestId('undo')).toBeEnabled();
  await studio.clickPane();
  await page.keyboard.press('Control+z');
  await expect.poll(() => replicasOf(studio, 'ranker')).toBe(start + 1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => replicasOf(studio, 'ranker')).toBe(start);
  // The redo side is kept too, across another reload.
  await studio.waitSaved();
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('redo')).toBeEnabled();
  await studio.clickPane();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => replicasOf(studio, 'ranker')).toBe(start + 1);
});
