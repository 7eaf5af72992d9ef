/**
 * The scenario editor (issue 11): events added, edited, moved and removed on
 * the Scenario tab's timeline go into the document as undo steps; the canvas
 * marks faulted nodes and calls with a ⚡ badge; bad input is refused with a
 * message on the field. At 1024×768 the event row shows its kind in full and a
 * long call label stays between its nodes (its full text in a tooltip); at
 * 1280×720 the event bands lie on the charts' plot areas.
 */
import { expect, test } from '@playwright/test';
import { box, expectInside } from './pages/layoutChecks';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';
import { hoverForTooltip } from './pages/tooltips';

interface ExportedEvent {
  kind: string;
  target: string;
  atSec: number;
  durationSec: number;
  [k: string]: unknown;
}

test('add an event on the timeline, edit it, move it with the keys, undo, and see the badge on the canvas', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('netflix');
  await expect(studio.node('ranker')).toBeVisible();
  await page.getByTestId('tab-scenario').click();
  await expect(page.getByTestId('scenario-empty')).toBeVisible();
  await expect(studio.node('ranker').getByTestId('fault-badge-ranker')).toHaveCount(0);

  // A crash of the ranker: 60 s run, 5 s warm-up → starts at 23 s, lasts 12 s.
  await page.getByTestId('scenario-add-kind').selectOption('crash');
  await page.getByTestId('scenario-add-target').selectOption('ranker');
  await page.getByTestId('scenario-add').click();
  const bar = page.getByTestId('timeline-bar-0');
  await expect(bar).toHaveAttribute('data-kind', 'crash');
  await expect(bar).toHaveAttribute('data-at', '23');
  await expect(studio.field('event-0-atSec')).toHaveValue('23');
  await expect(studio.field('event-0-durationSec')).toHaveValue('12');
  await expect(studio.field('event-0-replicas')).toHaveValue('1');
  const badge = studio.node('ranker').getByTestId('fault-badge-ranker');
  await expect(badge).toHaveAttribute('data-kinds', 'crash');

  // Edit: 4 of the 16 replicas, label, start.
  await studio.setField('event-0-replicas', '4');
  await studio.setField('event-0-label', 'GPU loss');
  await studio.setField('event-0-atSec', '20');
  await expect(bar).toHaveAttribute('data-at', '20');
  await expect(bar).toContainText('GPU loss');

  // Keys on the focused bar: → 1 s, Shift+→ 10 s, ← back 1 s.
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-at', '21');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(bar).toHaveAttribute('data-at', '31');
  await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAttribute('data-at', '30');
  // The arrows moved the event, not a canvas node.
  let doc = await studio.exportDoc();
  let events = (doc.scenario as { events: ExportedEvent[] }).events;
  expect(events).toEqual([{ kind: 'crash', target: 'ranker', atSec: 30, durationSec: 12, replicas: 4, label: 'GPU loss' }]);

  // Undo steps back through the moves, one key press each.
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(bar).toHaveAttribute('data-at', '31');
  await page.keyboard.press('Control+z');
  await expect(bar).toHaveAttribute('data-at', '21');
  await page.keyboard.press('Control+Shift+z');
  await expect(bar).toHaveAttribute('data-at', '31');

  // A partition of a call: the badge goes on the edge.
  await page.getByTestId('scenario-add-kind').selectOption('partition');
  await page.getByTestId('scenario-add-target').selectOption('recs-evcache');
  await page.getByTestId('scenario-add').click();
  await expect(page.getByTestId('timeline-bar-1')).toHaveAttribute('data-kind', 'partition');
  await expect(page.getByTestId('fault-badge-recs-evcache')).toHaveAttribute('data-kinds', 'partition');
  await studio.field('event-1-mode').selectOption('hang');
  // Working in an event's fields selects its bar (adding selected the new one).
  await expect(page.getByTestId('timeline-bar-1')).toHaveAttribute('aria-pressed', 'true');
  await studio.field('event-0-label').focus();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('timeline-bar-1')).toHaveAttribute('aria-pressed', 'false');

  // Delete on a focused bar removes its event (and its badge); undo brings both back.
  await page.getByTestId('timeline-bar-1').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('timeline-bar-1')).toHaveCount(0);
  await expect(page.getByTestId('fault-badge-recs-evcache')).toHaveCount(0);
  await expect(studio.node('ranker')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('timeline-bar-1')).toHaveAttribute('data-kind', 'partition');
  await expect(page.getByTestId('fault-badge-recs-evcache')).toBeVisible();

  doc = await studio.exportDoc();
  events = (doc.scenario as { events: ExportedEvent[] }).events;
  expect(events[1]).toEqual({ kind: 'partition', target: 'recs-evcache', atSec: 23, durationSec: 12, mode: 'hang' });

  // The inspector refuses fewer replicas than the crash takes, saying why.
  await studio.selectNode('ranker');
  await studio.setField('replicas', '2');
  await expect(page.getByTestId('error-replicas')).toContainText("must be at most the node's 2 replicas");
  await expect(studio.node('ranker').getByTestId('node-stats')).toContainText('16×1');
});

