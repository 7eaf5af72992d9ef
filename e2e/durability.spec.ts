/**
 * Nothing lost (issue 16): an edit survives a reload right after it; opening
 * templates, lesson steps and share links never pushes an edited document
 * out; two tabs on one document never silently lose an edit.
 */
import { expect, type Page, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

async function storedNames(page: Page): Promise<string[]> {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-stored').click();
  const dialog = page.getByTestId('stored-documents');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('stored-item').or(dialog.getByTestId('stored-empty')).first()).toBeVisible();
  const names = await dialog.getByTestId('stored-name').allTextContents();
  await dialog.getByTestId('stored-close').click();
  return names;
}

for (const delayMs of [0, 50, 100]) {
  test(`a reload ${delayMs} ms after an edit keeps the edit`, async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.docName.fill(`Renamed then reloaded after ${delayMs} ms`);
    await studio.docName.press('Enter');
    const before = await studio.nodes.count();
    await page.getByTestId('palette-cache').click();
    await expect(studio.nodes).toHaveCount(before + 1);
    if (delayMs) await page.waitForTimeout(delayMs);
    await page.reload();
    await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
    await expect(studio.docName).toHaveValue(`Renamed then reloaded after ${delayMs} ms`);
    await expect(studio.nodes).toHaveCount(before + 1);
  });
}

for (const delayMs of [0, 50, 100]) {
  test(`closing the tab ${delayMs} ms after an edit keeps the edit`, async ({ page, context }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.docName.fill(`Renamed then closed after ${delayMs} ms`);
    await studio.docName.press('Enter');
    if (delayMs) await page.waitForTimeout(delayMs);
    await page.close();
    const next = new StudioPage(await context.newPage());
    await next.open();
    await expect(next.docName).toHaveValue(`Renamed then closed after ${delayMs} ms`);
  });
}

test('opening 30 templates and 30 lesson steps leaves an edited document in place', async ({ page }) => {
  test.setTimeout(240_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.docName.fill('My precious design');
  await studio.docName.press('Enter');
  await studio.waitSaved();
  const ids = ['netflix', 'uber-michelangelo', 'tfx-serving', 'retrieve-rank-rerank', 'ml-lifecycle', 'mm1', 'mmc', 'tandem', 'fanout'];
  for (let i = 0; i < 30; i++) {
    await studio.openTemplate(ids[i % ids.length]);
    await expect(studio.saveStatus).toHaveAttribute('data-state', 'unstored');
  }
  await page.getByTestId('lesson-menu').click();
  await page.getByTestId('lesson-littles-law').click();
  await expect(page.getByTestId('lesson')).toBeVisible();
  for (let i = 0; i < 30; i++) {
    const next = page.getByTestId('lesson-next');
    if (await next.isDisabled()) await page.getByTestId('lesson-prev').click();
    else await next.click();
  }
  // The templates and steps were never stored; the edited design is still there, and opens.
  expect(await storedNames(page)).toEqual(['My precious design']);
  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-stored').click();
  await page.getByTestId('stored-item').filter({ hasText: 'My precious design' }).getByTestId('stored-open').click();
  await expect(studio.docName).toHaveValue('My precious design');

  // Every stored document can be deleted there too (after a confirmation).
  await studio.openTemplate('mm1');
  await studio.docName.fill('Scratch copy');
  await studio.docName.press('Enter');
  await studio.waitSaved();
  expect((await storedNames(page)).sort()).toEqual(['My precious design', 'Scratch copy']);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('file-menu').click();
  await page.getByTestId('file-stored').click();
  await page.getByTestId('stored-item').filter({ hasText: 'My precious design' }).getByTestId('stored-delete').click();
  await expect(page.getByTestId('stored-name')).toHaveText(['Scratch copy']);
  await page.getByTestId('stored-close').click();
});

test('two tabs on one document never silently lose an edit', async ({ page, context }) => {
  // Saves 2 s after an edit: long enough for both tabs to hold an unsaved edit at once.
  const a = new StudioPage(page);
  await a.open('/?saveDelayMs=2000');
  await a.docName.fill('Shared by two tabs');
  await a.docName.press('Enter');
  await a.waitSaved();
  const b = new StudioPage(await context.newPage());
  await b.open('/?saveDelayMs=2000');
  await expect(b.docName).toHaveValue('Shared by two tabs');

  // One tab edits: the other is updated live.
  const n = await a.nodes.count();
  await page.getByTestId('palette-cache').click();
  await a.waitSaved();
  await expect(b.nodes).toHaveCount(n + 1);
  await b.page.getByTestId('palette-database').click();
  await b.waitSaved();
  await expect(a.nodes).toHaveCount(n + 2);

  // Both edit at once: neither edit is lost (kept as a conflict copy, and said so).
  await a.docName.fill('Edited in tab A');
  await a.docName.press('Enter');
  await b.docName.fill('Edited in tab B');
  await b.docName.press('Enter');
  // Where the two edits end up in two documents, one tab says so.
  const toasts = async () => `${await page.getByTestId('toast').textContent()} ${await b.page.getByTestId('toast').textContent()}`;
  await expect.poll(toasts).toMatch(/changed in another tab while you edited it here/);
  await a.waitSaved();
  await b.waitSaved();
  const names = await storedNames(page);
  const hasA = names.some((n) => n.startsWith('Edited in tab A'));
  const hasB = names.some((n) => n.startsWith('Edited in tab B'));
  expect(hasA && hasB).toBe(true);
  expect(names.some((n) => n.endsWith('(conflict copy)'))).toBe(true);
});
