import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocumentFromReport } from '../report/extract';
import { loadTemplate } from '../templates';
import { runCli, tempDir } from './testing';
import { parseReportArgs } from './report';

const ROOT = resolve(__dirname, '../..');
const dir = tempDir('loadsketch-report-');
const tandem = join(ROOT, 'workers/templates/tandem.json');

const run = runCli;

describe('loadsketch report (in process)', () => {
  it('writes a report with the sweep, the verdict and the embedded document; progress on stderr', async () => {
    const out = join(dir, 'tandem.html');
    const r = await run(['report', tandem, '-o', out, '--steps', '3', '--duration', '4', '--seed', '5']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^sweep 1\/3: .* req\/s\nsweep 2\/3: .*\nsweep 3\/3: .*\n(capacity search \d+: .* req\/s\n)+wrote .*tandem\.html\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-testid="verdict"');
    expect(html).toContain('4 s per run, seed 5, 1 replication');
    const back = extractDocumentFromReport(html);
    expect(back.ok && back.doc).toEqual(loadTemplate('tandem'));
    const firstRate = r.err.match(/^sweep 1\/3: (.* req\/s)/)![1];
    expect(html).toContain(`<td class="nw">${firstRate}</td><td class="nw">Microservices</td>`);
  });

  it('parses options and rejects bad usage with exit 64', async () => {
    expect(parseReportArgs(['f.json', '-o', 'r.html', '--pdf', 'r.pdf', '--steps', '4', '--duration', '6', '--seed', '9', '--replications', '2'])).toEqual({
      file: 'f.json',
      out: 'r.html',
      pdf: 'r.pdf',
      steps: 4,
      run: { durationSec: 6, warmupSec: 0.6, seed: 9, replications: 2 },
    });
    for (const bad of [[tandem], [tandem, '-o'], [tandem, '-o', 'x.html', '--steps', 'two'], [tandem, '-o', 'x.html', '--seed', '1.5'], [tandem, '-o', 'x.html', '--bogus'], [tandem, '-o', 'x.html', '--pdf']]) {
      const r = await run(['report', ...bad]);
      expect({ bad, code: r.code }).toEqual({ bad, code: 64 });
      expect(r.err).toMatch(/^loadsketch report: /);
    }
  });

  it('exits 1 on an invalid document and 2 on a missing file, writing nothing', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: 'loadsketch', version: 1, nodes: [{ id: 'a', kind: 'service', replicas: 0 }], workload: { entry: 'a' } }));
    const out = join(dir, 'never.html');
    expect((await run(['report', broken, '-o', out])).code).toBe(1);
    expect((await run(['report', join(dir, 'missing.json'), '-o', out])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

function spawnCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/loadsketch.mjs'), ...args], { cwd: ROOT, env }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
    });
  });
}

const chromium = process.env.LOADSKETCH_CHROMIUM ?? '/usr/bin/chromium';

describe('loadsketch report --pdf (real process: node bin/loadsketch.mjs)', () => {
  it.skipIf(!existsSync(chromium))('writes the HTML and a PDF with pages', async () => {
    const html = join(dir, 'mm1.html');
    const pdf = join(dir, 'mm1.pdf');
    const r = await spawnCli(['report', join(ROOT, 'workers/templates/mm1.json'), '-o', html, '--pdf', pdf, '--steps', '3', '--duration', '3']);
    expect(r.stderr).toContain(`wrote ${pdf}`);
    expect(r.code).toBe(0);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(readFileSync(html, 'utf8')).toContain('Classroom: one M/M/1 queue');
  });

  it('says clearly when there is no Chromium, exit 3, the HTML still written', async () => {
    const html = join(dir, 'nochrome.html');
    const r = await spawnCli(['report', join(ROOT, 'workers/templates/mm1.json'), '-o', html, '--pdf', join(dir, 'x.pdf'), '--steps', '1', '--duration', '1'], {
      ...process.env,
      LOADSKETCH_CHROMIUM: join(dir, 'no-chromium-here'),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write the PDF: no Chromium at .*no-chromium-here: install Chromium/);
    expect(existsSync(html)).toBe(true);
  });
});
