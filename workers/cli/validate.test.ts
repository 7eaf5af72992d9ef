import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index';
import { runCli, tempDir } from './testing';

const ROOT = resolve(__dirname, '../..');
const dir = tempDir('loadsketch-validate-');
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const templateFile = (id: string) => join(ROOT, 'workers/templates', `${id}.json`);

const broken = file(
  'broken.json',
  JSON.stringify({
    format: 'loadsketch',
    version: 1,
    nodes: [{ id: 'a', kind: 'service', replicas: 0 }, { id: 'b', kind: 'lambda' }],
    edges: [{ id: 'e', source: 'a', target: 'ghost' }],
    workload: { entry: 'a', ratePerSec: 1e12 },
  }),
);
const notJson = file('not-json.json', '{"format": "loadsketch", nodes: [');
const missing = join(dir, 'no-such-file.json');

const run = runCli;

describe('loadsketch validate (in process)', () => {
  it.each(TEMPLATES.map((t) => t.id))('prints ok and a summary for template %s, exit 0', async (id) => {
    const r = await run(['validate', templateFile(id)]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^ok {2}.+: \d+ nodes?.*, \d+ edges?.*; [\d.]+ req\/s (poisson|constant|bursty) at \S+(, profile of \d+ points)?; \d+ s run, seed \d+\n$/);
  });

  it('summarizes the Netflix template exactly', async () => {
    const r = await run(['validate', templateFile('netflix')]);
    expect(r.out).toBe(
      'ok  Netflix recommender (online, nearline, offline): 11 nodes (4 offline), 13 edges (7 async); 1000 req/s poisson at gateway; 60 s run, seed 1\n',
    );
  });

  it('lists every problem of a broken file with its path, exit 1', async () => {
    const r = await run(['validate', broken]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe(`${broken}: 3 problems`);
    expect(lines.slice(1)).toEqual([
      '  nodes[0].replicas: Node "a": replicas must be a whole number from 1 to 10000 (got 0)',
      expect.stringMatching(/^ {2}nodes\[1\]\.kind: Node "b": kind must be one of "gateway", .* \(got "lambda"\)$/),
      '  workload.ratePerSec: workload.ratePerSec must be greater than 0 and at most 1000000 (got 1000000000000)',
    ]);
  });

  it('reports a missing file, a directory and a non-JSON file as unreadable, exit 2', async () => {
    expect(await run(['validate', missing])).toEqual({ code: 2, out: '', err: `cannot read ${missing}: no such file\n` });
    expect(await run(['validate', dir])).toEqual({ code: 2, out: '', err: `cannot read ${dir}: it is a directory\n` });
    const r = await run(['validate', notJson]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^cannot read ${notJson.replace(/[.\\/]/g, '\\$&')}: not valid JSON \\(.+\\)\\n$`));
  });

  it('exits 64 on bad usage', async () => {
    expect((await run(['validate'])).code).toBe(64);
    expect((await run(['validate', 'a.json', 'b.json'])).code).toBe(64);
  });
});

function spawnCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/loadsketch.mjs'), ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

describe('loadsketch validate (real process: node bin/loadsketch.mjs)', () => {
  it('exit codes 0 / 1 / 2 on every template, a broken file, a non-JSON file and a missing file', async () => {
    const cases = [
      ...TEMPLATES.map((t) => ({ path: templateFile(t.id), code: 0 })),
      { path: broken, code: 1 },
      { path: notJson, code: 2 },
      { path: missing, code: 2 },
    ];
    // Two at a time: each process loads tsx, and the machine has two cores shared by every test.
    const results: Awaited<ReturnType<typeof spawnCli>>[] = [];
    for (let i = 0; i < cases.length; i += 2) {
      results.push(...(await Promise.all(cases.slice(i, i + 2).map((c) => spawnCli(['validate', c.path])))));
    }
    results.forEach((r, i) => {
      expect({ path: cases[i].path, code: r.code }).toEqual({ path: cases[i].path, code: cases[i].code });
      if (cases[i].code === 0) {
        expect(r.stdout).toMatch(/^ok {2}\S/);
        expect(r.stderr).toBe('');
      } else {
        expect(r.stdout).toBe('');
        expect(r.stderr.length).toBeGreaterThan(0);
      }
    });
    expect(results[0].stdout).toContain('Netflix recommender');
    expect(results[TEMPLATES.length].stderr).toContain('nodes[0].replicas: Node "a": replicas must be a whole number');
  }, 180_000);
});

describe('help and version', () => {
  const cli = (...argv: string[]) => runCli(argv);
  it('--version prints package.json\'s version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const flag of ['--version', '-V', 'version']) {
      const r = await cli(flag);
      expect(r).toMatchObject({ code: 0, out: `loadsketch ${pkg.version}\n`, err: '' });
    }
  });

  it.each(['validate', 'run', 'sweep', 'report'])('help %s and %s --help print its usage, options and examples, not a file error', async (name) => {
    const a = await cli('help', name);
    const b = await cli(name, '--help');
    const c = await cli(name, 'some.json', '-h');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(new RegExp(`^usage: loadsketch ${name} `));
    expect(a.out).toMatch(/\nexamples:\n {2}loadsketch /);
    if (name !== 'validate') expect(a.out).toMatch(/\noptions:\n/);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('an unknown help topic exits 64; a usage error points at the command\'s help', async () => {
    expect((await cli('help', 'nope')).code).toBe(64);
    const r = await cli('run', 'x.json', '--speed', '3');
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/loadsketch help run for usage and examples/);
  });
});
