/** Tooltip helpers for the specs. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Rests the mouse on the middle of `target` until its tooltip opens (the trigger's data-state leaves "closed"),
 * nudging it by a pixel between tries the way a hand does: Radix ignores moves onto a control while the pointer
 * is still on its way from another open tooltip.
 */
export async function hoverForTooltip(page: Page, target: Locator) {
  const b = await target.boundingBox();
  if (!b) throw new Error(`no box for ${target}`);
  const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
  await page.mouse.move(x, y);
  let d = 0;
  await expect(async () => {
    d = 1 - d;
    await page.mouse.move(x + d, y + d);
    expect(await target.getAttribute('data-state')).not.toBe('closed');
  }).toPass({ intervals: [100, 250, 500], timeout: 10_000 });
}

/** Whether the element is the topmost thing at the middle of its box (nothing painted over it: not the canvas, not a chart). */
export async function topmostAt(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  });
}

/**
 * Moves the mouse away to (x, y) until no tooltip is left: Radix keeps a tooltip open while the pointer may be
 * travelling towards it, and decides on the next move.
 */
export async function moveAwayFromTooltip(page: Page, x: number, y: number) {
  await expect(async () => {
    await page.mouse.move(x, y);
    await page.mouse.move(x + 1, y + 1);
    await expect(page.getByRole('tooltip')).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}
