/**
 * Layout checks by bounding boxes, in the page: which visible controls
 * overlap one another (each control's box clipped by its scrolling or hidden
 * ancestors first, so a field scrolled out of its panel does not count), and
 * whether one box lies inside another.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pairs of visible controls (buttons, fields, tabs, menu buttons) whose visible boxes overlap by more than 1 px. */
export async function overlappingControls(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scopeSel) => {
    const root = document.querySelector(scopeSel);
    if (!root) return [`no ${scopeSel}`];
    const sel = 'button, input:not([type=hidden]), select, textarea, summary, [role=tab], [role=separator]';
    const controls = Array.from(root.querySelectorAll<HTMLElement>(sel)).filter((el) => {
      if (el.closest('.react-flow__node, .react-flow__edgelabel-renderer, .react-flow__minimap, [hidden]')) return false;
      const closed = el.closest('details:not([open])');
      if (closed && el.tagName !== 'SUMMARY') return false;
      return el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    });
    const visible = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      let [l, t, rr, b] = [r.left, r.top, r.right, r.bottom];
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
          const ar = a.getBoundingClientRect();
          l = Math.max(l, ar.left);
          t = Math.max(t, ar.top);
          rr = Math.min(rr, ar.right);
          b = Math.min(b, ar.bottom);
        }
      }
      l = Math.max(l, 0);
      t = Math.max(t, 0);
      rr = Math.min(rr, window.innerWidth);
      b = Math.min(b, window.innerHeight);
      return rr - l > 1 && b - t > 1 ? { l, t, r: rr, b } : null;
    };
    const name = (el: HTMLElement) => el.dataset.testid ?? el.getAttribute('aria-label') ?? el.id ?? el.textContent?.trim().slice(0, 20) ?? el.tagName;
    const boxes = controls.map((el) => ({ el, v: visible(el) })).filter((x) => x.v !== null) as { el: HTMLElement; v: { l: number; t: number; r: number; b: number } }[];
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // A label wrapping its own input is one control.
        if (a.el.closest('label') && a.el.closest('label') === b.el.closest('label')) continue;
        const w = Math.min(a.v.r, b.v.r) - Math.max(a.v.l, b.v.l);
        const h = Math.min(a.v.b, b.v.b) - Math.max(a.v.t, b.v.t);
        if (w > 1 && h > 1) out.push(`${name(a.el)} × ${name(b.el)}`);
      }
    return out;
  }, scope);
}

export async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error(`no box for ${l}`);
  return b;
}

/** Expects `inner` to lie inside `outer` (1 px tolerance). */
export function expectInside(inner: Box, outer: Box, what: string) {
  expect(inner.x, `${what}: left`).toBeGreaterThanOrEqual(outer.x - 1);
  expect(inner.y, `${what}: top`).toBeGreaterThanOrEqual(outer.y - 1);
  expect(inner.x + inner.width, `${what}: right`).toBeLessThanOrEqual(outer.x + outer.width + 1);
  expect(inner.y + inner.height, `${what}: bottom`).toBeLessThanOrEqual(outer.y + outer.height + 1);
}

/** Expects the header to be one row: no taller than 56 px, every visible child inside it. */
export async function expectHeaderOneRow(page: Page) {
  const header = page.locator('.ls-header');
  const h = await box(header);
  expect(h.height).toBeLessThanOrEqual(56);
  const kids = await header.locator(':scope > *').all();
  for (const k of kids) {
    if (!(await k.isVisible())) continue;
    expectInside(await box(k), h, `header item ${await k.getAttribute('data-testid')}`);
  }
}
