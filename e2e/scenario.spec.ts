/**
 * The scenario editor (issue 11): events added, edited, moved and removed on
 * the Scenario tab's timeline go into the document as undo steps; the canvas
 * marks faulted nodes and calls with a ⚡ badge; bad input is refused with a
 * message on the field.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';

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
