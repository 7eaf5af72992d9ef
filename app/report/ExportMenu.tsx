/** The Export menu: report (HTML, PDF through print), PNG of the canvas and the charts, CSV of every number. */
import { buildReportHtml } from '../../workers/report/buildReport';
import { faultSeriesCsv, hasFaultSeriesCsv, nodesCsv, sweepCsv } from '../../workers/report/csv';
import { detailPoint, simulatedBottleneck } from '../../workers/report/model';
import { distributionChart, latencyChart, throughputChart, utilizationChart } from '../../workers/report/reportCharts';
import { scenarioCharts } from '../../workers/report/scenarioSection';
import { Menu, MenuGroupLabel, MenuItem } from '../shell/Menu';
import type { AppStore } from '../store';
import { useAppStoreApi } from '../store/react';
import { downloadDataUrl, downloadText, nowText, slug } from './download';
import { canvasPng, svgPng } from './images';
import { printReportHtml } from './printReport';
import { finishedSweep, reportInputFromState } from './reportInput';

function reportHtml(store: AppStore): string {
  const { input, notes } = reportInputFromState(store.getState(), nowText());
  if (notes.length) store.getState().showToast(notes.join(' '));
  return buildReportHtml(input);
}

/** Runs an export; a failure becomes a toast, never an unhandled rejection. */
function attempt(store: AppStore, what: string, action: () => void | Promise<void>) {
  Promise.resolve()
    .then(action)
    .catch((err: unknown) => store.getState().showToast(`${what} failed: ${err instanceof Error ? err.message : String(err)}`));
}

async function chartPngs(store: AppStore): Promise<void> {
  const s = store.getState();
  const sweep = finishedSweep(s);
  if (!sweep || !s.run) {
    s.showToast('Run a load sweep first: the charts come from its results.');
    return;
  }
  const doc = s.run.doc;
  const { input } = reportInputFromState(s, '');
  const point = detailPoint(sweep, input.detailRatePerSec)!;
  const charts: [string, string][] = [
    ['latency', latencyChart(sweep, doc.slo)],
    ['throughput', throughputChart(sweep)],
    ['utilisation', utilizationChart(doc, point, simulatedBottleneck(doc, point)?.id ?? null)],
    ['distribution', distributionChart(point)],
    ...scenarioCharts(doc, point).map((c): [string, string] => [c.name, c.svg]),
  ];
  for (const [name, svg] of charts) await downloadDataUrl(await svgPng(svg), `${slug(doc.name)}-${name}.png`);
}

export function ExportMenu() {
  const store = useAppStoreApi();
  const name = () => slug(store.getState().doc.name);
  const csv = (kind: 'sweep' | 'nodes' | 'fault-series') => {
    const s = store.getState();
    const sweep = finishedSweep(s);
    if (!sweep || !s.run) return s.showToast('Run a load sweep first: the CSV holds its results.');
    if (kind === 'fault-series' && !hasFaultSeriesCsv(s.run.doc, sweep)) return s.showToast('This run has no fault scenario: add events on the Scenario tab and run it for per-node fault series.');
    const text = kind === 'sweep' ? sweepCsv(sweep) : kind === 'nodes' ? nodesCsv(s.run.doc, sweep) : faultSeriesCsv(s.run.doc, sweep);
    downloadText(text, `${slug(s.run.doc.name)}-${kind}.csv`, 'text/csv');
  };
  const item = (label: string, testId: string, action: () => void | Promise<void>) => (
    <MenuItem testId={testId} onSelect={() => attempt(store, label, action)}>
      {label}
    </MenuItem>
  );
  return (
    <Menu label="Export" testId="export-menu">
      {item('Report (HTML)', 'export-report-html', () => downloadText(reportHtml(store), `${name()}-report.html`, 'text/html'))}
      {item('Report as PDF (print)…', 'export-report-pdf', () => void printReportHtml(reportHtml(store)))}
      <MenuGroupLabel>Images</MenuGroupLabel>
      {item('Canvas as PNG', 'export-canvas-png', async () => downloadDataUrl(await canvasPng(), `${name()}-canvas.png`))}
      {item('Charts as PNG', 'export-charts-png', () => chartPngs(store))}
      <MenuGroupLabel>Data</MenuGroupLabel>
      {item('Sweep points (CSV)', 'export-sweep-csv', () => csv('sweep'))}
      {item('Per-node figures (CSV)', 'export-nodes-csv', () => csv('nodes'))}
      {item('Per-node fault series (CSV)', 'export-fault-series-csv', () => csv('fault-series'))}
    </Menu>
  );
}
