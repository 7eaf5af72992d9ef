import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../engine/parse';
import { runCli, tempDir } from './testing';

const ROOT = resolve(__dirname, '../..');
const fixture = (name: string) => join(ROOT, 'workers/interop/fixtures', name);
const dir = tempDir('loadsketch-interop-');

describe('loadsketch import', () => {
  it('imports a Mermaid file to a valid document, warnings on stderr', async () => {
    const out = join(dir, 'm.json');
    const r = await runCli(['import', fixture('recommender.mmd'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: line 17: not understood, skipped');
    expect(r.err).toContain(`wrote ${out}: 10 nodes, 9 calls (from mermaid)`);
    const parsed = parseTopology(JSON.parse(readFileSync(out, 'utf8')));
    expect(parsed.ok).toBe(true);
  });

  it('imports page 2 of the draw.io file with --page 2, and names the pages', async () => {
    const r = await runCli(['import', fixture('recommender.drawio'), '--page', '2']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('read page 2 of 2: 1. Online path, 2. Nearline');
    expect(JSON.parse(r.out).nodes.map((n: { label: string }) => n.label)).toEqual(['Nearline Flink', 'Cassandra']);
  });

  it('imports traces and prints the fit report', async () => {
    const r = await runCli(['import', fixture('traces/shop.otlp.json'), '--from', 'otlp']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/300 traces, \d+ spans; entry rate [\d.]+ req\/s/);
    expect(r.err).toMatch(/ranking-model\s+300\s/);
  });

  it('refuses a file of the wrong format with a clear message and exit 1', async () => {
    const bad = join(dir, 'bad.mmd');
    writeFileSync(bad, 'sequenceDiagram\n A->>B: hi');
    const r = await runCli(['import', bad, '--from', 'mermaid']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${bad}: Mermaid: line 1: a Mermaid flowchart starts with "flowchart LR" or "graph TD" (found "sequenceDiagram")\n`);
  });

  it.each([
    [['import'], /usage: loadsketch import FILE/],
    [['import', 'x', '--from', 'visio'], /--from must be one of mermaid, drawio, otlp, jaeger/],
    [['import', 'x', '--page', '0'], /--page needs a page number from 1/],
    [['export', 'x', '--to', 'pdf'], /--to must be k6 or mermaid/],
  ])('usage error %#', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(message);
  });
});

describe('loadsketch export', () => {
  it('writes a k6 script to stdout and a Mermaid file with -o', async () => {
    const mm1 = join(ROOT, 'workers/templates/mm1.json');
    const k6 = await runCli(['export', mm1, '--to', 'k6']);
    expect(k6.code).toBe(0);
    expect(k6.out).toContain("import http from 'k6/http';");
    const out = join(dir, 'mm1.mmd');
    const m = await runCli(['export', mm1, '--to', 'mermaid', '-o', out]);
    expect(m.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^flowchart LR\n/);
  });
});
