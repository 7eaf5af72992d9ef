/**
 * The report's fault-scenario section, from a real run of the ranker-gpu-loss template (shortened): the events,
 * the bands on the time-series charts, the blast radius of both designs and the recovery in words; and reports
 * of documents without a scenario, unchanged byte for byte.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTopology } from '../engine/parse';
import type { RunResult } from '../engine/results';
import { loadTemplate } from '../templates';
import { NOT_RECOVERED, outOfSloBeforeFirstEvent, recoveryCell, recoverySentences } from './blastRadius';
import { buildReportHtml } from './buildReport';
import { esc } from './escape';
import { fmtNum, fmtPct, fmtRate } from './format';
import { detailPoint, type ReportInput } from './model';
import { FAULT_COLOR } from './scenarioText';
import { shortRankerGpuLoss, smallReportInput } from './testing';

const XSS = '<img src=x onerror=alert(1)>';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const section = (html: string) => html.match(/<section id="scenario"[\s\S]*?<\/section>/)?.[0] ?? '';
const rowsOf = (html: string, testId: string) =>
  [...(html.match(new RegExp(`<table data-testid="${testId}"[\\s\\S]*?</table>`))?.[0] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]));

describe('fault scenario section', () => {
  let input: ReportInput;
  let point: RunResult;
  let html: string;
  beforeAll(async () => {
    const doc = shortRankerGpuLoss();
    expect(parseTopology(doc).ok).toBe(true);
    // Loads 213, 427 and 640 req/s; the section details the template's own load (420 req/s).
    input = { ...(await smallReportInput(doc, 3, 40)), detailRatePerSec: 420 };
    point = detailPoint(input.sweep, input.detailRatePerSec)!;
    html = buildReportHtml(input);
    // Three 40 s runs and a capacity search: longer than the default 10 s on a busy machine.
  }, 60_000);

  it('comes after the per-node figures, with the events in a table', () => {
    expect(html.indexOf('<section id="scenario"')).toBeGreaterThan(html.indexOf('<section id="per-node"'));
    expect(html.indexOf('<section id="scenario"')).toBeLessThan(html.indexOf('<section id="distribution"'));
    const rows = rowsOf(html, 'scenario-events');
    expect(rows.length).toBe(2);
    expect(rows[0]).toEqual(['Kind', 'Target', 'Start', 'Duration', 'Magnitude', 'Label']);
    expect(rows[1][0]).toContain(`background:${FAULT_COLOR.crash}`);
    expect(rows[1].slice(1)).toEqual(['Ranking model (GPU)', '12 s', '10 s', '2 replicas down', '2 ranker GPUs lost']);
  });

  it('compares both designs with the run’s own figures, and says how each recovered', () => {
    // The equal-budget monolith (one replica) loses its machine: it fails requests for the crash; the microservices barely do.
    expect(point.microservices.availability).toBeGreaterThan(0.99);
    expect(point.monolith.availability).toBeLessThan(0.9);
    expect(point.microservices.recoverySec).toBeGreaterThan(0);
    const rows = rowsOf(html, 'blast-radius');
    const row = (name: string) => rows.find((r) => r[0] === name)?.slice(1);
    expect(rows[0]).toEqual(['Figure', 'Microservices', 'Monolith']);
    expect(row('Availability (succeeded / offered)')).toEqual([fmtPct(point.microservices.availability), fmtPct(point.monolith.availability)]);
    expect(row('Goodput (within the SLO)')).toEqual([fmtRate(point.microservices.goodputPerSec), fmtRate(point.monolith.goodputPerSec)]);
    expect(row('Failed: crashed replica')).toEqual([fmtNum(point.microservices.endToEnd.errorsByCause?.crash), fmtNum(point.monolith.endToEnd.errorsByCause?.crash)]);
    expect(row('Rejected')).toEqual(['0', '0']);
    expect(row('Failed: breaker open')).toBeUndefined();
    expect(row('Time to recover')).toEqual([recoveryCell(point.microservices), recoveryCell(point.monolith)]);
    const s = section(html);
    expect(s).toContain(`Microservices: ${fmtPct(point.microservices.availability)} of requests succeeded, `);
    expect(s).toContain(esc(recoverySentences(point, input.doc.scenario!.events).summary));
    expect(s).toContain('<h3>The scenario in the monolith</h3>');
    for (const note of point.monolith.deployment!.scenarioNotes!) expect(s).toContain(esc(note));
  });

  it('draws the run over time with the event as a band in its kind’s colour on every chart', () => {
    const s = section(html);
    const figures = [...s.matchAll(/<figure data-testid="(chart-scenario-[a-z]+)"[^>]*>[\s\S]*?<\/figure>/g)];
    // Throughput, latency, then the ranker's utilisation, requests waiting and failed visits.
    expect(figures.map((f) => f[1])).toEqual(['chart-scenario-throughput', 'chart-scenario-latency', 'chart-scenario-node', 'chart-scenario-node', 'chart-scenario-node', 'chart-scenario-node']);
    for (const [fig, id] of figures) {
      const bands = fig.match(/<g class="band">.*?<\/g>/g) ?? [];
      expect(bands.length, id).toBe(1);
      expect(bands[0]).toContain(`fill="${FAULT_COLOR.crash}"`);
      expect(bands[0]).toContain('2 ranker GPUs lost');
    }
    expect(s).toContain('<h4>Ranking model (GPU) through the scenario</h4>');
  });

  it('says when a design did not recover: metastable if the run went on long enough, else too soon to tell', () => {
    const events = input.doc.scenario!.events;
    const stuck: RunResult = { ...point, monolith: { ...point.monolith, recovered: false, recoverySec: null } };
    const long = recoverySentences(stuck, events);
    expect(long.summary).toContain(`Monolith: ${fmtPct(point.monolith.availability)} of requests succeeded, ${NOT_RECOVERED}.`);
    expect(long.metastable).toBe('The monolith stayed out of its SLO after the faults had ended: a metastable failure (retries or queues keep it down, not the fault).');
    expect(long.tooShort).toBeNull();
    // The same figures with the last event ending 1 s before the end of the run: too few windows to tell.
    const late = events.map((e) => ({ ...e, atSec: 29, durationSec: 10 }));
    const short = recoverySentences(stuck, late);
    expect(short.metastable).toBeNull();
    expect(short.tooShort).toBe('The run ended 1 s after the last event, too soon to see 5 windows within the SLO: run longer to tell whether the monolith recovers.');
    const h = buildReportHtml({ ...input, sweep: { points: input.sweep!.points.map((p) => (p === point ? stuck : p)) } });
    expect(section(h)).toMatch(/<p data-testid="scenario-metastable" style="color:#b42318;font-weight:600">The monolith stayed out of its SLO/);
    expect(rowsOf(h, 'blast-radius').at(-1)).toEqual(['Time to recover', recoveryCell(point.microservices), NOT_RECOVERED]);
  });

  it('a design already out of its SLO before the first event is overloaded, not metastable', () => {
    const events = input.doc.scenario!.events;
    const top = input.sweep!.points.at(-1)!;
    // 640 req/s, past both designs' saturation: neither recovers, and neither met the SLO before the crash.
    expect([top.microservices.recovered, top.monolith.recovered]).toEqual([false, false]);
    expect(outOfSloBeforeFirstEvent(top.microservices, events, 4)).toBe(true);
    expect(outOfSloBeforeFirstEvent(point.microservices, events, 4)).toBe(false);
    const r = recoverySentences(top, events, 4);
    expect(r.metastable).toBeNull();
    expect(r.overloaded).toBe(`Both designs were already missing their SLO before the first event: overloaded at ${fmtRate(top.ratePerSec)}, not held down by the fault.`);
    // Without the warm-up (the studio's card today) the same run reads as metastable.
    expect(recoverySentences(top, events).metastable).toMatch(/^Both designs stayed out of their SLO/);
    const s = section(buildReportHtml({ ...input, detailRatePerSec: top.ratePerSec }));
    expect(s).toContain('data-testid="scenario-overloaded"');
    expect(s).not.toContain('data-testid="scenario-metastable"');
  });

  it('without results, lists the events and says there is no run', () => {
    const bare = buildReportHtml({ ...input, sweep: null, capacity: null });
    expect(bare.indexOf('<section id="scenario"')).toBeGreaterThan(bare.indexOf('<section id="assumptions"'));
    expect(section(bare)).toContain('No run of the scenario in this report');
    expect(section(bare)).not.toContain('<svg');
  });
});

describe('a scenario of several kinds, with a hostile label', () => {
  it('names each target (a partition by its call), its magnitude, and shades every event, escaped', async () => {
    const base = loadTemplate('netflix');
    const doc = {
      ...base,
      run: { ...base.run, durationSec: 12, warmupSec: 1 },
      scenario: {
        events: [
          { kind: 'latency' as const, atSec: 3, durationSec: 4, target: 'ranker', factor: 3, label: XSS },
          { kind: 'partition' as const, atSec: 4, durationSec: 2, target: 'recs-evcache', mode: 'hang' as const },
          { kind: 'cacheFlush' as const, atSec: 5, durationSec: 0, target: 'evcache', warmSec: 3 },
        ],
      },
    };
    const parsed = parseTopology(doc);
    expect(parsed.ok).toBe(true);
    const html = buildReportHtml(await smallReportInput(doc, 1, 12));
    const rows = rowsOf(html, 'scenario-events').slice(1);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Online ranking model', '3 s', '4 s', 'service time ×3', esc(XSS)],
      ['call Recommendation service → EVCache', '4 s', '2 s', 'calls hang until their timeout', '—'],
      ['EVCache', '5 s', '0 s + 3 s warm-up', 'hit ratio 0, warms back over 3 s', '—'],
    ]);
    const chart = section(html).match(/<figure data-testid="chart-scenario-throughput">[\s\S]*?<\/figure>/)![0];
    const bands = chart.match(/<g class="band">.*?<\/g>/g)!;
    expect(bands.map((b) => b.match(/fill="(#[0-9a-f]{6})" fill-opacity/)![1])).toEqual([FAULT_COLOR.latency, FAULT_COLOR.partition, FAULT_COLOR.cacheFlush]);
    // Each label one line below the last one still running over it.
    expect(bands.map((b) => Number(b.match(/<text x="[^"]*" y="([^"]*)"/)![1]))).toEqual([46, 59, 72]);
    expect(html).not.toContain('<img');
    expect(bands[0]).toContain(esc(XSS));
  });
});

describe('a report without a scenario', () => {
  it('has no scenario section and is byte-identical to the report built before the section existed', async () => {
    // SHA-256 of the mm1 report (3 loads, 3 s runs) and of its design-only form, taken before issue 11's section.
    // A change here means a report without a scenario changed: the engine's results or the report's text.
    const input = await smallReportInput(loadTemplate('mm1'), 3, 3);
    const html = buildReportHtml(input);
    expect(html).not.toContain('id="scenario"');
    expect(html).not.toContain('class="band"');
    expect(sha256(buildReportHtml({ ...input, sweep: null, capacity: null }))).toBe('fe36c5a8ae85ba5820333b46eb0ee4aa03a244bce2966a63cdce8ec4fa9e48a4');
    expect(sha256(html)).toBe('d489d2379d39767de4353a53d6db09c8ff77b7ae483ae90ea05d457fbc330cd3');
  });

  it('an empty event list is no scenario', async () => {
    const doc = shortRankerGpuLoss();
    const html = buildReportHtml({ ...(await smallReportInput(doc, 1, 2)), doc: { ...doc, scenario: { events: [] } } });
    expect(html).not.toContain('id="scenario"');
  });
});
