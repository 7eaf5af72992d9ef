import { expect, test } from '@playwright/test';
import { DEFAULT_TEMPLATE_ID, loadTemplate } from './fixtures/templates';
import { StudioPage } from './pages/StudioPage';

const template = loadTemplate(DEFAULT_TEMPLATE_ID);
const [a, b] = template.nodes.filter((n) => n.role !== 'offline');

test('copy and paste, duplicate, select-all and delete, also into a second tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const studio = new StudioPage(page);
  await studio.open();
  const count = template.nodes.length;
  await studio.selectNode(a.id);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(studio.nodes).toHaveCount(count + 1);
  const pasted = (await studio.exportDoc()).nodes.at(-1)!;
  expect(pasted).toMatchObject({ kind: a.kind, label: a.label, replicas: a.replicas });
  expect(pasted.id).not.toBe(a.id);

  await page.keyboard.press('Control+d');
  await expect(studio.nodes).toHaveCount(count + 2);

  // A second tab of the same browser gets the copied node.
  const other = new StudioPage(await context.newPage());
  await other.open();
  await other.newBlank();
  await other.clickPane();
  await other.page.keyboard.press('Control+v');
  await expect(other.nodes).toHaveCount(1);
  expect((await other.exportDoc()).nodes[0]).toMatchObject({ kind: a.kind, label: a.label });
  await other.page.close();

  await studio.clickPane();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(studio.nodes).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(studio.nodes).toHaveCount(count + 2);
});

test('arrow keys nudge the selection and a node drag is one undo step', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.selectNode(b.id);
  await studio.page.getByTestId('field-label').focus();
  await page.getByTestId('help').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  let pos = (await studio.exportDoc()).nodes.find((n) => n.id === b.id)!.position;
  expect(pos).toEqual({ x: b.position.x + 10, y: b.position.y + 50 });

  const box = (await studio.node(b.id).getByTestId('node-label').boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 5, { steps: 6 });
  await page.mouse.move(box.x + 125, box.y + 45, { steps: 6 });
  await page.mouse.up();
  pos = (await studio.exportDoc()).nodes.find((n) => n.id === b.id)!.position;
  expect(pos.x).toBeGreaterThan(b.position.x + 60);
  await page.getByTestId('undo').click();
  pos = (await studio.exportDoc()).nodes.find((n) => n.id === b.id)!.position;
  expect(pos).toEqual({ x: b.position.x + 10, y: b.position.y + 50 });
});
