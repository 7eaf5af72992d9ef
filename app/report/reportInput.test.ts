/** The report's input from the studio state: a capacity search joins the report only for the design the report shows. */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../workers/engine/results';
import { runPoint } from '../../workers/engine/run';
import type { Topology } from '../../workers/engine/schema';
import { loadTemplate } from '../../workers/templates';
import { selectCapacityIsStale } from '../results/selectors';
import { createAppStore } from '../store/index';
import { buildReportHtml } from '../../workers/report/buildReport';
import { shortRankerGpuLoss } from '../../workers/report/testing';
import { reportInputFromState } from './reportInput';

const doc = loadTemplate('mm1');
const rates = [20, 60];
const points: RunResult[] = rates.map((ratePerSec) => runPoint(doc, { ratePerSec, durationSec: 30, warmupSec: 3 }));

function studioWithSweep() {
  const store = createAppStore({ doc });
  const s = store.getState();
  s.runStarted({ id: 1, kind: 'sweep', doc, rates, replications: 1, startedAtMs: 0 });
  s.runPointsDone(1, points.map((result, index) => ({ index, result })), 5);
  s.runEnded(1, 'done');
  return store;
}

const capacityOf = (searched: Topology) => ({
  runId: 2,
  status: 'done' as const,
  doc: searched,
  slo: searched.slo,
  microservices: { capacityPerSec: 40, failsAtPerSec: 60, atCapacity: points[0] },
  monolith: { capacityPerSec: 35, failsAtPerSec: 60, atCapacity: points[0] },
  evaluations: 6,
  error: null,
});

describe('report input', () => {
  it('includes a capacity search of the swept design, also after later edits (the report shows the design as it was run)', () => {
    const store = studioWithSweep();
    store.getState().setCapacity(capacityOf(doc));
    expect(selectCapacityIsStale(store.getState())).toBe(false);
    const before = reportInputFromState(store.getState(), 'now');
    expect(before.input.capacity?.microservices).toMatchObject({ ratePerSec: 20, failsAtPerSec: 60 });
    expect(before.notes).toEqual([]);

    store.getState().addNode('service', { x: 400, y: 0 });
    expect(selectCapacityIsStale(store.getState())).toBe(true);
    const after = reportInputFromState(store.getState(), 'now');
    expect(after.input.doc).toBe(doc);
    expect(after.input.capacity?.microservices).toMatchObject({ ratePerSec: 20, failsAtPerSec: 60 });
    expect(after.notes).toEqual(['The design changed since the sweep: the report shows the design as it was run.']);
  });

  it('leaves out a capacity search made on another version of the design, and says so', () => {
    const store = studioWithSweep();
    store.getState().addNode('service', { x: 400, y: 0 });
    store.getState().setCapacity(capacityOf(store.getState().doc));
    const { input, notes } = reportInputFromState(store.getState(), 'now');
    expect(input.doc).toBe(doc);
    expect(input.capacity).toBeNull();
    expect(notes).toContain('The capacity search was made on another version of the design, so the report leaves it out: press "Find capacity" again to include it.');
    expect(notes.some((n) => n.startsWith('No capacity search yet'))).toBe(false);
  });

  it('a finished single run of a document with scenario events brings its fault scenario into a report without a sweep', () => {
    const scenarioDoc = shortRankerGpuLoss();
    const run = runPoint(scenarioDoc, { ratePerSec: 420 });
    const store = createAppStore({ doc: scenarioDoc });
    const s = store.getState();
    s.runStarted({ id: 1, kind: 'single', doc: scenarioDoc, rates: [420], replications: 1, startedAtMs: 0 });
    s.runPointsDone(1, [{ index: 0, result: run }], 5);
    s.runEnded(1, 'done');
    const { input, notes } = reportInputFromState(store.getState(), 'now');
    expect(input.sweep).toBeNull();
    expect(input.scenarioRun).toBe(run);
    expect(notes).toEqual(['No load sweep: the report has the design, its assumptions and the fault scenario of the single run. Run a sweep for the load curves and the verdict.']);
    const html = buildReportHtml(input);
    expect(html).toContain('<h3>Blast radius at 420 req/s</h3>');
    expect(html).toContain('No load test in this report: the design, its assumptions and one run of its fault scenario at 420 req/s (SLO p99 ≤ 150 ms).');
    expect(html).toContain('data-testid="chart-scenario-throughput"');
    expect(html.indexOf('<section id="scenario"')).toBeGreaterThan(html.indexOf('<section id="assumptions"'));

    // After an edit the report still shows the design as it was run, and says so.
    store.getState().addNode('service', { x: 400, y: 0 });
    const later = reportInputFromState(store.getState(), 'now');
    expect(later.input.doc).toBe(scenarioDoc);
    expect(later.notes).toContain('The design changed since the run: the report shows the design as it was run.');
  });

  it('a single run of a document without events adds nothing', () => {
    const store = createAppStore({ doc });
    const s = store.getState();
    s.runStarted({ id: 1, kind: 'single', doc, rates: [20], replications: 1, startedAtMs: 0 });
    s.runPointsDone(1, [{ index: 0, result: points[0] }], 5);
    s.runEnded(1, 'done');
    const { input, notes } = reportInputFromState(store.getState(), 'now');
    expect(input.scenarioRun).toBeNull();
    expect(notes[0]).toMatch(/^No finished load sweep/);
    expect(buildReportHtml(input)).not.toContain('id="scenario"');
  });
});
