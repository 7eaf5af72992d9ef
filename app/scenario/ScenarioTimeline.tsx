/**
 * The scenario's timeline: the run from 0 to its duration (warm-up shaded),
 * each event a bar over [atSec, atSec + durationSec] (a cache flush trails its
 * warm-up), overlapping events on lanes of their own. Bars are buttons: a click
 * or the focus selects one, ←/→ move it by 1 s (with Shift 10 s), Delete or
 * Backspace removes it.
 */
import { type KeyboardEvent, useRef } from 'react';
import { Tooltip } from '../shell/Tooltip';
import { useAppStore } from '../store/react';
import { selectTheme } from '../store/selectors';
import { FAULT_COLOUR } from './faultColours';
import { KIND_LABEL, type ScenarioEvent, describeEffect, eventName } from './scenarioDoc';
import { fmtSec, lanes, ticks } from './timelineLayout';

interface Props {
  events: readonly ScenarioEvent[];
  runSec: number;
  warmupSec: number;
  /** Node and edge labels by id (for the bars' names). */
  targetLabel: (id: string) => string;
  selected: number | null;
  onSelect: (i: number) => void;
  onMove: (i: number, dSec: number) => void;
  onDelete: (i: number) => void;
}

export function ScenarioTimeline({ events, runSec, warmupSec, targetLabel, selected, onSelect, onMove, onDelete }: Props) {
  const theme = useAppStore(selectTheme);
  const strip = useRef<HTMLElement>(null);
  const lane = lanes(events);
  const laneCount = Math.max(1, ...lane.map((l) => l + 1));
  const pct = (s: number) => `${(Math.min(Math.max(s, 0), runSec) / runSec) * 100}%`;
  const onKey = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      onMove(i, (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 10 : 1));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      onDelete(i);
      // The focus goes to the next bar (or the previous, or the strip), not to the page.
      requestAnimationFrame(() => {
        const bars = strip.current?.querySelectorAll<HTMLButtonElement>('.ls-tl-bar');
        const next = bars?.[Math.min(i, (bars?.length ?? 1) - 1)];
        (next ?? strip.current)?.focus();
      });
    } else return;
    // The studio's own shortcuts (Delete removes canvas items, arrows nudge nodes) must not see these keys.
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="ls-timeline" data-testid="scenario-timeline">
      <div className="ls-tl-axis" aria-hidden="true">
        {ticks(runSec).map((t) => (
          <span key={t} className="ls-tl-tick" style={{ left: pct(t) }}>
            {fmtSec(t)}
          </span>
        ))}
      </div>
      <section
        className="ls-tl-strip"
        ref={strip}
        tabIndex={-1}
        aria-label={`Scenario timeline, 0 to ${fmtSec(runSec)}: ${events.length} event${events.length === 1 ? '' : 's'}`}
        style={{ height: `${laneCount * 28 + 8}px` }}
      >
        {warmupSec > 0 && <div className="ls-tl-warmup" style={{ width: pct(warmupSec) }} data-testid="timeline-warmup" />}
        {ticks(runSec).map((t) => (
          <div key={t} className="ls-tl-grid" style={{ left: pct(t) }} aria-hidden="true" />
        ))}
        {events.map((e, i) => {
          const colour = FAULT_COLOUR[theme][e.kind];
          const end = e.atSec + e.durationSec;
          const warm = e.kind === 'cacheFlush' ? e.warmSec : 0;
          const name = eventName(e);
          const where = targetLabel(e.target);
          const span = `${fmtSec(e.atSec)} to ${fmtSec(end)}${warm ? `, warming until ${fmtSec(end + warm)}` : ''}`;
          return (
            <Tooltip
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their index is their identity (as in the file)
              key={i}
              side="top"
              follow
              content={
                <span>
                  <strong>{KIND_LABEL[e.kind]}</strong> on {where}: {describeEffect(e)}, {span}. ←/→ move 1 s, Shift 10 s; Delete removes.
                </span>
              }
            >
              <button
                type="button"
                className={`ls-tl-bar${selected === i ? ' is-selected' : ''}${e.atSec >= runSec ? ' is-outside' : ''}`}
                data-testid={`timeline-bar-${i}`}
                data-kind={e.kind}
                data-at={e.atSec}
                aria-label={`${name} on ${where}, ${span}`}
                aria-pressed={selected === i}
                style={{
                  left: pct(e.atSec),
                  width: `calc(${pct(end)} - ${pct(e.atSec)})`,
                  top: `${lane[i] * 28 + 4}px`,
                  borderColor: colour,
                  ['--fault' as string]: colour,
                }}
                onClick={() => onSelect(i)}
                onFocus={() => onSelect(i)}
                onKeyDown={onKey(i)}
              >
                <span className="ls-tl-bar-text">
                  {name} · {where}
                </span>
              </button>
            </Tooltip>
          );
        })}
        {events.map((e, i) =>
          e.kind === 'cacheFlush' && e.warmSec > 0 ? (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              key={`warm-${i}`}
              className="ls-tl-warm"
              aria-hidden="true"
              style={{
                left: pct(e.atSec + e.durationSec),
                width: `calc(${pct(e.atSec + e.durationSec + e.warmSec)} - ${pct(e.atSec + e.durationSec)})`,
                top: `${lane[i] * 28 + 4}px`,
                ['--fault' as string]: FAULT_COLOUR[theme][e.kind],
              }}
            />
          ) : null,
        )}
      </section>
    </div>
  );
}
