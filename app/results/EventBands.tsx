/**
 * Shaded bands for a run's scenario events on a time axis in seconds: one
 * recharts ReferenceArea per event over [atSec, atSec + durationSec] (a cache
 * flush through its warm-up), in the fault kind's colour, labelled with the
 * event's name. Returned as an array of elements (recharts reads its
 * children's types), to be placed before the lines so they stay on top.
 */
import { ReferenceArea } from 'recharts';
import { FAULT_COLOUR } from '../scenario/faultColours';
import { type ScenarioEvent, eventName } from '../scenario/scenarioDoc';
import type { Theme } from '../store/uiSlice';

export function eventBands(events: readonly ScenarioEvent[], theme: Theme, labelled = true) {
  return events.map((e, i) => {
    const colour = FAULT_COLOUR[theme][e.kind];
    const end = e.atSec + e.durationSec + (e.kind === 'cacheFlush' ? e.warmSec : 0);
    return (
      <ReferenceArea
        // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their index is their identity
        key={`band-${i}`}
        x1={e.atSec}
        x2={Math.max(end, e.atSec + 0.001)}
        ifOverflow="hidden"
        fill={colour}
        fillOpacity={theme === 'dark' ? 0.15 : 0.12}
        stroke={colour}
        strokeOpacity={0.5}
        strokeDasharray="3 3"
        className="ls-event-band"
        label={labelled ? { value: eventName(e), position: 'insideTopLeft', fill: colour, fontSize: 10, fontWeight: 600 } : undefined}
      />
    );
  });
}
