/**
 * The classroom in real Chromium, through the real worker: presentation mode
 * (P / Esc, the button), stepping through a lesson with the arrow keys, the
 * animation driven by an engine trace (dots move, pause, step), Explain with
 * the node's own numbers, a teacher's lesson file and a lesson share link.
 * Screenshots go to /tmp/shots (or $LOADSKETCH_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import LZString from 'lz-string';
import { StudioPage } from './pages/StudioPage';

const SHOTS = process.env.LOADSKETCH_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });
test.describe.configure({ timeout: 120_000 });

const layer = (page: Page) => page.getByTestId('animation-layer');
const attr = async (page: Page, name: string) => Number(await layer(page).getAttribute(name));

async function openLesson(page: Page, id: string) {
  const studio = new StudioPage(page);
  await studio.open();
  await page.getByTestId('lesson-menu').click();
  await page.getByTestId(`lesson-${id}`).click();
  await expect(page.getByTestId('lesson')).toBeVisible();
  return studio;
}

test('present a lesson: arrows step, the animation plays, pauses and steps, Explain shows the formula with numbers', async ({ page }) => {
  await openLesson(page, 'littles-law');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('One server, half busy');

  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation-bar')).toBeVisible();
  await expect(page.locator('.ls-header')).toBeHidden();
  await expect(page.locator('.ls-palette')).toBeHidden();
  await expect(page.locator('.ls-inspector')).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('80% busy');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('A whole line');
  await expect(page.getByTestId('node-stage2')).toBeVisible();

  // The trace comes from the worker; then play and watch dots move along the edges.
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await page.getByTestId('anim-speed').selectOption('50');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => attr(page, 'data-moving'), { timeout: 20_000 }).toBeGreaterThan(0);
  const dots = () => layer(page).locator('circle:not([visibility])').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`).join(' '));
  const before = await dots();
  const t0 = await attr(page, 'data-sim-ms');
  await expect.poll(() => attr(page, 'data-sim-ms')).toBeGreaterThan(t0);
  await expect.poll(dots, { timeout: 10_000 }).not.toBe(before);
  await page.screenshot({ path: `${SHOTS}/classroom-animation.png` });

  await page.getByTestId('anim-play').click(); // pause
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
  const paused = await attr(page, 'data-sim-ms');
  await page.waitForTimeout(300);
  expect(await attr(page, 'data-sim-ms')).toBe(paused);
  await page.keyboard.press('.');
  await expect.poll(() => attr(page, 'data-sim-ms')).toBeGreaterThan(paused);
  const stepped = await attr(page, 'data-sim-ms');
  await page.getByTestId('anim-step').click();
  await expect.poll(() => attr(page, 'data-sim-ms')).toBeGreaterThan(stepped);
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');

  // Explain the middle stage's mean wait: Pollaczek–Khinchine with its own numbers (100 req/s, 8 ms, ρ = 80% → 32 ms).
  await page.getByTestId('explain-meanWaitMs-stage2').click();
  const pop = page.getByTestId('explain');
  await expect(pop).toBeVisible();
  await expect(pop.getByRole('heading')).toContainText('Mean wait of Stage 2');
  // Set as mathematics (W<sub>q</sub>), the plain formula kept as the accessible name.
  await expect(pop.getByTestId('explain-formula').first().locator('[aria-label]')).toHaveAttribute('aria-label', 'W_q = ρ·S·(1 + c_s²) / (2(1 − ρ))');
  await expect(pop.getByTestId('explain-formula').first().locator('sub').first()).toHaveText('q');
  await expect(pop.getByTestId('explain-formula').first()).not.toContainText('_');
  await expect(pop.getByTestId('explain-filled').first().locator('[aria-label]')).toHaveAttribute('aria-label', 'W_q = 80% × 8 ms × (1 + 1) / (2 × (1 − 0.8)) = 32 ms');
  await expect(pop.getByTestId('explain-predicted')).toHaveText('32 ms');
  await expect(pop.getByTestId('explain-simulated')).toHaveText(/^\d+(\.\d+)? ms$/);
  await page.screenshot({ path: `${SHOTS}/classroom-presentation-explain.png` });
  await page.keyboard.press('Escape');
  await expect(pop).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/classroom-presentation.png` });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation-bar')).toBeHidden();
  await expect(page.locator('.ls-header')).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('presentation-bar')).toBeVisible();
  await page.getByTestId('leave-presentation').click();
  await expect(page.locator('.ls-palette')).toBeVisible();
});

test('numbers in the per-node results open an explanation (Erlang C for a pool of servers)', async ({ page }) => {
  await openLesson(page, 'pooling');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-numbers')).toContainText('At 80 req/s', { timeout: 30_000 });
  await page.getByTestId('tab-nodes').click();
  await page.getByTestId('chart-nodes-table-toggle').click();
  await page.locator('[data-testid=nodes-table] tr[data-node=server] td[data-key=meanWaitMs]').click();
  const pop = page.getByTestId('explain');
  const formulas = await pop.getByTestId('explain-formula').locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(formulas).toEqual(['a = λ·S', 'P_wait = C(c, a)', 'W_q = P_wait·S / (c − a) · (1 + c_s²)/2']);
  await expect(pop.getByTestId('explain-filled').nth(1).locator('[aria-label]')).toHaveAttribute('aria-label', 'P_wait = C(2, 1.6) = 71.1%');
  await expect(pop.getByTestId('explain-filled').nth(1)).toHaveText('Pwait = C(2, 1.6) = 71.1%'); // "wait" set as a subscript
  await expect(pop.getByTestId('explain-predicted')).toHaveText('35.6 ms');
  // The same number from the keyboard: focus the cell, press Enter.
  await pop.getByRole('button', { name: /close/i }).first().click();
  await expect(pop).toBeHidden();
  const cell = page.locator('[data-testid=nodes-table] tr[data-node=server] td[data-key=meanWaitMs]');
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('explain').getByTestId('explain-predicted')).toHaveText('35.6 ms');
});

test("a teacher's lesson file opens, and a lesson travels as a link", async ({ page }) => {
  const lesson = {
    format: 'loadsketch-lesson',
    version: 1,
    title: 'My tandem lesson',
    steps: [
      { title: 'Slow middle', narrative: 'The middle stage decides.', document: { template: 'tandem', overrides: { nodes: { stage2: { label: 'Slow stage' } } } }, run: { ratePerSec: 60, seed: 9 }, focus: ['stage2'] },
      { title: 'Faster', narrative: 'Twice the load.', document: { template: 'tandem' }, run: { ratePerSec: 120, seed: 9 } },
    ],
  };
  const studio = new StudioPage(page);
  await studio.open();
  await page.getByTestId('lesson-file-input').setInputFiles({ name: 'my.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Slow middle');
  await expect(page.getByTestId('node-stage2')).toContainText('Slow stage');
  await expect(page.getByTestId('lesson-numbers')).toContainText('At 60 req/s', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/classroom-lesson-studio.png` });
  // On a wide screen the lesson has its own column: the inspector of a selected node stays fully in view beside it.
  await page.getByTestId('node-stage2').click();
  const inspector = await page.locator('.ls-inspector').boundingBox();
  const lessonBox = await page.getByTestId('lesson').boundingBox();
  expect(inspector && lessonBox && inspector.x + inspector.width <= lessonBox.x + 0.5).toBe(true);

  const broken = { ...lesson, steps: [{ ...lesson.steps[0], run: { ratePerSec: 60 } }] };
  await page.getByTestId('lesson-file-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('dialog')).toContainText('steps[0].run.seed');

  await page.goto(`/#lesson=${LZString.compressToEncodedURIComponent(JSON.stringify(lesson))}`);
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Slow middle');
  await expect(page.getByTestId('lesson')).toContainText('Seed 9 (locked)');
  await expect(page).not.toHaveURL(/#lesson=/);
});

test('fan-out in presentation mode: a request becomes eight dots, drawn without React re-rendering', async ({ page }) => {
  await openLesson(page, 'tail-at-scale');
  await page.getByTestId('present').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Eight backends in parallel');
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  // The most dots any frame drew (a frame on a loaded machine can come after the fan-out has answered, so a poll of the
  // current count could miss it).
  await layer(page).evaluate((el) => {
    const w = window as unknown as { __maxDots: number };
    w.__maxDots = 0;
    new MutationObserver(() => {
      w.__maxDots = Math.max(w.__maxDots, Number(el.getAttribute('data-dots')));
    }).observe(el, { attributes: true, attributeFilter: ['data-dots'] });
  });
  await page.keyboard.press(' ');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __maxDots: number }).__maxDots), { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
  await page.keyboard.press(' ');
  await page.screenshot({ path: `${SHOTS}/classroom-fanout.png` });
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
});
