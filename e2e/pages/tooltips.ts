/** Tooltip helpers for the specs. */
import type { Locator, Page } from '@playwright/test';

/**
 * Moves the mouse onto the middle of `target` and a pixel further twice, the way a hand arrives: Radix ignores
 * the first move onto a control while the pointer is still travelling from another open tooltip towards it.
 */
export async function hoverForTooltip(page: Page, target: Locator) {
  const b = await target.boundingBox();
  if (!b) throw new Error(`no box for ${target}`);
  for (const d of [0, 1, 2]) await page.mouse.move(b.x + b.width / 2 + d, b.y + b.height / 2 + d);
}

/** Whether the element is the topmost thing at the middle of its box (nothing painted over it: not the canvas, not a chart). */
export async function topmostAt(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  });
}
