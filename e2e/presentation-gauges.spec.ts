/**
 * Presentation mode on the zoomed-out Netflix drawing at 1024×768: the gauge
 * labels over the nodes never overlap each other nor an edge label (edge
 * labels give way while presenting, each gauge label stays within its node's width).
 */
import { expect, type Page, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

test.use({ viewport: { width: 1024, height: 768 } });

/** Enters presentation, plays the animation until gauges carry numbers, and pauses it. */
async function presentAndPause(page: Page) {
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation-bar')).toBeVisible();
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await page.keyboard.press(' ');
  await expect.poll(() => page.locator('.ls-gauge-label').evaluateAll((ls) => ls.filter((l) => l.textContent).length), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.keyboard.press(' ');
  await page.waitForTimeout(900);
}

test('gauge labels never overlap each other or edge labels while presenting the Netflix drawing', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await expect(page.locator('.ls-edge-label').first()).toBeVisible();
  await presentAndPause(page);
  const boxes = await page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const visible = (e: Element) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0;
    return {
      gauges: [...document.querySelectorAll('.ls-gauge')].map((g) => ({ node: g.getAttribute('data-node'), label: rect(g.querySelector('.ls-gauge-label')!), track: rect(g.querySelector('.ls-gauge-track')!) })),
      edges: [...document.querySelectorAll('.ls-edge-label')].filter(visible).map(rect),
    };
  });
  type R = { x: number; y: number; w: number; h: number };
  const overlap = (a: R, b: R) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
  expect(boxes.gauges.length).toBeGreaterThan(3);
  const hits: string[] = [];
  for (const [i, a] of boxes.gauges.entries()) {
    // Within its node's width (the gauge track is the node's width).
    if (a.label.x + a.label.w > a.track.x + a.track.w + 1) hits.push(`${a.node} label wider than its node`);
    for (const b of boxes.gauges.slice(i + 1)) if (overlap(a.label, b.label)) hits.push(`${a.node} × ${b.node}`);
    for (const e of boxes.edges) if (overlap(a.label, e)) hits.push(`${a.node} × an edge label`);
  }
  expect(hits).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ls-edge-label').first()).toBeVisible();
});

test('a tightly drawn column (the RAG template) is shown stretched while presenting: no node or gauge overlaps another, the player covers nothing, the bar is one row', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('rag-assistant');
  const docPositions = await studio.exportDoc().then((d) => d.nodes.map((n) => n.position));
  await presentAndPause(page);
  type R = { x: number; y: number; w: number; h: number };
  const boxes = await page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    // Each node with its gauges: from the queue label above to the busy bar below.
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => ({ id: n.getAttribute('data-id'), box: rect(n) }));
    const gauges = [...document.querySelectorAll('.ls-gauge')].map((g) => ({ node: g.getAttribute('data-node'), box: rect(g) }));
    const bar = document.querySelector('[data-testid="presentation-bar"]')!;
    return {
      nodes,
      gauges,
      bar: rect(bar),
      barChildren: [...bar.children].map(rect),
      player: rect(document.querySelector('[data-testid="player"]')!),
      results: rect(document.querySelector('.ls-results')!),
    };
  });
  const overlap = (a: R, b: R) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
  const hits: string[] = [];
  const withGauge = boxes.nodes.map((n) => {
    const g = boxes.gauges.find((x) => x.node === n.id)?.box;
    if (!g) return n;
    const top = Math.min(n.box.y, g.y);
    const bottom = Math.max(n.box.y + n.box.h, g.y + g.h);
    return { id: n.id, box: { x: n.box.x, y: top, w: n.box.w, h: bottom - top } };
  });
  for (const [i, a] of withGauge.entries()) for (const b of withGauge.slice(i + 1)) if (overlap(a.box, b.box)) hits.push(`${a.id} × ${b.id}`);
  expect(hits).toEqual([]);
  expect(boxes.gauges.length).toBeGreaterThan(3);
  for (const c of boxes.barChildren) expect(c.y + c.h).toBeLessThanOrEqual(boxes.bar.y + boxes.bar.h + 0.5);
  expect(overlap(boxes.player, boxes.results)).toBe(false);
  // The stretch is for display only: the document keeps its positions.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation-bar')).toBeHidden();
  expect(await studio.exportDoc().then((d) => d.nodes.map((n) => n.position))).toEqual(docPositions);
});
