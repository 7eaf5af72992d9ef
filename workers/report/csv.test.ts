import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/results';
import { runPoint } from '../engine/run';
import { loadTemplate } from '../templates';
import { FAILURE_CAUSES } from './blastRadius';
import {
  csvCell,
  FAULT_SERIES_CSV_COLUMNS,
  faultSeriesCsv,
  hasFaultSeriesCsv,
  NODES_CSV_COLUMNS,
  nodesCsv,
  SCENARIO_CSV_COLUMNS,
  SWEEP_CSV_COLUMNS,
  sweepCsv,
} from './csv';
import type { ReportInput } from './model';
import { shortRankerGpuLoss, smallReportInput } from './testing';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A minimal RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (q && c === '"') q = false;
    else if (q) cell += c;
    else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV exports', () => {
  let input: ReportInput;
  beforeAll(async () => {
    const doc = loadTemplate('tandem');
    doc.nodes[0].label = '=HYPERLINK("http://x"), "quoted"';
    input = await smallReportInput(doc, 3, 3);
  });

  it('sweep CSV: one row per point and design, numbers in full precision', () => {
    const rows = parseCsv(sweepCsv(input.sweep!));
    expect(rows[0]).toEqual(SWEEP_CSV_COLUMNS);
    expect(rows.length).toBe(1 + 2 * input.sweep!.points.length);
    const col = (name: string) => SWEEP_CSV_COLUMNS.indexOf(name);
    input.sweep!.points.forEach((p, i) => {
      const micro = rows[1 + 2 * i];
      const mono = rows[2 + 2 * i];
      expect(micro[col('design')]).toBe('microservices');
      expect(mono[col('design')]).toBe('monolith');
      expect(Number(micro[col('offered_per_sec')])).toBe(p.ratePerSec);
      expect(Number(micro[col('p99_ms')])).toBe(p.microservices.endToEnd.p99Ms);
      expect(Number(mono[col('mean_ms')])).toBe(p.monolith.endToEnd.meanMs);
      expect(Number(micro[col('throughput_per_sec')])).toBe(p.microservices.endToEnd.throughputPerSec);
      expect(micro[col('saturated')]).toBe(String(p.microservices.saturated));
    });
  });

  it('per-node CSV: every node of both designs at every point, with the analytic prediction', () => {
    const rows = parseCsv(nodesCsv(input.doc, input.sweep!));
    expect(rows[0]).toEqual(NODES_CSV_COLUMNS);
    const n = input.doc.nodes.length;
    expect(rows.length).toBe(1 + input.sweep!.points.length * 2 * n);
    const p = input.sweep!.points[1];
    const row = rows.find((r) => Number(r[0]) === p.ratePerSec && r[1] === 'monolith' && r[2] === input.doc.nodes[1].id)!;
    const sim = p.monolith.nodes.find((x) => x.id === input.doc.nodes[1].id)!;
    expect(Number(row[NODES_CSV_COLUMNS.indexOf('utilization')])).toBe(sim.utilization);
    expect(Number(row[NODES_CSV_COLUMNS.indexOf('mean_wait_ms')])).toBe(sim.meanWaitMs);
    const first = rows.find((r) => r[2] === input.doc.nodes[0].id)!;
    expect(first[3]).toBe(`'${input.doc.nodes[0].label}`);
  });

  it('quotes commas, quotes and newlines; defuses formulas; leaves non-finite numbers empty', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-3')).toBe("'-3");
    // Behind a space, a non-breaking space, an ideographic space, or in full width: still a formula to a spreadsheet.
    for (const v of [' =1+1', '\u00a0=1+1', '\u3000@SUM(A1)', '\uff1d1+1', ' \uff0b1', '\t=1']) expect(csvCell(v).startsWith("'"), JSON.stringify(v)).toBe(true);
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
  });
});

