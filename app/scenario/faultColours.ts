/**
 * One colour per fault kind, per theme: the timeline's bars and the event
 * bands on the time-series charts. Hues kept
 * apart from the two design colours (blue microservices, orange monolith):
 * a latency spike is olive, not amber, so the monolith's line stays legible over it.
 */
import type { Theme } from '../store/uiSlice';
import { FAULT_COLOR } from '../../workers/report/scenarioText';
import type { ScenarioEventKind } from './scenarioDoc';

export const FAULT_COLOUR: Record<Theme, Record<ScenarioEventKind, string>> = {
  light: FAULT_COLOR,
  dark: {
    crash: '#f87171',
    outage: '#fca5a5',
    latency: '#a3e635',
    capacity: '#c4b5fd',
    errors: '#f9a8d4',
    partition: '#cbd5e1',
    cacheFlush: '#5eead4',
  },
};
