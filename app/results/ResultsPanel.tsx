/** The results area: the run panel, progress, and tabs of charts over the run in the store. */
import './results.css';
import * as Tabs from '@radix-ui/react-tabs';
import { useMemo, useState } from 'react';
import type { RunResult } from '../../workers/engine/results';
import { useAppStore } from '../store/react';
import { Tooltip } from '../shell/Tooltip';
import { CapacityView } from './CapacityView';
import { ChartWarmup } from './ChartWarmup';
import { autoscales, dayOf } from '../../workers/report/daySeries';
import { DayView } from './DayView';
import { DistributionChart } from './DistributionChart';
import { LatencyChart } from './LatencyChart';
import { LlmView } from './LlmView';
import { MonolithView } from './MonolithView';
import { NodeFaultCharts } from './NodeFaultCharts';
import { NodeView } from './NodeView';
import { PointPicker } from './PointPicker';
import { ResilienceCard } from './ResilienceCard';
import { RightSizeView } from './RightSizeView';
import { RunPanel } from './RunPanel';
import { scenarioEvents } from '../scenario/scenarioDoc';
import { ScenarioView } from '../scenario/ScenarioView';
import { RunStatus } from './RunStatus';
import { selectShownPoint } from './selectors';
import { donePoints } from './series';
import { SingleSummary } from './SingleSummary';
import { RunCompare, useCompareSeries } from './RunCompare';
import { SweepVerdict } from './SweepVerdict';
import { ThroughputChart } from './ThroughputChart';
import { TimeSeriesView } from './TimeSeriesView';
import { useScrollFades } from './useScrollFades';
import { useStaggered } from './useStaggered';

const TABS = [
  ['curves', 'Load curves'],
  ['llm', 'LLM'],
  ['capacity', 'Capacity'],
  ['nodes', 'Per node'],
  ['distribution', 'Distribution'],
  ['timeseries', 'Time series'],
  ['monolith', 'Monolith'],
  ['rightsize', 'Right-size'],
  ['day', 'Day'],
  ['scenario', 'Scenario'],
] as const;
type Tab = (typeof TABS)[number][0];

const NO_POINTS: readonly RunResult[] = [];

function Curves() {
  const points = useAppStore((s) => s.run?.points);
  const kind = useAppStore((s) => s.run?.kind);
  const slo = useAppStore((s) => s.run?.doc.slo ?? s.doc.slo);
  const shown = useAppStore(selectShownPoint);
  const runDoc = useAppStore((s) => s.run?.doc);
  const done = useMemo(() => (points ? donePoints(points) : NO_POINTS), [points]);
  // Each chart takes new points in a task of its own, after the canvas and progress have updated.
  const [latency, throughput] = useStaggered(done, 2, NO_POINTS);
  const compare = useCompareSeries();
  if (kind === 'single')
    return shown && runDoc ? (
      <>
        <SingleSummary point={shown} slo={slo} doc={runDoc} />
        <ResilienceCard point={shown} events={scenarioEvents(runDoc)} warmupSec={runDoc.run.warmupSec} />
      </>
    ) : (
      <p className="ls-hint">Running…</p>
    );
  if (!done.length) return <p className="ls-hint">The first point appears as soon as its replications are done.</p>;
  return (
    <>
      <SweepVerdict />
      <RunCompare />
      <div className="ls-chart-pair">
      {latency.length ? <LatencyChart points={latency} slo={slo} compare={compare} /> : <div className="ls-chart ls-chart-pending" />}
      {throughput.length ? <ThroughputChart points={throughput} compare={compare} /> : <div className="ls-chart ls-chart-pending" />}
      </div>
    </>
  );
}

/** The day of an autoscaled run: replicas, cost and SLO over time (shown for autoscaling documents only). */
function Day() {
  const [point] = useStaggered(useAppStore(selectShownPoint), 1, null);
  const doc = useAppStore((s) => s.run?.doc);
  const series = useMemo(() => (point && doc ? dayOf(doc, point) : null), [point, doc]);
  if (!point || !doc) return <p className="ls-hint">Waiting for the run…</p>;
  if (!series) return <p className="ls-hint">This run's design does not autoscale: turn on autoscaling for a node (or the monolith) in the inspector and run a day.</p>;
  return (
    <>
      <PointPicker />
      <DayView series={series} />
    </>
  );
}