describe('CSV exports of a fault scenario', () => {
  let input: ReportInput;
  let storm: RunResult;
  beforeAll(async () => {
    input = await smallReportInput(shortRankerGpuLoss(), 2, 40);
    storm = runPoint(loadTemplate('retry-storm-breaker'), {});
  });

  it('sweep CSV: the scenario columns after the others, each design’s own figures', () => {
    const rows = parseCsv(sweepCsv(input.sweep!));
    const head = [...SWEEP_CSV_COLUMNS, ...SCENARIO_CSV_COLUMNS];
    expect(rows[0]).toEqual(head);
    expect(SCENARIO_CSV_COLUMNS).toEqual(['availability', 'goodput_per_sec', 'recovery_sec', 'recovered', 'rejected', ...FAILURE_CAUSES.map(([k]) => `failed_${k}`)]);
    const col = (name: string) => head.indexOf(name);
    input.sweep!.points.forEach((p, i) => {
      for (const [j, d] of (['microservices', 'monolith'] as const).entries()) {
        const row = rows[1 + 2 * i + j];
        const r = p[d];
        expect(row.length).toBe(head.length);
        expect(Number(row[col('availability')])).toBe(r.availability);
        expect(Number(row[col('goodput_per_sec')])).toBe(r.goodputPerSec);
        expect(row[col('recovered')]).toBe(String(r.recovered));
        expect(row[col('recovery_sec')]).toBe(r.recoverySec === null || r.recoverySec === undefined ? '' : String(r.recoverySec));
        expect(Number(row[col('rejected')])).toBe(r.endToEnd.rejected ?? 0);
        for (const [k] of FAILURE_CAUSES) expect(Number(row[col(`failed_${k}`)])).toBe(r.endToEnd.errorsByCause?.[k] ?? 0);
      }
    });
    // The crash fails requests in both designs (the equal-budget monolith loses its machine).
    expect(Number(rows[2][col('failed_crash')])).toBeGreaterThan(0);
  });

  it('sweep CSV of the retry storm: the calls the breaker refused are its failures by cause', () => {
    const rows = parseCsv(sweepCsv({ points: [storm] }));
    const head = rows[0];
    const micro = rows[1];
    expect(Number(micro[head.indexOf('failed_breakerOpen')])).toBe(storm.microservices.endToEnd.errorsByCause!.breakerOpen);
    expect(Number(micro[head.indexOf('failed_breakerOpen')])).toBeGreaterThan(0);
    expect(Number(micro[head.indexOf('recovery_sec')])).toBe(storm.microservices.recoverySec);
  });

  it('fault-series CSV: every window of every node with series, both designs, at every load', () => {
    expect(hasFaultSeriesCsv(input.doc, input.sweep!)).toBe(true);
    const rows = parseCsv(faultSeriesCsv(input.doc, input.sweep!));
    expect(rows[0]).toEqual(FAULT_SERIES_CSV_COLUMNS);
    const p = input.sweep!.points[0];
    const windows = p.microservices.timeSeries.startSec.length;
    expect(windows).toBe(40 / p.microservices.timeSeries.windowSec);
    expect(rows.length).toBe(1 + input.sweep!.points.length * 2 * input.doc.nodes.length * windows);
    const col = (name: string) => FAULT_SERIES_CSV_COLUMNS.indexOf(name);
    const s = p.monolith.nodes.find((n) => n.id === 'ranker')!.faultSeries!;
    const mine = rows.filter((r) => Number(r[0]) === p.ratePerSec && r[1] === 'monolith' && r[2] === 'ranker');
    expect(mine.length).toBe(windows);
    mine.forEach((r, k) => {
      expect(r[col('node_label')]).toBe('Ranking model (GPU)');
      expect(Number(r[col('window_start_sec')])).toBe(p.monolith.timeSeries.startSec[k]);
      expect(Number(r[col('utilization')])).toBe(s.utilization[k]);
      expect(Number(r[col('queue_length')])).toBe(s.queueLength[k]);
      expect(Number(r[col('failed_visits')])).toBe(s.errors[k]);
    });
    expect(mine.some((r) => Number(r[col('failed_visits')]) > 0)).toBe(true);
  });
});

describe('CSV exports without a scenario', () => {
  it('are byte-identical to the exports made before the scenario columns existed', async () => {
    // SHA-256 of the tandem CSVs (3 loads, 3 s runs), taken with csv.ts as it was before the scenario columns.
    const input = await smallReportInput(loadTemplate('tandem'), 3, 3);
    expect(sha256(sweepCsv(input.sweep!))).toBe('900af07e149b87f126a1ebc7ca31f78ecbdb4e338d5586fe10cb6b849113e4eb');
    expect(sha256(nodesCsv(input.doc, input.sweep!))).toBe('d91275ccd89949e620bd8fdeb31f2606541bd2844e12026e1f3bcbc0b0e0ff63');
    expect(hasFaultSeriesCsv(input.doc, input.sweep!)).toBe(false);
    expect(faultSeriesCsv(input.doc, input.sweep!)).toBe(`${FAULT_SERIES_CSV_COLUMNS.join(',')}\r\n`);
  });
});
