/**
 * `npm run bench:sweep`: builds the studio, serves it, opens the Netflix
 * template in Chromium, runs a load sweep through the real worker pool, and
 * prints the time to the first sweep point and the longest main-thread task
 * (PerformanceObserver 'longtask') during the sweep. The machine is shared,
 * so it also prints the load average and, from a Chromium trace, the longest
 * task by the main thread's CPU time (what the task would take on a quiet
 * machine; wall time grows with the load, CPU time much less).
 *   npm run bench:sweep -- [--steps N] [--duration S] [--no-build] [--tab ID] [--cores N] [--verbose]
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { defaultPoolSize } from '../app/run/workerPool';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const STEPS = opt('steps', 10);
const DURATION = opt('duration', 10);
const PORT = opt('port', 4188);
/** Pretend the machine has this many cores (the pool sizes itself from navigator.hardwareConcurrency). */
const CORES = opt('cores', 0);

async function waitForServer(url: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

async function main() {
  if (!args.includes('--no-build')) execSync('npx vite build', { stdio: 'inherit' });
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const executablePath = process.env.LOADSKETCH_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(`http://localhost:${PORT}/`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (CORES > 0) await page.addInitScript({ content: `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${CORES} });` });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`http://localhost:${PORT}/`);
    await page.locator('.ls-app[data-ready="true"]').waitFor();
    await page.getByTestId('template-menu').click();
    await page.getByTestId('template-netflix').click();
    const set = async (k: string, v: number) => {
      await page.getByTestId(`field-panel-run-${k}`).fill(String(v));
      await page.getByTestId(`field-panel-run-${k}`).press('Enter');
    };
    await set('warmupSec', Math.min(5, DURATION / 10));
    await set('durationSec', DURATION);
    await set('replications', 1);
    await page.getByTestId('run-form-steps').fill(String(STEPS));
    await page.waitForTimeout(500);
    const tabAt = args.indexOf('--tab');
    if (tabAt >= 0) await page.getByTestId(`tab-${args[tabAt + 1]}`).click();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await browser.startTracing(page, { categories: ['toplevel'] });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('run-button').click();
    const first = await (await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.getAttribute('data-points-done') ?? 0) >= 1 && performance.now(), null, { timeout: 600_000, polling: 'raf' })).jsonValue();
    const end = await (await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'done' && performance.now(), null, { timeout: 600_000, polling: 'raf' })).jsonValue();
    const tasks = await page.evaluate(
      ([a, b]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= a && t.start <= b),
      [t0, end as number],
    );
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const cpu = mainThreadCpu(JSON.parse((await browser.stopTracing()).toString()));
    console.log(`Netflix template, ${STEPS}-point sweep, ${DURATION} s simulated per point, ${defaultPoolSize(cores)} workers (${cores} cores)`);
    console.log(`time to first sweep point: ${((first as number) - t0).toFixed(0)} ms`);
    console.log(`whole sweep: ${((end as number) - t0).toFixed(0)} ms`);
    console.log(`longest main-thread task during the sweep: ${longest.toFixed(0)} ms (${tasks.length} long tasks over 50 ms)`);
    console.log(`longest main-thread task by CPU time (trace): ${cpu.maxMs.toFixed(0)} ms (${cpu.over50} tasks over 50 ms of CPU)`);
    console.log(`load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
    if (args.includes('--verbose')) for (const t of tasks) console.log(`  long task at +${(t.start - t0).toFixed(0)} ms: ${t.duration.toFixed(0)} ms`);
  } finally {
    await browser.close();
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Longest top-level task on the page's main thread by thread CPU time (tdur, µs), and how many exceed 50 ms. */
function mainThreadCpu(trace: { traceEvents: TraceEvent[] }): { maxMs: number; over50: number } {
  const ev = trace.traceEvents;
  const mains = ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { maxMs: 0, over50: 0 };
  for (const m of mains) {
    const cpu = ev.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')).map((e) => (e.tdur ?? 0) / 1000);
    const maxMs = Math.max(0, ...cpu);
    if (maxMs > best.maxMs) best = { maxMs, over50: cpu.filter((c) => c > 50).length };
  }
  return best;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
