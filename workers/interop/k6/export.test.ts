import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/analytic';
import { parseTopology } from '../../engine/parse';
import { sweepRates } from '../../engine/sweep';
import { loadTemplate } from '../../templates';
import { exportK6 } from './export';

const dir = mkdtempSync(join(tmpdir(), 'loadsketch-k6-'));

function nodeCheck(script: string, name: string): void {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, script);
  execFileSync(process.execPath, ['--check', file]);
}

describe('k6 export', () => {
  it.each(['netflix', 'mm1', 'tfx-serving'])('%s: passes node --check; rates are the sweep up to the knee; thresholds are the SLO', (id) => {
    const doc = loadTemplate(id);
    const { script, ratesPerSec, options } = exportK6(doc);
    nodeCheck(script, id);
    const knee = analyze(doc).saturationRatePerSec ?? Number.POSITIVE_INFINITY;
    expect(ratesPerSec).toEqual(sweepRates(doc).filter((r) => r <= knee));
    expect(ratesPerSec.length).toBeGreaterThan(1);
    const scenario = (options.scenarios as Record<string, { executor: string; timeUnit: string; stages: { target: number }[] }>).loadsketch_sweep;
    expect(scenario.executor).toBe('ramping-arrival-rate');
    const perUnit = scenario.timeUnit === '1m' ? 60 : 1;
    expect(scenario.timeUnit).toBe(ratesPerSec.every(Number.isInteger) ? '1s' : '1m');
    expect(scenario.stages.filter((_, i) => i % 2 === 1).map((s) => s.target)).toEqual(ratesPerSec.map((r) => Math.round(r * perUnit)));
    const stat = doc.slo.percentile === 'mean' ? 'avg' : `p(${doc.slo.percentile.slice(1)})`;
    expect((options.thresholds as Record<string, string[]>).http_req_duration).toEqual([`${stat}<${doc.slo.thresholdMs}`]);
    expect(script).toContain(`export const options = ${JSON.stringify(options, null, 2)};`);
    expect(script).toMatch(/const BASE_URL = __ENV\.BASE_URL \|\| 'http:\/\/localhost:8080'; \/\/ FILL IN/);
  });

  it('writes one constant-arrival-rate scenario for one rate, per minute when the rate is not whole', () => {
    const { options } = exportK6(loadTemplate('mm1'), { ratesPerSec: [2.5] });
    expect(options.scenarios).toEqual({
      loadsketch_sweep: { executor: 'constant-arrival-rate', rate: 150, timeUnit: '1m', duration: '60s', preAllocatedVUs: 10, maxVUs: 40 },
    });
  });

  it('keeps a hostile design name inside comments and strings', () => {
    const base = loadTemplate('mm1');
    const r = parseTopology({ ...base, name: 'x\u2028alert(1)\n*/ process.exit(1) //\'"`$' + '{1}`' });
    if (!r.ok) throw new Error('bad doc');
    const { script } = exportK6(r.doc);
    nodeCheck(script, 'hostile');
    expect(script).not.toContain('\nalert(1)');
    expect(script).not.toContain('\u2028');
  });
});