test('bad scenario input is refused with a message on its field', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('netflix');
  await page.getByTestId('tab-scenario').click();
  await page.getByTestId('scenario-add-kind').selectOption('errors');
  await page.getByTestId('scenario-add-target').selectOption('cassandra');
  await page.getByTestId('scenario-add').click();
  await expect(studio.field('event-0-fraction')).toHaveValue('0.5');

  await studio.setField('event-0-atSec', '-3');
  await expect(page.getByTestId('error-event-0-atSec')).toBeVisible();
  await studio.setField('event-0-fraction', '1.5');
  await expect(page.getByTestId('error-event-0-fraction')).toContainText('greater than 0 and at most 1');
  await studio.setField('event-0-fraction', '0');
  await expect(page.getByTestId('error-event-0-fraction')).toContainText('greater than 0 and at most 1');
  // Nothing bad reached the document.
  const doc = await studio.exportDoc();
  expect((doc.scenario as { events: ExportedEvent[] }).events[0]).toMatchObject({ atSec: 23, fraction: 0.5 });

  // Deleting the node takes its event with it (one undo step brings both back).
  await studio.selectNode('cassandra');
  await page.keyboard.press('Delete');
  await expect(studio.node('cassandra')).toHaveCount(0);
  await expect(page.getByTestId('scenario-empty')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('timeline-bar-0')).toHaveAttribute('data-kind', 'errors');
});

test('a fault on a target of the wrong sort is refused with the reason', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('mm1');
  await page.getByTestId('tab-scenario').click();
  // One node, no call, no cache: a partition or a flush has nothing to hit.
  await page.getByTestId('scenario-add-kind').selectOption('partition');
  await expect(page.getByTestId('scenario-no-target')).toContainText('Draw a call first');
  await expect(page.getByTestId('scenario-add')).toBeDisabled();
  await page.getByTestId('scenario-add-kind').selectOption('outage');
  await page.getByTestId('scenario-add').click();
  await studio.field('event-0-kind').selectOption('cacheFlush');
  await expect(page.getByTestId('error-event-0-kind')).toContainText('must be the id of a cache node');
  await expect(studio.field('event-0-kind')).toHaveValue('outage');
});

