import { expect, test } from '@playwright/test';
import { DEFAULT_TEMPLATE_ID, loadTemplate } from './fixtures/templates';
import { StudioPage } from './pages/StudioPage';

const template = loadTemplate(DEFAULT_TEMPLATE_ID);

test('export then import gives the same document', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('tandem');
  await expect(studio.nodes).toHaveCount(loadTemplate('tandem').nodes.length);
  const exported = await studio.exportText();
  expect(JSON.parse(exported)).toEqual(loadTemplate('tandem'));
  await studio.openTemplate(DEFAULT_TEMPLATE_ID);
  await studio.importText(exported, 'tandem.loadsketch.json');
  await expect(studio.docName).toHaveValue(loadTemplate('tandem').name);
  expect(await studio.exportText()).toBe(exported);
});

test('a broken import changes nothing and lists the errors with their paths', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const before = await studio.exportText();
  const broken = JSON.parse(before);
  broken.nodes[1].replicas = 0;
  broken.nodes[2].kind = 'teleporter';
  broken.edges[0].probability = 7;
  await studio.importText(JSON.stringify(broken), 'broken.json');
  const list = page.getByTestId('error-list');
  await expect(list).toContainText('nodes[1].replicas');
  await expect(list).toContainText('nodes[2].kind');
  await expect(list).toContainText('edges[0].probability');
  await page.getByTestId('dialog-close').click();
  await studio.importText('{"format": "loadsketch", "version": 1, "nodes": [', 'cut.json');
  await expect(page.getByTestId('error-list')).toContainText('not valid JSON');
  await page.keyboard.press('Escape');
  expect(await studio.exportText()).toBe(before);
});

test('reload restores the work from IndexedDB, with a list of recent documents', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.docName.fill('My sketch');
  await studio.docName.press('Enter');
  await page.getByTestId('palette-cache').click();
  await studio.waitSaved();
  const saved = await studio.exportText();
  await page.reload();
  await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  await expect(studio.docName).toHaveValue('My sketch');
  await expect(studio.nodes).toHaveCount(template.nodes.length + 1);
  expect(await studio.exportText()).toBe(saved);

  await studio.openTemplate('mm1');
  // A template is not stored until it is edited.
  await expect(studio.saveStatus).toHaveAttribute('data-state', 'unstored');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('recent-item').filter({ hasText: 'My sketch' }).click();
  await expect(studio.docName).toHaveValue('My sketch');
});

test('a share link opens the same document as a new document in a new page', async ({ page, context, browser }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('uber-michelangelo');
  await studio.docName.fill('Shared design');
  await studio.docName.press('Enter');
  const original = await studio.exportText();
  await studio.fileMenu('file-share');
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#doc=');

  // Someone else opens it.
  const otherContext = await browser.newContext();
  const other = new StudioPage(await otherContext.newPage());
  await other.open(url);
  await expect(other.docName).toHaveValue('Shared design');
  expect(await other.exportText()).toBe(original);
  await otherContext.close();

  // The sender's own tab: the link opens as a new document; their work stays in the recents.
  await page.getByTestId('dialog-close').click();
  await studio.docName.fill('My own work');
  await studio.docName.press('Enter');
  await studio.waitSaved();
  const second = new StudioPage(await context.newPage());
  await second.open(url);
  await expect(second.docName).toHaveValue('Shared design');
  await second.page.getByTestId('file-menu').click();
  await expect(second.page.getByTestId('recent-item').filter({ hasText: 'My own work' })).toBeVisible();

  // A mangled link shows the problem and opens the last document instead.
  const third = new StudioPage(await context.newPage());
  await third.open(url.slice(0, url.length - 200));
  await expect(third.page.getByTestId('errors-dialog')).toContainText('damaged');
});

test('auto-layout arranges the request path left to right', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const tandem = loadTemplate('tandem');
  const scrambled = { ...tandem, nodes: tandem.nodes.map((n, i) => ({ ...n, position: { x: i ? -400 * i : 0, y: 150 * i } })) };
  await studio.importText(JSON.stringify(scrambled));
  await expect(studio.nodes).toHaveCount(3);
  await page.getByTestId('auto-layout').click();
  await expect
    .poll(async () => {
      const d = await studio.exportDoc();
      const x = (id: string) => d.nodes.find((n) => n.id === id)!.position.x;
      return d.edges.every((e) => x(e.target) > x(e.source) + 150);
    })
    .toBe(true);
  await page.getByTestId('undo').click();
  const back = await studio.exportDoc();
  expect(back.nodes.map((n) => n.position)).toEqual(scrambled.nodes.map((n) => n.position));
});
