/**
 * Inputs that cannot freeze the page and workers that cannot hang a run
 * (issue 16): a hostile report file, a decompression-bomb link, and a
 * simulation worker that vanishes without an error event mid-sweep.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { SILENT_WORKER_MS } from '../workers/workerLimits';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

/**
 * Starts recording the page thread's long tasks (PerformanceObserver
 * 'longtask'): returns a function giving the longest one, ms, i.e. how long
 * the page was blocked at a stretch.
 */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longestTaskMs: number };
    w.__longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longestTaskMs = Math.max(w.__longestTaskMs, e.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __longestTaskMs: number }).__longestTaskMs);
}

test('a 2 MB hostile .html is refused without blocking the page', async ({ page }, info) => {
  const studio = new StudioPage(page);
  await studio.open();
  // 2 MB of "<script " made the old extracting regular expression backtrack for minutes, on the page's thread.
  // From a file on disk: a buffer would be decoded by Playwright on the page's thread, which is not what is measured.
  const file = info.outputPath('hostile.html');
  writeFileSync(file, '<html>'.concat('<script '.repeat(262_144)));
  const longestTask = await watchLongTasks(page);
  await page.getByTestId('open-file-input').setInputFiles(file);
  await expect(page.getByTestId('error-list')).toContainText('not a Loadsketch report', { timeout: 10_000 });
  expect(await longestTask()).toBeLessThan(1000);
});

test('a decompression-bomb link is refused with a message, memory bounded', async ({ page }) => {
  const bomb = readFileSync(new URL('./fixtures/bomb-link.txt', import.meta.url), 'utf8').trim();
  const studio = new StudioPage(page);
  await studio.open(`/#doc=${bomb}`);
  await expect(page.getByTestId('errors-dialog')).toContainText('The link was refused: its document expands to more than 4 M characters');
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  expect(heap).toBeLessThan(256 * 1024 * 1024);
  // The studio still works: the last document is open.
  await expect(studio.nodes.first()).toBeVisible();
});

test('a worker that vanishes mid-sweep is reported within seconds, and the next run works', async ({ page }) => {
  // Keep a handle on every simulation worker, so the test can kill one the way a crash would (no error event).
  await page.addInitScript(() => {
    const Original = window.Worker;
    const w = window as unknown as { __simWorkers: Worker[] };
    w.__simWorkers = [];
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'loadsketch-sim') w.__simWorkers.push(this);
      }
    };
  });
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('mm1');
  const results = new ResultsPanel(page);
  await results.setRun({ warmupSec: 10, durationSec: 20_000 });
  await results.sweep(6);
  await results.run();
  // Kill once the jobs have beaten (the bar moves from their progress beats): then the shorter silence applies.
  await expect.poll(() => results.progress.evaluate((el) => (el as HTMLProgressElement).value)).toBeGreaterThan(0);
  const killed = await page.evaluate(() => {
    const list = (window as unknown as { __simWorkers: Worker[] }).__simWorkers;
    for (const w of list) w.terminate();
    return list.length;
  });
  expect(killed).toBeGreaterThan(0);
  // The workers were beating inside their jobs: silence is judged after SILENT_WORKER_MS (8 s), looked at every second.
  await expect(results.error).toContainText('stopped answering', { timeout: SILENT_WORKER_MS + 7_000 });
  await expect(results.status).toHaveAttribute('data-status', 'error');

  await results.setRun({ warmupSec: 1, durationSec: 5 });
  await results.run();
  await results.waitDone();
});
