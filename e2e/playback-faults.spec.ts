/**
 * The playback under a fault scenario, in real Chromium through the real
 * worker: ranker-gpu-loss's trace starts just before its crash; the ranker is
 * not marked before the crash and is marked (ring + "Crash" line) once the
 * playback clock is inside it, and the requests the crash killed show a ✕
 * named "crash" at the ranker. Screenshots (1280×720, both themes) go to
 * /tmp/shots-trace (or $LOADSKETCH_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

const SHOTS = process.env.LOADSKETCH_SHOTS ?? '/tmp/shots-trace';
mkdirSync(SHOTS, { recursive: true });
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 720 } });

const layer = (page: Page) => page.getByTestId('animation-layer');
const simMs = async (page: Page) => Number(await layer(page).getAttribute('data-sim-ms'));
/** The crash of ranker-gpu-loss: 2 ranker GPUs lost from 60 s to 120 s. */
const CRASH_MS = 60_000;

async function presentRankerLoss(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  const studio = new StudioPage(page);
  await studio.open();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await studio.openTemplate('ranker-gpu-loss');
  await expect(page.getByTestId('node-ranker')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation-bar')).toBeVisible();
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
}

for (const theme of ['light', 'dark'] as const) {
  test(`${theme}: the ranker is marked faulted only while the playback clock is inside the crash, and its killed requests show ✕ crash`, async ({ page }) => {
    await presentRankerLoss(page, theme);
    // The player names what failed in the sample.
    await expect(page.getByTestId('anim-failures')).toContainText(/\d+ failed: crash \d+/);
    // Before the crash: the clock starts before 60 s, nothing is marked, the ranker has its 8 GPUs.
    await expect(layer(page).locator('.ls-gauge[data-node=ranker] .ls-gauge-label').first()).toContainText('/8');
    const t0 = await simMs(page);
    expect(t0).toBeLessThan(CRASH_MS);
    await expect(layer(page)).not.toHaveAttribute('data-faulted', /ranker/);
    await expect(page.getByTestId('fault-mark-ranker')).toHaveCount(0);
    // Nothing run yet: the results area keeps only its tabs and hint, the drawing gets the room.
    const area = await page.getByTestId('results-area').boundingBox();
    expect(area!.height).toBeLessThan(0.2 * page.viewportSize()!.height);
    await page.screenshot({ path: `${SHOTS}/before-crash-${theme}.png` });

    // Play slowly into the crash window.
    await page.getByTestId('anim-speed').selectOption('20');
    await page.getByTestId('anim-play').click();
    await expect.poll(() => simMs(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(CRASH_MS);
    await expect(layer(page)).toHaveAttribute('data-faulted', 'ranker');
    // The clock also reads the run's time, on which the scenario is timed.
    await expect(page.getByTestId('anim-clock')).toContainText(/ · run 60\.\d{3} s/);
    const mark = page.getByTestId('fault-mark-ranker');
    await expect(mark).toHaveAttribute('data-kinds', 'crash');
    await expect(mark).toContainText('Crash: 2 replicas down');
    // Its gauge counts the 6 GPUs left.
    await expect(layer(page).locator('.ls-gauge[data-node=ranker] .ls-gauge-label').first()).toContainText(/\/6 · 2 down/);
    // The requests in service or waiting on the lost GPUs fail there, at the crash.
    // Paused (in the page, on the frame they appear) while the ✕ are shown.
    await page.waitForFunction(
      () => {
        const failures = Number(document.querySelector('[data-testid=animation-layer]')?.getAttribute('data-failures'));
        if (failures > 0) document.querySelector<HTMLButtonElement>('[data-testid=anim-play]')?.click();
        return failures > 0;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
    await expect(layer(page).locator('.ls-cross[data-cause="crash"]:not([visibility])').first()).toBeAttached();
    await expect(layer(page).locator('.ls-cross-label', { hasText: 'crash' }).first()).toBeAttached();
    await page.screenshot({ path: `${SHOTS}/in-crash-${theme}.png` });
    const box = (await page.getByTestId('node-ranker').boundingBox())!;
    await page.screenshot({ path: `${SHOTS}/in-crash-${theme}-ranker.png`, clip: { x: box.x - 200, y: box.y - 120, width: 520, height: 300 } });

    // Stepping back before the crash takes the mark off again.
    await page.getByTestId('anim-back').click();
    while ((await simMs(page)) >= CRASH_MS) await page.getByTestId('anim-back').click();
    await expect(layer(page)).toHaveAttribute('data-faulted', '');
    await expect(page.getByTestId('fault-mark-ranker')).toHaveCount(0);
  });
}
