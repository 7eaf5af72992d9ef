/**
 * A scenario's events in words and colours for the report: each kind's name,
 * what an event does ("2 replicas down"), its name on a chart (its label, else
 * its kind) and its kind's colour. The studio imports these (app/scenario/scenarioDoc.ts,
 * app/scenario/faultColours.ts for its light theme): one wording for both.
 */
import type { ScenarioEvent, ScenarioEventKind } from '../engine/resilience/scenarioSchema';

/** What each kind is called. */
export const KIND_LABEL: Record<ScenarioEventKind, string> = {
  crash: 'Crash',
  latency: 'Latency spike',
  capacity: 'Capacity cut',
  errors: 'Errors',
  partition: 'Partition',
  outage: 'Outage',
  cacheFlush: 'Cache flush',
};

/** One colour per kind (the studio's light theme; the report is light): apart from the designs' blue and orange. */
export const FAULT_COLOR: Record<ScenarioEventKind, string> = {
  crash: '#b91c1c',
  outage: '#7f1d1d',
  latency: '#4d7c0f',
  capacity: '#7c3aed',
  errors: '#be185d',
  partition: '#475569',
  cacheFlush: '#0f766e',
};

const num = (v: number) => String(Number(v.toPrecision(4)));

/** One line saying what an event does, e.g. "2 replicas down", "service time ×4 + 50 ms". */
export function describeEffect(e: ScenarioEvent): string {
  switch (e.kind) {
    case 'crash':
      return e.replicas !== undefined ? `${e.replicas} replica${e.replicas === 1 ? '' : 's'} down` : `${num((e.fraction ?? 0) * 100)} % of replicas down`;
    case 'latency':
      return ['service time', e.factor !== undefined ? `×${num(e.factor)}` : '', e.addMs !== undefined ? `+ ${num(e.addMs)} ms` : ''].filter(Boolean).join(' ');
    case 'capacity':
      return `concurrency −${num(e.percent)} %`;
    case 'errors':
      return `${num(e.fraction * 100)} % of visits fail`;
    case 'partition':
      return e.mode === 'hang' ? 'calls hang until their timeout' : 'calls fail at once';
    case 'outage':
      return 'every replica down';
    case 'cacheFlush':
      return `hit ratio 0, warms back over ${num(e.warmSec)} s`;
  }
}

/** The event's name in the charts: its label, else its kind. */
export function eventName(e: ScenarioEvent): string {
  return e.label?.trim() || KIND_LABEL[e.kind];
}
