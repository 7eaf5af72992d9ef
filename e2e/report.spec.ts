/**
 * Reports from the studio, in real Chromium through the real workers: export
 * a report of a swept template, open it (charts, verdict, parameter table),
 * re-import it (same document); PNG and CSV exports; a hostile label stays
 * text in the studio and the report and runs nothing; a template with a fault
 * scenario exports its scenario section (blast radius, bands, each hit node's
 * charts, the breaker table; the scenario CSV columns and the fault-series
 * CSV), from a sweep or a single run.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { fmtPct, fmtRate } from '../workers/report/format';
import { ResultsPanel } from './pages/ResultsPanel';
import { StudioPage } from './pages/StudioPage';

test.describe.configure({ timeout: 180_000 });
const SHOTS = '/tmp/shots';
const XSS = '<img src=x onerror=alert(1)>';

async function exportFile(page: Page, item: string): Promise<{ path: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-menu').click();
  await page.getByTestId(item).click();
  const d = await download;
  // Saved under its own name, so a browser opens a .html file as HTML.
  const path = test.info().outputPath(d.suggestedFilename());
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

/** Opens a saved report as a file:// page; fails the test if any dialog opens or any request leaves the page. */
async function openReport(page: Page, path: string) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) requests.push(r.url());
  });
  await page.goto(`file://${path}`);
  return { dialogs, requests };
}

