/** The open lesson: step title and narrative in large type, step navigation, the focus nodes' key numbers (click to explain). */
import { selectShownPoint } from '../results/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';
import { Tooltip } from '../shell/Tooltip';
import { formatQuantity } from './explain';
import { encodeLessonLink } from './lessonLink';

const KEY_NUMBERS = [
  ['utilization', 'busy'],
  ['meanWaitMs', 'mean wait'],
  ['meanTimeInNodeMs', 'time in node'],
] as const;

function FocusNumbers({ ids }: { ids: string[] }) {
  const point = useAppStore(selectShownPoint);
  const labels = useAppStore((s) => s.run?.doc.nodes);
  if (!point) return <p className="ls-lesson-hint">Running this step…</p>;
  const e = point.microservices.endToEnd;
  return (
    <div className="ls-lesson-numbers" data-testid="lesson-numbers">
      <p>
        At {formatQuantity('arrivalRatePerSec', point.ratePerSec)}: mean {formatQuantity('meanWaitMs', e.meanMs)}, p99 {formatQuantity('meanWaitMs', e.p99Ms)}
      </p>
      {ids.map((id) => {
        const n = point.microservices.nodes.find((x) => x.id === id);
        if (!n) return null;
        return (
          <div key={id} className="ls-lesson-node">
            <span className="ls-lesson-node-name">{labels?.find((x) => x.id === id)?.label ?? id}</span>
            {KEY_NUMBERS.map(([q, label]) => (
              <Tooltip key={q} content="Explain this number">
                <button type="button" className="ls-explain-number" data-explain={`${q}|${id}|microservices`} data-testid={`explain-${q}-${id}`}>
                  {formatQuantity(q, n[q])} <small>{label}</small>
                </button>
              </Tooltip>
            ))}
          </div>
        );
      })}
      {point.analytic.microservices.saturationRatePerSec !== null && (
        <Tooltip content="Explain this number">
          <button type="button" className="ls-explain-number" data-explain="saturation||microservices" data-testid="explain-saturation">
            saturates at {formatQuantity('saturation', point.analytic.microservices.saturationRatePerSec)}
          </button>
        </Tooltip>
      )}
    </div>
  );
}

export function LessonPanel() {
  const store = useAppStoreApi();
  const lesson = useAppStore((s) => s.lesson);
  const k = useAppStore((s) => s.lessonStep);
  if (!lesson) return null;
  const step = lesson.steps[k];
  const focus = step.focus.length ? step.focus : [step.doc.workload.entry];
  const share = () => {
    const { url, tooLong } = encodeLessonLink(lesson.spec, window.location.origin + window.location.pathname);
    store.getState().openDialog({ kind: 'share', url, tooLong });
  };
  return (
    <aside className="ls-lesson" aria-label="Lesson" data-testid="lesson" data-step={k}>
      <div className="ls-lesson-top">
        <span className="ls-lesson-title">{lesson.title}</span>
        <span className="ls-lesson-count" data-testid="lesson-step-count">
          Step {k + 1} of {lesson.steps.length}
        </span>
      </div>
      <h2 className="ls-lesson-step" data-testid="lesson-step-title">
        {step.title}
      </h2>
      <p className="ls-lesson-narrative" data-testid="lesson-narrative">
        {step.narrative}
      </p>
      <FocusNumbers ids={focus} />
      <div className="ls-lesson-nav">
        <button type="button" className="ls-button" onClick={() => store.getState().goToStep(k - 1)} disabled={k === 0} data-testid="lesson-prev" aria-label="Previous step">
          ← Previous
        </button>
        <button type="button" className="ls-button" onClick={() => store.getState().goToStep(k + 1)} disabled={k === lesson.steps.length - 1} data-testid="lesson-next" aria-label="Next step">
          Next →
        </button>
        <span className="ls-spacer" />
        <button type="button" className="ls-button ls-small" onClick={share} data-testid="lesson-share">
          Share lesson
        </button>
        <button type="button" className="ls-button ls-small" onClick={() => store.getState().closeLesson()} data-testid="lesson-close">
          Close
        </button>
      </div>
      <p className="ls-lesson-seed">Seed {step.seed} (locked): everyone sees the same numbers.</p>
    </aside>
  );
}
