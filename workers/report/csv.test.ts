import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates';
import { csvCell, NODES_CSV_COLUMNS, nodesCsv, SWEEP_CSV_COLUMNS, sweepCsv } from './csv';
import type { ReportInput } from './model';
import { smallReportInput } from './testing';

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