test('export a swept template as a report, read it, re-import it; PNG and CSV exports', async ({ page, context }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('retrieve-rank-rerank');
  await expect(studio.node('ranker')).toBeVisible();
  await results.setRun({ warmupSec: 0.5, durationSec: 3 });
  const original = await studio.exportDoc();
  await results.sweep(5);
  await results.run();
  await results.waitDone();
  await results.tab('capacity');
  await page.getByTestId('find-capacity').click();
  const studioVerdict = page.getByTestId('verdict');
  await expect(studioVerdict).toBeVisible({ timeout: 120_000 });
  const microCap = Number(await studioVerdict.getAttribute('data-micro'));
  const monoCap = Number(await studioVerdict.getAttribute('data-mono'));

  const report = await exportFile(page, 'export-report-html');
  expect(report.name).toBe('retrieve-rank-re-rank-recommender-report.html');
  const html = readFileSync(report.path, 'utf8');

  const view = await context.newPage();
  const { dialogs, requests } = await openReport(view, report.path);
  await expect(view.getByTestId('report-title')).toHaveText(original.name);
  for (const id of ['diagram', 'chart-latency', 'chart-throughput', 'chart-utilization', 'chart-distribution']) {
    await expect(view.getByTestId(id).locator('svg')).toBeVisible();
  }
  const verdict = view.getByTestId('verdict');
  await expect(verdict).toContainText(`the microservice design meets the SLO up to ${fmtRate(microCap)}`);
  await expect(verdict).toContainText(`the monolith up to ${fmtRate(monoCap)}`);
  // The studio's headline over the load curves is the report's verdict, word for word.
  await results.tab('curves');
  await expect(page.getByTestId('sweep-verdict').locator('.ls-verdict')).toHaveText((await verdict.textContent())!);
  const params = view.getByTestId('assumptions-nodes');
  await expect(params.locator('tr', { hasText: 'Ranking model (GPU)' })).toContainText('8×1');
  await expect(view.getByTestId('assumptions-run')).toContainText('3 s (warm-up 0.5 s excluded)');
  await expect(view.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(10);
  mkdirSync(SHOTS, { recursive: true });
  await view.setViewportSize({ width: 1100, height: 1400 });
  await view.screenshot({ path: `${SHOTS}/report-studio-top.png` });
  await view.getByTestId('chart-latency').scrollIntoViewIfNeeded();
  await view.screenshot({ path: `${SHOTS}/report-studio-charts.png` });
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);

  // Re-import the report: the same document comes back.
  await studio.openTemplate('mm1');
  await expect(studio.docName).toHaveValue('Classroom: one M/M/1 queue');
  await page.getByTestId('open-file-input').setInputFiles({ name: 'report.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(studio.docName).toHaveValue(original.name);
  expect(await studio.exportDoc()).toEqual(original);

  // Another document is open now: the capacity view says its figures are for the design as it was searched.
  await results.tab('capacity');
  await expect(page.getByTestId('capacity-stale')).toBeVisible();

  // The other exports still refer to the finished run.
  const csv = readFileSync((await exportFile(page, 'export-sweep-csv')).path, 'utf8').trimEnd().split('\r\n');
  expect(csv[0].split(',').slice(0, 3)).toEqual(['offered_per_sec', 'design', 'completed']);
  expect(csv.length).toBe(1 + 2 * 5);
  const nodes = readFileSync((await exportFile(page, 'export-nodes-csv')).path, 'utf8').trimEnd().split('\r\n');
  expect(nodes.length).toBe(1 + 5 * 2 * original.nodes.length);
  const png = readFileSync((await exportFile(page, 'export-canvas-png')).path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(5_000);
});

test('a label like <img src=x onerror=alert(1)> stays text in the studio and the report, and runs nothing', async ({ page, context }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const studio = new StudioPage(page);
  await studio.open();
  await studio.openTemplate('tandem');
  const first = studio.nodes.first();
  const id = (await first.getAttribute('data-id'))!;
  await studio.selectNode(id);
  await studio.setField('label', XSS);
  await expect(studio.node(id).getByTestId('node-label')).toHaveText(XSS);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  const report = await exportFile(page, 'export-report-html');
  const view = await context.newPage();
  const opened = await openReport(view, report.path);
  await expect(view.getByTestId('assumptions-nodes').getByRole('cell', { name: XSS, exact: true })).toBeVisible();
  await expect(view.getByTestId('diagram').locator('text', { hasText: '<img src=x' })).toHaveCount(1);
  await expect(view.locator('img')).toHaveCount(0);
  await view.screenshot({ path: `${SHOTS}/report-xss.png` });
  expect(opened.dialogs).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('a template with a fault scenario: the report has the scenario section with the studio’s blast radius and the event as bands; its charts export as PNG', async ({ page, context }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('ranker-gpu-loss');
  await results.sweep(2);
  await results.run();
  await results.waitDone();
  // The blast-radius card at the point the studio shows, which is the point the report details.
  await results.tab('timeseries');
  const card = page.getByTestId('resilience-card');
  await expect(card).toBeVisible();
  const availability = async (d: string) => Number(await card.locator(`tr[data-key=availability] td[data-key=${d}]`).getAttribute('data-value'));
  const studioAvailability = [await availability('microservices'), await availability('monolith')];
  const studioRecovery = [await page.getByTestId('recovery-microservices').textContent(), await page.getByTestId('recovery-monolith').textContent()];

  const report = await exportFile(page, 'export-report-html');
  const view = await context.newPage();
  const { dialogs, requests } = await openReport(view, report.path);
  const section = view.getByTestId('scenario-section');
  await expect(section.locator('h2')).toHaveText('Fault scenario');
  const event = view.getByTestId('scenario-events').locator('tbody tr');
  await expect(event).toHaveCount(1);
  await expect(event.locator('td')).toHaveText(['Crash', 'Ranking model (GPU)', '60 s', '60 s', '2 replicas down', '2 ranker GPUs lost']);
  const row = (name: string) => view.getByTestId('blast-radius').locator('tr', { hasText: name }).locator('td');
  await expect(row('Availability')).toHaveText(['Availability (succeeded / offered)', ...studioAvailability.map(fmtPct)]);
  await expect(row('Time to recover')).toHaveText(['Time to recover', ...studioRecovery.map((t) => t ?? '')]);
  await expect(view.getByTestId('scenario-recovery')).toContainText('Microservices: ');
  await expect(view.getByTestId('scenario-notes')).toContainText('ranker');
  for (const id of ['chart-scenario-throughput', 'chart-scenario-latency']) {
    const band = view.getByTestId(id).locator('g.band');
    await expect(band).toHaveCount(1);
    await expect(band).toContainText('2 ranker GPUs lost');
  }
  // The node the crash hits, as the studio's "One node through the scenario": its four series, each with the band.
  const ranker = view.locator('[data-testid=scenario-node-faults][data-node=ranker]');
  await expect(ranker.locator('h4')).toHaveText('Ranking model (GPU) through the scenario');
  const nodeCharts = ranker.getByTestId('chart-scenario-node');
  await expect(nodeCharts).toHaveCount(4);
  for (const series of ['utilization', 'queueLength', 'inFlight', 'errors']) {
    const chart = ranker.locator(`[data-series=${series}]`);
    await expect(chart.locator('g.band')).toHaveCount(1);
    await expect(chart.locator('svg.chart path[fill=none]')).toHaveCount(2);
  }
  // The template has no circuit breaker: no breaker table in the studio or the report.
  await expect(page.getByTestId('breaker-counts')).toHaveCount(0);
  await expect(view.getByTestId('breaker-counts')).toHaveCount(0);
  mkdirSync(SHOTS, { recursive: true });
  await view.setViewportSize({ width: 1100, height: 1400 });
  await section.screenshot({ path: `${SHOTS}/report-scenario.png` });
  await ranker.screenshot({ path: `${SHOTS}/report-scenario-node.png` });

  // The sweep CSV has the scenario's columns with the studio's availability; the fault series are a CSV of their own.
  const csv = readFileSync((await exportFile(page, 'export-sweep-csv')).path, 'utf8').trimEnd().split('\r\n').map((l) => l.split(','));
  const col = (name: string) => csv[0].indexOf(name);
  expect(csv[0].slice(-13, -8)).toEqual(['availability', 'goodput_per_sec', 'recovery_sec', 'recovered', 'rejected']);
  expect(csv[0].at(-1)).toBe('failed_breakerOpen');
  const rows = csv.slice(1).filter((r) => r[col('design')] === 'microservices');
  expect(rows.length).toBe(2);
  expect(rows.map((r) => Number(r[col('availability')]))).toContain(studioAvailability[0]);
  const series = readFileSync((await exportFile(page, 'export-fault-series-csv')).path, 'utf8').trimEnd().split('\r\n');
  expect(series[0]).toBe('offered_per_sec,design,node_id,node_label,window_start_sec,window_sec,utilization,queue_length,in_flight,failed_visits');
  // Two loads × two designs × six nodes × 60 windows of 4 s.
  expect(series.length).toBe(1 + 2 * 2 * 6 * 60);

  // Charts as PNG: the report's four charts, the scenario's two, and the ranker's three.
  const names: string[] = [];
  page.on('download', (d) => names.push(d.suggestedFilename()));
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-charts-png').click();
  await expect.poll(() => names.length).toBe(10);
  const prefix = names[0].replace(/latency\.png$/, '');
  expect(prefix).toMatch(/^ranker-.*-$/);
  expect(names.map((n) => (n.startsWith(prefix) ? n.slice(prefix.length) : n))).toEqual([
    'latency.png',
    'throughput.png',
    'utilisation.png',
    'distribution.png',
    'scenario-throughput.png',
    'scenario-latency.png',
    'scenario-ranker-utilization.png',
    'scenario-ranker-queue-length.png',
    'scenario-ranker-in-flight.png',
    'scenario-ranker-failed-visits.png',
  ]);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
});

test('a single run of the fault-scenario template: the report without a sweep has its scenario section', async ({ page, context }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('ranker-gpu-loss');
  await page.getByTestId('mode-single').check();
  await results.run();
  await results.waitDone();
  await expect(page.getByTestId('resilience-card')).toBeVisible();
  const studioRecovery = await page.getByTestId('recovery-microservices').textContent();
  const report = await exportFile(page, 'export-report-html');
  const view = await context.newPage();
  const { dialogs, requests } = await openReport(view, report.path);
  await expect(view.getByTestId('verdict')).toHaveText('No load test in this report: the design, its assumptions and one run of its fault scenario at 420 req/s (SLO p99 ≤ 150 ms).');
  await expect(view.getByTestId('blast-radius').locator('tr', { hasText: 'Time to recover' }).locator('td').nth(1)).toHaveText(studioRecovery ?? '');
  await expect(view.getByTestId('chart-scenario-latency').locator('g.band')).toHaveCount(1);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
});

test('the retry-storm template’s single run: the report’s breaker table is the studio’s', async ({ page, context }) => {
  const studio = new StudioPage(page);
  const results = new ResultsPanel(page);
  await studio.open();
  await studio.openTemplate('retry-storm-breaker');
  await page.getByTestId('mode-single').check();
  await results.run();
  await results.waitDone();
  const studioTable = page.getByTestId('breaker-counts');
  await expect(studioTable.locator('tbody tr')).toHaveCount(2);
  const studioRows = await studioTable.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
  const report = await exportFile(page, 'export-report-html');
  const view = await context.newPage();
  const { dialogs, requests } = await openReport(view, report.path);
  const rows = view.getByTestId('breaker-counts').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(view.getByTestId('breaker-counts').locator('thead th')).toHaveText(['Call', 'Count', 'Microservices', 'Monolith']);
  await expect(rows.nth(0).locator('td')).toHaveText(['Prediction gateway → Feature store', 'Opened (times)', ...(studioRows[0] as string[])]);
  await expect(rows.nth(1).locator('td')).toHaveText(['Prediction gateway → Feature store', 'Calls refused', ...(studioRows[1] as string[])]);
  // The hit node's charts: the feature store, with the slowdown's band.
  await expect(view.locator('[data-testid=scenario-node-faults][data-node=features] g.band')).toHaveCount(4);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
});
