/**
 * Load tests in the browser through the REAL workers (no mocks): a sweep of
 * the retrieve → rank → re-rank template matches `loadsketch sweep` on the
 * exported file exactly, with 1 and 4 workers; cancel; the bottleneck moves;
 * a worker that fails to load is an error and the pool recovers.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ResultsPanel, type TableRow } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

const TEMPLATE = 'retrieve-rank-rerank';
const STEPS = 5;
const RUN = { warmupSec: 0.5, durationSec: 2.5, seed: 4242, replications: 2 };

test.describe.configure({ timeout: 180_000 });

async function openTemplate(page: Page, workers?: number) {
  if (workers !== undefined) {
    // The pool leaves one core to the page: n workers on n + 1 cores.
    await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n + 1 }), workers);
  }
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate(TEMPLATE);
  await expect(studio.node('ranker')).toBeVisible();
  return { studio, results: new ResultsPanel(page) };
}

interface CliDesign {
  endToEnd: Record<string, number | null>;
}
interface CliPoint {
  ratePerSec: number;
  microservices: CliDesign;
  monolith: CliDesign;
  analytic: { microservices: { meanMs: number | null }; monolith: { meanMs: number | null } };
}

function cliSweep(docText: string, steps: number): CliPoint[] {
  const file = test.info().outputPath('doc.json');
  writeFileSync(file, docText);
  const out = execFileSync('node', ['bin/loadsketch.mjs', 'sweep', file, '--steps', String(steps), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out).points;
}

const FIELDS = { mean: 'meanMs', p50: 'p50Ms', p95: 'p95Ms', p99: 'p99Ms' } as const;

/**
 * Same numbers as the CLI, bit for bit: the engine's own log/exp
 * (workers/engine/detmath.ts) make Chromium's V8 and Node's V8 agree.
 * Returns the values that differ (none expected).
 */
function expectSameAsCli(ui: TableRow[], cli: CliPoint[]): string[] {
  expect(ui.map((r) => r.ratePerSec)).toEqual(cli.map((p) => p.ratePerSec));
  const inexact: string[] = [];
  const same = (got: number | null | undefined, want: number | null, what: string) => {
    if (got !== want) inexact.push(`${what}: ${got} vs CLI ${want}`);
  };
  ui.forEach((row, i) => {
    for (const d of ['microservices', 'monolith'] as const) {
      for (const [p, f] of Object.entries(FIELDS)) same(row[`${d}_${p}`], cli[i][d].endToEnd[f], `${d} ${p} at ${row.ratePerSec} req/s`);
      same(row[`${d}_analytic`], cli[i].analytic[d].meanMs, `${d} analytic mean at ${row.ratePerSec} req/s`);
    }
  });
  return inexact;
}

test('a sweep shows both designs and matches `loadsketch sweep` exactly, with 1 and with 4 workers', async ({ browser }) => {
  const tables: TableRow[][] = [];
  let docText = '';
  for (const workers of [1, 4]) {
    const page = await browser.newPage();
    const { studio, results } = await openTemplate(page, workers);
    await results.setRun(RUN);
    await results.sweep(STEPS);
    await results.run();
    await results.waitDone();
    // Workers actually used: the pool's plus the document checker.
    expect(page.workers().filter((w) => /sim\.worker/.test(w.url())).length).toBe(workers + 1);
    await expect(results.progress).toHaveAttribute('data-points-done', String(STEPS));
    const latency = page.getByTestId('chart-latency');
    await expect(latency).toBeVisible();
    // Both designs' curves (mean and p99 by default, plus the analytic mean): 6 lines with a path each.
    await expect(latency.locator('.recharts-line path.recharts-curve')).toHaveCount(6);
    await expect(page.getByTestId('chart-throughput').locator('.recharts-line path.recharts-curve')).toHaveCount(2);
    tables.push(await results.table('chart-latency'));
    const thr = await results.table('chart-throughput');
    expect(thr).toHaveLength(STEPS);
    if (!docText) docText = await studio.exportText();
    await page.close();
  }
  expect(tables[1]).toEqual(tables[0]);
  const doc = JSON.parse(docText);
  expect(doc.run).toMatchObject(RUN);
  const inexact = expectSameAsCli(tables[0], cliSweep(docText, STEPS));
  test.info().annotations.push({ type: 'cli-match', description: `${STEPS * 10 - inexact.length}/${STEPS * 10} values bit-identical to the CLI; ${inexact.join('; ') || 'all exact'}` });
  console.log(`CLI match: ${STEPS * 10 - inexact.length}/${STEPS * 10} bit-identical${inexact.length ? `; last-bit differences: ${inexact.join('; ')}` : ''}`);
  expect(inexact, 'values not bit-identical to the CLI').toEqual([]);
  // Replicated: the table shows confidence intervals.
  expect(tables[0].length).toBe(STEPS);
});

