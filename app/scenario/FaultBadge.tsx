/**
 * The ⚡ badge of a node or call that the document's scenario hits; its
 * tooltip names each fault, what it does and when. Reads only this id's
 * faults from the store (a string, so an unrelated edit re-renders nothing).
 */
import type { PointerEvent } from 'react';
import { Tooltip } from '../shell/Tooltip';
import type { AppState } from '../store';
import { useAppStore } from '../store/react';
import { KIND_LABEL, type ScenarioEvent, describeEffect, scenarioEvents } from './scenarioDoc';

const byTarget = new WeakMap<readonly ScenarioEvent[], Map<string, string>>();

/** One line per event on each target: its kind, a tab, then "Crash: 2 replicas down, 30–42 s". */
function faultLines(events: readonly ScenarioEvent[]): Map<string, string> {
  let m = byTarget.get(events);
  if (!m) {
    m = new Map();
    for (const e of events) {
      const line = `${e.kind}\t${KIND_LABEL[e.kind]}${e.label ? ` “${e.label}”` : ''}: ${describeEffect(e)}, ${e.atSec}–${e.atSec + e.durationSec} s`;
      const prev = m.get(e.target);
      m.set(e.target, prev ? `${prev}\n${line}` : line);
    }
    byTarget.set(events, m);
  }
  return m;
}

/** The faults on `id`, one per line as above ('' when none). */
export const selectFaultLines = (id: string) => (s: AppState) => faultLines(scenarioEvents(s.doc)).get(id) ?? '';

// Over a node the node's own tooltip must not take the pointer back from the badge's.
const keep = (e: PointerEvent) => e.stopPropagation();

export function FaultBadge({ id, className = '' }: { id: string; className?: string }) {
  const lines = useAppStore(selectFaultLines(id));
  if (!lines) return null;
  const list = lines.split('\n').map((l) => l.split('\t'));
  const kinds = [...new Set(list.map(([kind]) => kind))];
  return (
    <Tooltip
      side="top"
      follow
      content={
        <div className="ls-fault-tip">
          <strong>⚡ Scenario</strong>
          {list.map(([, text], i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two events may read the same
            <div key={i}>{text}</div>
          ))}
        </div>
      }
    >
      <span
        className={`ls-fault-badge ${className}`}
        role="img"
        aria-label={`Scenario faults: ${kinds.map((k) => KIND_LABEL[k as ScenarioEvent['kind']]).join(', ')}`}
        data-testid={`fault-badge-${id}`}
        data-kinds={kinds.join(',')}
        onPointerMove={keep}
      >
        ⚡{list.length > 1 ? <small>{list.length}</small> : null}
      </span>
    </Tooltip>
  );
}
