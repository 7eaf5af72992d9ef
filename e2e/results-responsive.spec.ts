/**
 * The page stays responsive during a sweep of the Netflix template through
 * the real workers: no main-thread task may take long. Two measures:
 * - A Chromium trace: each main-thread task's CPU time, which the machine's
 *   load barely changes. Measured 33–43 ms here (before the fix: 75–90 ms per
 *   streamed point, 150–230 ms for the first); bound: 80 ms.
 * - PerformanceObserver('longtask') in the page: the wall-clock length of
 *   tasks over 50 ms, printed only. It includes time the thread waited for a
 *   core: with other simulations on the same 2 cores it reached 315 ms, and
 *   1196 ms at load average 16, for tasks of about 40 ms CPU. A wall-clock
 *   bound measures the machine's load, not the page, so it is not asserted.
 * One simulation worker, so the page keeps a core of the two.
 */
import { expect, test } from '@playwright/test';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

test.describe.configure({ timeout: 180_000 });

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

function longestCpuMs(events: TraceEvent[]): number {
  let longest = 0;
  for (const m of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'))
    for (const e of events)
      if (e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
        longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  return longest;
}

test('no long main-thread task while a sweep streams in', async ({ page, browser }) => {
  await page.addInitScript({ content: `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 1 });` });
  await page.addInitScript({
    content: `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`,
  });
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('netflix');
  await results.setRun({ warmupSec: 1, durationSec: 8, replications: 1 });
  await results.sweep(8);
  // Let the idle-time warm-up (chart code, number format) finish, as a user's first glance would.
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { categories: ['toplevel'] });
  const t0 = await page.evaluate(() => performance.now());
  await results.runButton.click();
  await results.waitDone();
  const t1 = await page.evaluate(() => performance.now());
  const cpuMs = longestCpuMs(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
  const wall = await page.evaluate(
    ([a, b]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= a && t.start <= b),
    [t0, t1],
  );
  const wallMs = Math.max(0, ...wall.map((t) => t.duration));
  console.log(`longest task during the sweep: ${wallMs.toFixed(0)} ms wall (${wall.length} over 50 ms), ${cpuMs.toFixed(0)} ms CPU`);
  await expect(page.getByTestId('chart-latency').locator('.recharts-line')).not.toHaveCount(0);
  expect(cpuMs, 'longest main-thread task, CPU time (ms)').toBeLessThan(80);
});