test('cancel stops a sweep at once; the UI stays usable and the next run works', async ({ page }) => {
  const { results } = await openTemplate(page);
  await results.setRun({ warmupSec: 1, durationSec: 30, replications: 1 });
  await results.sweep(12);
  await results.run();
  // Ctrl+Enter during a run does not restart it: it says a run is going.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('toast')).toContainText('A run is already going');
  await expect.poll(() => results.pointsDone(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await results.cancelButton.click();
  await expect(results.status).toHaveAttribute('data-status', 'cancelled');
  const done = await results.pointsDone();
  expect(done).toBeLessThan(12);
  await expect(page.getByTestId('progress-text')).toContainText('cancelled');
  await page.waitForTimeout(1500);
  expect(await results.pointsDone()).toBe(done);
  await expect(results.runButton).toBeEnabled();
  await expect(results.cancelButton).toBeDisabled();
  // The completed points are still charted.
  await expect(page.getByTestId('chart-latency')).toBeVisible();
  await results.setRun({ warmupSec: 0.2, durationSec: 1.5 });
  await results.sweep(3);
  // Keyboard: Ctrl+Enter runs, also from the field being typed in.
  await page.getByTestId('run-form-steps').press('Control+Enter');
  await results.waitDone();
  await expect(results.progress).toHaveAttribute('data-points-done', '3');
});

test('the bottleneck is named and coloured, and moves when its replicas grow', async ({ page }) => {
  const { studio, results } = await openTemplate(page);
  await results.setRun({ warmupSec: 0.3, durationSec: 2, replications: 1 });
  await results.sweep(4);
  await results.run();
  await results.waitDone();
  await results.tab('nodes');
  await expect(results.bottleneck).toHaveAttribute('data-node-id', 'ranker');
  await expect(results.bottleneck).toContainText('Ranking model');
  // The canvas colours the node by its utilisation, with a legend.
  const util = Number(await studio.node('ranker').getByTestId('node-util').getAttribute('data-value'));
  expect(util).toBeGreaterThan(0.5);
  await expect(page.getByTestId('canvas').getByTestId('util-legend')).toBeVisible();
  await studio.selectNode('ranker');
  await studio.setField('replicas', '40');
  await results.run();
  await results.waitDone();
  const moved = await results.bottleneck.getAttribute('data-node-id');
  expect(moved).not.toBe('ranker');
  expect(moved).toBeTruthy();
});

test('a worker that fails to load is shown as an error without hanging; the next run works', async ({ page }) => {
  const { results } = await openTemplate(page);
  await results.setRun({ warmupSec: 0.2, durationSec: 1, replications: 1 });
  await results.sweep(3);
  await page.route('**/sim.worker*', (route) => route.abort());
  await results.runButton.click();
  await expect(results.status).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
  await expect(results.error).toContainText('simulation worker stopped');
  await expect(results.runButton).toBeEnabled();
  await page.unroute('**/sim.worker*');
  await results.run();
  await results.waitDone();
  await expect(results.error).toHaveCount(0);
});
