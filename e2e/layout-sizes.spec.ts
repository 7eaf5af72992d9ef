/**
 * The studio at the common laptop and projector sizes, 1280 × 720 and
 * 1024 × 768, checked by bounding boxes: the header is one row, no control
 * overlaps another, each chart's axes and key are inside its frame after a
 * sweep (in the split and on the results stage), the verdict is said, the
 * results come back after a reload, Escape closes every menu and dialog, and
 * the results tabs scroll rather than wrap. Tooltips and the explain popover:
 * shown by hover and by the keyboard, inside the window, above the canvas,
 * closed by Escape (first, before the selection), the focus given back.
 * Then presentation mode with a lesson and the animation open.
 */
import { expect, type Page, test } from '@playwright/test';
import { box, expectHeaderOneRow, expectInside, overlappingControls } from './pages/layoutChecks';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';
import { hoverForTooltip, topmostAt } from './pages/tooltips';

test.describe.configure({ timeout: 240_000 });

async function expectChartsWhole(page: Page, inViewport: boolean) {
  for (const id of ['chart-latency', 'chart-throughput']) {
    const frame = page.getByTestId(id);
    await expect(frame.locator('.recharts-xAxis')).toBeVisible();
    const f = await box(frame);
    for (const part of ['.recharts-xAxis', '.recharts-yAxis', '.ls-line-key', '.recharts-label']) {
      for (const el of await frame.locator(part).all()) expectInside(await box(el), f, `${id} ${part}`);
    }
    if (inViewport) expectInside(f, { x: 0, y: 0, ...page.viewportSize()! }, `${id} in the window`);
  }
}

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test.describe(`${width} × ${height}`, () => {
    test.use({ viewport: { width, height } });

    test('header one row, nothing overlaps, charts whole, verdict said, results back after a reload, Escape closes menus and dialogs', async ({ page }) => {
      const studio = new StudioPage(page);
      const results = new ResultsPanel(page);
      await studio.open();
      await expectHeaderOneRow(page);
      expect(await overlappingControls(page)).toEqual([]);

      for (const menu of ['template-menu', 'file-menu', 'export-menu', 'lesson-menu']) {
        await page.getByTestId(menu).click();
        const body = page.locator('[role=menu].ls-menu-body');
        await expect(body).toBeVisible();
        expectInside(await box(body), { x: 0, y: 0, width, height }, `${menu} body`);
        await page.keyboard.press('ArrowDown');
        await expect(body.locator('[role=menuitem]').first()).toBeFocused();
        await page.keyboard.press('Escape');
        await expect(body).toBeHidden();
        await expect(page.getByTestId(menu)).toBeFocused();
      }
      await page.getByTestId('help').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      // The focus is trapped in the dialog.
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        await expect(page.getByRole('dialog').locator(':focus')).toHaveCount(1);
      }
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // The results tabs: one row, ← → move between them and select.
      const tabTops = await page.getByRole('tab').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      expect(new Set(tabTops).size).toBe(1);
      await page.getByTestId('tab-curves').focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('tab-capacity')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('tab-capacity')).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(page.getByTestId('tab-curves')).toHaveAttribute('aria-selected', 'true');
      // Tabs that do not fit scroll sideways, the edge with more to come faded; End / Home bring the last and the
      // first tab into view.
      const strip = page.getByRole('tablist');
      const overflows = await strip.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      if (overflows) await expect(strip).toHaveAttribute('data-more-end', '');
      await page.keyboard.press('End');
      const lastTab = strip.getByRole('tab').last();
      await expect(lastTab).toBeFocused();
      expectInside(await box(lastTab), await box(strip), 'last tab scrolled into view');
      if (overflows) await expect(strip).toHaveAttribute('data-more-start', '');
      await page.keyboard.press('Home');
      await expect(page.getByTestId('tab-curves')).toHaveAttribute('aria-selected', 'true');
      expectInside(await box(page.getByTestId('tab-curves')), await box(strip), 'first tab scrolled into view');

      // A wrong run input is named as it is typed, visible, not under the Run button.
      await page.getByTestId('run-form-steps').fill('abc');
      const stepsError = page.getByTestId('run-error-steps');
      await expect(stepsError).toBeVisible();
      const e = await box(stepsError);
      expect(e.y + e.height).toBeLessThanOrEqual((await box(results.runButton)).y);
      expectInside(e, await box(page.getByTestId('run-panel')), 'steps error in the run panel');
      await results.setRun({ warmupSec: 0.5, durationSec: 2 });
      await results.sweep(4);
      await expect(stepsError).toHaveCount(0);
      await results.run();
      await results.waitDone();
      const verdict = page.getByTestId('sweep-verdict');
      await expect(verdict.locator('.ls-verdict')).toHaveText(/^At p99 ≤ 200 ms, (the microservice design meets the SLO up to|only the|neither)/);
      await expect(verdict).toContainText('Cost per million requests');
      await expect(verdict.locator('.ls-reason')).toContainText('Why: in the microservice design the Online ranking model');
      await expectHeaderOneRow(page);
      expect(await overlappingControls(page)).toEqual([]);
      await expectChartsWhole(page, false);

      // The results as the stage (R): both charts whole, inside the window.
      await page.locator('body').press('r');
      await expect(page.getByTestId('canvas')).toBeHidden();
      await expectChartsWhole(page, true);
      expect(await overlappingControls(page)).toEqual([]);
      await page.getByTestId('results-stage').click();
      await expect(page.getByTestId('canvas')).toBeVisible();

      // After a reload the last results are back (same design: not marked stale).
      // (once the automatic capacity search has ended and the run was saved with it)
      await expect(page.getByTestId('sweep-verdict')).toHaveAttribute('data-source', 'search', { timeout: 120_000 });
      await expect(verdict.locator('.ls-verdict')).not.toContainText('at least');
      const searched = await verdict.locator('.ls-verdict').textContent();
      await page.reload();
      await expect(page.locator('.ls-app[data-ready="true"]')).toBeVisible();
      await expect(page.getByTestId('sweep-verdict').locator('.ls-verdict')).toHaveText(searched!);
      await expect(results.status).toHaveAttribute('data-status', 'done');
      await expect(page.getByTestId('run-stale')).toHaveCount(0);
      await expectChartsWhole(page, false);
      // An edit marks them stale.
      await studio.selectNode('ranker');
      await studio.setField('replicas', '17');
      await expect(page.getByTestId('run-stale')).toBeVisible();
    });

    test('tooltips by hover and by keyboard focus, inside the window and above the canvas, Escape closes them first; the explain popover opens from the keyboard, closes on Escape or a click outside, and gives the focus back', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.open();
      const tip = page.getByRole('tooltip');
      const win = { x: 0, y: 0, width, height };

      // Hover: the toolbar's Fit view button (an icon at 1024 px) says what it does; Escape hides it.
      await hoverForTooltip(page, page.getByTestId('fit-view'));
      await expect(tip).toHaveText('Fit the drawing in the canvas');
      await expect(page.getByTestId('fit-view')).toHaveAccessibleName('Fit view');
      expectInside(await box(tip), win, 'fit-view tooltip');
      expect(await topmostAt(tip)).toBe(true);
      await page.keyboard.press('Escape');
      await expect(tip).toHaveCount(0);
      // No native title is left anywhere (they showed late, never on keyboard focus, and not above the canvas).
      await expect(page.locator('[title]')).toHaveCount(0);
      // React Flow's zoom buttons too.
      await hoverForTooltip(page, page.locator('.react-flow__controls-zoomin'));
      await expect(tip).toHaveText('Zoom in');
      await expect(page.locator('.react-flow__controls-zoomin')).toHaveAccessibleName('Zoom in');
      // At the window's right edge the tooltip is moved inside, not cut off.
      await hoverForTooltip(page, page.getByTestId('help'));
      await expect(tip).toHaveText('Keyboard shortcuts (?)');
      expectInside(await box(tip), win, 'help tooltip');
      // Over the canvas: a node's tooltip (its whole label, its kind, what its numbers mean) lies above React Flow.
      await hoverForTooltip(page, studio.node('ranker'));
      await expect(tip).toContainText('Online ranking model · Model server');
      await expect(tip).toContainText('16×1: servers = replicas × concurrency');
      expectInside(await box(tip), win, 'node tooltip');
      expect(await topmostAt(tip)).toBe(true);

      // The keyboard: Tab onto Auto-layout shows its tooltip at once; the first Escape hides only the tooltip
      // (the node stays selected), the next one clears the selection.
      await studio.selectNode('ranker');
      await studio.docName.click();
      const autoLayout = page.getByTestId('auto-layout');
      for (let i = 0; i < 12 && !(await autoLayout.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(autoLayout).toBeFocused();
      await expect(tip).toHaveText('Auto-layout: arrange left to right along the request path');
      await expect(autoLayout).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
      await page.keyboard.press('Escape');
      await expect(tip).toHaveCount(0);
      await expect(autoLayout).toBeFocused();
      await expect(page.getByTestId('node-inspector')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('node-inspector')).toHaveCount(0);
      // (the inspector, an overlay under 1180 px, would lie over the lesson panel)
      await page.getByTestId('inspector-toggle').click();
      await expect(studio.inspector).toHaveCount(0);

      // The explain popover from the keyboard: Enter on a lesson's number opens it next to the number with the
      // focus inside; Escape closes it and puts the focus back on the number.
      await page.getByTestId('lesson-menu').click();
      await page.getByTestId('lesson-littles-law').click();
      const number = page.getByTestId('explain-utilization-server');
      await expect(number).toBeVisible({ timeout: 60_000 });
      await number.focus();
      await page.keyboard.press('Enter');
      const pop = page.getByTestId('explain');
      await expect(pop).toBeVisible();
      await expect(pop).toHaveAttribute('role', 'dialog');
      await expect(pop).toHaveAccessibleName(/^Utilisation of Single server/);
      await expect(pop).toBeFocused();
      const p = await box(pop);
      const n = await box(number);
      expectInside(p, win, 'explain popover');
      expect(p.y >= n.y + n.height - 1 || p.y + p.height <= n.y + 1, 'the popover lies just under or over its number').toBe(true);
      expect(await topmostAt(pop)).toBe(true);
      await page.keyboard.press('Escape');
      await expect(pop).toHaveCount(0);
      await expect(number).toBeFocused();
      await expect(page.getByTestId('lesson')).toBeVisible();
      // The inspector opens beside the lesson card, never over it (under 1180 px it is an overlay).
      await page.getByTestId('inspector-toggle').click();
      await expect(studio.inspector).toBeVisible();
      const ins = await box(studio.inspector);
      const les = await box(page.getByTestId('lesson'));
      expect(ins.x + ins.width <= les.x + 1, 'the inspector ends where the lesson card starts').toBe(true);
      await page.getByTestId('inspector-toggle').click();
      await expect(studio.inspector).toHaveCount(0);
      // With the mouse: a click outside (on the canvas, which handles its own clicks) closes it.
      await number.click();
      await expect(pop).toBeVisible();
      await studio.clickPane();
      await expect(pop).toHaveCount(0);
    });

    test('presentation mode with a lesson and the animation open: nothing overlaps, the lesson buttons are uncovered, Escape leaves', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.open();
      await page.getByTestId('lesson-menu').click();
      await page.getByTestId('lesson-littles-law').click();
      await expect(page.getByTestId('lesson')).toBeVisible();
      await page.keyboard.press('p');
      await expect(page.getByTestId('presentation-bar')).toBeVisible();
      await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
      // (the lesson ends where the player starts once the player's new height is measured)
      await expect.poll(() => overlappingControls(page)).toEqual([]);
      await expect(page.getByTestId('present-run')).toBeVisible();
      const player = await box(page.getByTestId('player'));
      expectInside(player, { x: 0, y: 0, width, height }, 'player in the window');
      // Leaving and entering again fits the drawing to the room again, the same way each time (the first entry is
      // before the lesson's run adds utilisation bars to the node, so its size is compared from the second on).
      const node = page.locator('.react-flow__node').first();
      const reenter = async () => {
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('presentation-bar')).toBeHidden();
        await page.keyboard.press('p');
        await expect(page.getByTestId('presentation-bar')).toBeVisible();
        await page.waitForTimeout(700);
        return box(node);
      };
      const second = await reenter();
      const third = await reenter();
      expect(Math.abs(third.width - second.width) / second.width).toBeLessThan(0.03);
      expectInside(third, await box(page.getByTestId('canvas')), 'the drawing inside the canvas after re-entry');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('presentation-bar')).toBeHidden();
    });
  });
}
