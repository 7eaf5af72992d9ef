import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';
import { hoverForTooltip, moveAwayFromTooltip } from './pages/tooltips';

test('draws a three-node topology from scratch with the mouse, in both edge modes', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.newBlank();
  await expect(page.getByTestId('empty-hint')).toBeVisible();
  await expect(studio.workerStatus).toHaveText(/problem/);

  await studio.dragFromPalette('gateway', 160, 200);
  await expect(studio.node('gateway-1')).toBeVisible();
  await expect(page.getByTestId('empty-hint')).toHaveCount(0);
  await studio.dragFromPalette('service', 460, 200);
  await expect(studio.node('service-1')).toBeVisible();
  await studio.dragFromPalette('queue', 760, 200);
  await expect(studio.node('queue-1')).toBeVisible();

  await studio.connect('gateway-1', 'service-1');
  await expect(studio.edges).toHaveCount(1);
  await page.getByTestId('edge-mode-async').check();
  await studio.connect('service-1', 'queue-1');
  await expect(studio.edges).toHaveCount(2);

  // The async call is drawn dashed, the sync one solid.
  const dash = (id: string) =>
    page.locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-path`).evaluate((el) => getComputedStyle(el).strokeDasharray);
  expect(await dash('e-1')).toBe('none');
  expect(await dash('e-2')).not.toBe('none');
  await expect(page.getByTestId('edge-label-e-2')).toHaveText('async');

  const doc = await studio.exportDoc();
  expect(doc.nodes.map((n) => n.kind)).toEqual(['gateway', 'service', 'queue']);
  expect(doc.edges.map((e) => [e.source, e.target, e.mode])).toEqual([
    ['gateway-1', 'service-1', 'sync'],
    ['service-1', 'queue-1', 'async'],
  ]);
  expect(doc.workload.entry).toBe('gateway-1');
  // Dropped left to right where the mouse let go.
  expect(doc.nodes[0].position.x).toBeLessThan(doc.nodes[1].position.x);
  expect(doc.nodes[1].position.x).toBeLessThan(doc.nodes[2].position.x);
  await expect(studio.workerStatus).toHaveText('✓ valid');

  // The mode of an existing call can be switched in the inspector.
  await page.locator('.react-flow__edge[data-id="e-1"]').click({ force: true });
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await page.getByTestId('field-mode').selectOption('async');
  expect(await dash('e-1')).not.toBe('none');
});

test('click-to-add places nodes, and the palette describes each kind', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.newBlank();
  // Each kind explains itself in a tooltip (hover), named first (the palette is a column of icons on narrow windows).
  await hoverForTooltip(page, page.getByTestId('palette-model-server'));
  await expect(page.getByRole('tooltip')).toHaveText(/^Model server: .*inference/i);
  await moveAwayFromTooltip(page, 600, 400);
  await page.getByTestId('palette-model-server').click();
  await page.getByTestId('palette-offline').click();
  await expect(studio.nodes).toHaveCount(2);
  await expect(studio.node('offline-1')).toHaveClass(/role-offline/);
  await expect(studio.node('model-server-1').getByTestId('node-stats')).toBeVisible();
});