/** The LLM view over the run's points (shown for documents with llm-servers only). */
function LlmTab() {
  const points = useAppStore((s) => s.run?.points);
  const done = useMemo(() => (points ? donePoints(points) : NO_POINTS), [points]);
  const shown = useAppStore(selectShownPoint);
  const doc = useAppStore((s) => s.run?.doc);
  if (!doc) return null;
  return (
    <>
      <PointPicker />
      <LlmView points={done} shown={shown} doc={doc} />
    </>
  );
}

function AtPoint({ tab }: { tab: 'nodes' | 'distribution' | 'timeseries' }) {
  const [point] = useStaggered(useAppStore(selectShownPoint), 1, null);
  const doc = useAppStore((s) => s.run?.doc);
  if (!point || !doc) return <p className="ls-hint">Waiting for the first point…</p>;
  return (
    <>
      <PointPicker />
      {tab === 'nodes' && <NodeView point={point} doc={doc} />}
      {tab === 'distribution' && <DistributionChart point={point} />}
      {tab === 'timeseries' && (
        <>
          <ResilienceCard point={point} events={scenarioEvents(doc)} warmupSec={doc.run.warmupSec} />
          <TimeSeriesView point={point} events={scenarioEvents(doc)} />
          <NodeFaultCharts point={point} events={scenarioEvents(doc)} nodes={doc.nodes} />
        </>
      )}
    </>
  );
}

export function ResultsPanel() {
  const [tab, setTab] = useState<Tab>('curves');
  const open = useAppStore((s) => s.resultsOpen);
  const setOpen = useAppStore((s) => s.setResultsOpen);
  const stage = useAppStore((s) => s.resultsStage);
  const setStage = useAppStore((s) => s.setResultsStage);
  const hasRun = useAppStore((s) => s.run !== null);
  const doc = useAppStore((s) => s.run?.doc ?? s.doc);
  const tabStrip = useScrollFades<HTMLDivElement>();
  // Tabs that exist only for the documents they describe: every other document keeps its tabs as they were.
  const hidden: Tab[] = [];
  if (!doc.nodes.some((n) => n.kind === 'llm-server')) hidden.push('llm');
  if (!autoscales(doc)) hidden.push('day');
  const tabs = hidden.length ? TABS.filter(([id]) => !hidden.includes(id)) : TABS;
  const current: Tab = hidden.includes(tab) ? 'curves' : tab;
  return (
    <div className={`ls-results-panel${open ? '' : ' is-collapsed'}${stage ? ' is-stage' : ''}`}>
      <RunPanel />
      <ChartWarmup />
      <Tabs.Root asChild value={current} onValueChange={(v) => {
          setTab(v as Tab);
          setOpen(true);
        }}>
      <div className="ls-results-main">
        <div className="ls-results-bar">
          <Tabs.List className="ls-tabs" aria-label="Results views" ref={tabStrip}>
            {tabs.map(([id, label]) => (
              <Tabs.Trigger key={id} value={id} className="ls-tab" data-testid={`tab-${id}`} onClick={() => setOpen(true)}>
                {label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <span className="ls-spacer" />
          <Tooltip content={stage ? 'Back to the drawing and results split (R)' : 'Results take the whole stage (R)'}>
            <button type="button" className="ls-button ls-small" onClick={() => setStage(!stage)} aria-pressed={stage} data-testid="results-stage">
              {stage ? 'Show drawing' : 'Full results'}
            </button>
          </Tooltip>
          {!stage && (
            <button type="button" className="ls-button ls-small" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="results-toggle">
              {open ? 'Hide results' : 'Show results'}
            </button>
          )}
        </div>
        <RunStatus />
        {open && (
          <Tabs.Content value={current} className="ls-results-body">
            {current === 'monolith' ? (
              <MonolithView doc={doc} />
            ) : current === 'capacity' ? (
              <CapacityView />
            ) : current === 'rightsize' ? (
              <RightSizeView />
            ) : current === 'scenario' ? (
              <ScenarioView />
            ) : !hasRun ? (
              <p className="ls-hint">Run a load test to see results: a sweep draws latency and throughput against offered load for your design and its monolith.</p>
            ) : current === 'curves' ? (
              <Curves />
            ) : current === 'llm' ? (
              <LlmTab />
            ) : current === 'day' ? (
              <Day />
            ) : (
              <AtPoint tab={current} />
            )}
          </Tabs.Content>
        )}
      </div>
      </Tabs.Root>
    </div>
  );
}