test('a run through the scenario: blast-radius card and event bands; a long slowdown does not recover, a mild one does', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('mm1');
  await page.getByTestId('tab-scenario').click();
  // One M/M/1 server (10 ms, 80 req/s, 120 s run): service × 10 from 46 s to 70 s leaves a backlog that takes
  // longer than the 50 s left to drain, so the run ends still missing its SLO.
  await page.getByTestId('scenario-add-kind').selectOption('latency');
  await page.getByTestId('scenario-add').click();
  await expect(page.getByTestId('timeline-bar-0')).toHaveAttribute('data-at', '46');
  await studio.setField('event-0-factor', '10');
  await studio.setField('event-0-label', 'GC storm');
  await page.getByTestId('mode-single').check();
  await page.getByTestId('run-form-ratePerSec').fill('80');
  await results.run();
  await results.waitDone();
  await results.tab('curves');
  const card = page.getByTestId('resilience-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('recovery-microservices')).toHaveText('did not recover by the end of the run');
  await expect(page.getByTestId('resilience-metastable')).toContainText('stayed out of');
  const availability = Number(await card.locator('tr[data-key=availability] td[data-key=microservices]').getAttribute('data-value'));
  expect(availability).toBeGreaterThan(0.5);
  expect(availability).toBeLessThanOrEqual(1);

  // The time series shade the event on each of its three charts, labelled.
  await results.tab('timeseries');
  const chart = page.getByTestId('chart-timeseries');
  await expect(chart.locator('.recharts-reference-area')).toHaveCount(3);
  await expect(chart.getByText('GC storm').first()).toBeVisible();
  // The node the event hits, through the run: its utilisation, queue and failures, with the same band.
  const node = page.getByTestId('chart-node-faults');
  await expect(page.getByTestId('node-faults-pick')).toHaveValue('server');
  await expect(node.locator('.recharts-reference-area')).toHaveCount(4); // utilisation, waiting, in flight, failed
  await expect(page.getByTestId('resilience-card')).toBeVisible();

  // A milder slowdown (× 1.5: 67 req/s of capacity) drains within the run: recovered, a number of seconds.
  await page.getByTestId('tab-scenario').click();
  await studio.setField('event-0-factor', '1.5');
  await results.run();
  await results.waitDone();
  await results.tab('timeseries');
  const recovery = page.getByTestId('recovery-microservices');
  await expect(recovery).toHaveText(/^\d+(\.\d+)? s$/);
  expect(Number(await recovery.getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(page.getByTestId('resilience-metastable')).toHaveCount(0);
});

test('the same GPU crash in both designs: the monolith loses the replicas that host the ranker, and says how it was mapped', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('netflix');
  await page.getByTestId('tab-scenario').click();
  await page.getByTestId('scenario-add-kind').selectOption('crash');
  await page.getByTestId('scenario-add-target').selectOption('ranker');
  await page.getByTestId('scenario-add').click();
  await studio.setField('event-0-replicas', '12');
  await page.getByTestId('mode-single').check();
  await page.getByTestId('run-form-ratePerSec').fill('800');
  await results.run();
  await results.waitDone();
  await results.tab('curves');
  const card = page.getByTestId('resilience-card');
  await expect(card).toBeVisible();
  const cell = (row: string, d: string) => card.locator(`tr[data-key=${row}] td[data-key=${d}]`);
  const micro = Number(await cell('availability', 'microservices').getAttribute('data-value'));
  const mono = Number(await cell('availability', 'monolith').getAttribute('data-value'));
  expect(mono).toBeLessThan(micro);
  expect(Number(await cell('cause-crash', 'monolith').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(page.getByTestId('scenario-notes')).toContainText('ranker');
});

test('a template with a scenario opens with its event on the timeline and its badge on the canvas', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('ranker-gpu-loss');
  await page.getByTestId('tab-scenario').click();
  const bar = page.getByTestId('timeline-bar-0');
  await expect(bar).toHaveAttribute('data-kind', 'crash');
  await expect(bar).toHaveAttribute('data-at', '60');
  await expect(bar).toContainText('2 ranker GPUs lost');
  await expect(studio.field('event-0-replicas')).toHaveValue('2');
  const badge = page.getByTestId('fault-badge-ranker');
  await expect(badge).toHaveAttribute('data-kinds', 'crash');
  await badge.hover();
  await expect(page.locator('.ls-tooltip')).toContainText('2 replicas down, 60–120 s');
});

test('small windows: the event row shows its whole kind, a long call label fits between its nodes or has a tooltip, the bands lie on the plots', async ({ page }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await studio.open();
  await studio.openTemplate('retry-storm-breaker');
  await page.getByTestId('tab-scenario').click();
  // The kind select is wide enough for its longest option ("Latency spike") plus its arrow: nothing cut.
  const kind = studio.field('event-0-kind');
  await expect(kind).toHaveValue('latency');
  const fit = await kind.evaluate((sel: HTMLSelectElement) => {
    const cs = getComputedStyle(sel);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const text = Math.max(...Array.from(sel.options, (o) => ctx.measureText(o.text).width));
    return { text, room: sel.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight) - 16 };
  });
  expect(fit.text).toBeLessThanOrEqual(fit.room);

  // "net 0 ms · timeout 100 ms ×4" between two nodes 140 px apart: cut with an ellipsis inside the gap, not under
  // the nodes, and its full text in a tooltip.
  const label = page.getByTestId('edge-label-gateway-features');
  const full = await label.getAttribute('data-full-text');
  expect(full).toMatch(/timeout 100 ms/);
  const [l, g, f] = [await box(label), await box(studio.node('gateway')), await box(studio.node('features'))];
  expect(l.x).toBeGreaterThanOrEqual(g.x + g.width - 1);
  expect(l.x + l.width).toBeLessThanOrEqual(f.x + 1);
  const clipped = await label.evaluate((el) => el.scrollWidth > el.clientWidth);
  if (clipped) {
    await hoverForTooltip(page, label);
    await expect(page.getByRole('tooltip')).toHaveText(full ?? '');
  }
  await page.mouse.move(5, 700);

  // A run, then its time series at 1280×720: every event band inside its chart's plot area.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('mode-single').check();
  await results.run();
  await results.waitDone();
  await results.tab('timeseries');
  for (const [id, count] of [['chart-timeseries', 3], ['chart-node-faults', 4]] as const) {
    const charts = page.getByTestId(id).locator('.recharts-wrapper');
    await expect(charts).toHaveCount(count);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      const band = chart.locator('.recharts-reference-area-rect');
      await expect(band).toHaveCount(1);
      // The band's box and the plot area (the rectangle recharts clips the plot to), both in viewport coordinates.
      const { area, plot } = await band.evaluate((el) => {
        const id = (el.getAttribute('clip-path') ?? '').match(/url\(#(.*)\)/)?.[1] ?? '';
        const r = document.getElementById(id)?.querySelector('rect') as SVGRectElement;
        const s = r.ownerSVGElement!.getBoundingClientRect();
        const b = el.getBoundingClientRect();
        return {
          area: { x: b.x, y: b.y, width: b.width, height: b.height },
          plot: { x: s.x + r.x.baseVal.value, y: s.y + r.y.baseVal.value, width: r.width.baseVal.value, height: r.height.baseVal.value },
        };
      });
      expect(area.height).toBeGreaterThan(50);
      expectInside(area, plot, `${id} band`);
    }
  }
});
