/**
 * The classroom on top of the studio: presentation mode (P to enter, Esc to
 * leave, arrows to step through a lesson, Space to play, . and , to step the
 * animation, + and − for speed), the lesson panel, the animation, explain
 * popovers, and lessons opened from a `#lesson=` link.
 */
import { runControllerFor } from '../run/controller';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../store/react';
import { Tooltip } from '../shell/Tooltip';
import './classroom.css';
import { Animation } from './Animation';
import { ExplainPopover } from './ExplainPopover';
import { installExplainClicks } from './explainClicks';
import { decodeLessonFragment } from './lessonLink';
import { LessonPanel } from './LessonPanel';
import { startStepRun } from './lessonRun';
import type { Player } from './player';

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el?.tagName && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function FocusStyle() {
  const focus = useAppStore((s) => (s.lesson ? s.lesson.steps[s.lessonStep].focus : null));
  if (!focus?.length) return null;
  const css = focus.map((id) => `.react-flow__node [data-testid="node-${CSS.escape(id)}"]`).join(',\n');
  return <style>{`${css} { box-shadow: 0 0 0 4px var(--focus), 0 0 24px 6px color-mix(in srgb, var(--focus) 60%, transparent); }`}</style>;
}

export function ClassroomLayer({ ready }: { ready: boolean }) {
  const store = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  const lesson = useAppStore((s) => s.lesson);
  const step = useAppStore((s) => s.lessonStep);
  const player = useRef<Player | null>(null);
  const { fitView } = useReactFlow();
  const onPlayer = useCallback((p: Player | null) => {
    player.current = p;
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset.presenting = 'true';
    else delete root.dataset.presenting;
  }, [presenting]);

  useEffect(() => installExplainClicks(store), [store]);

  // The canvas changes size when panels hide or show (entering or leaving presentation), and each step brings its
  // own drawing: fit it to the room. Fitted twice: nodes grow with presentation type only once React Flow has
  // measured them again, so a single early fit left the drawing small on re-entry.
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    const left = wasPresenting.current && !presenting;
    wasPresenting.current = presenting;
    if (!ready || (!presenting && lesson === null && !left) || step < 0) return;
    const fit = () => void fitView({ padding: 0.18, duration: 0 });
    const timers = [setTimeout(fit, 80), setTimeout(fit, 400)];
    return () => timers.forEach(clearTimeout);
  }, [ready, presenting, lesson, step, fitView]);

  useEffect(() => {
    if (!ready) return;
    const open = () => {
      const r = decodeLessonFragment(window.location.hash);
      if (!r) return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      if (r.ok) store.getState().openLesson(r.lesson);
      else store.getState().openDialog({ kind: 'errors', title: 'This lesson link cannot be opened', errors: r.errors });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [ready, store]);

  useEffect(() => {
    if (lesson) startStepRun(store, lesson.steps[step]);
  }, [lesson, step, store]);

  useEffect(() => {
    /** The action for a key, or null to let the studio handle it. */
    const actionFor = (key: string): (() => void) | null => {
      const s = store.getState();
      const p = player.current;
      if (key === 'Escape') {
        if (s.explainTarget) return s.closeExplain;
        return s.presenting ? () => s.setPresenting(false) : null;
      }
      if (key === 'p' || key === 'P') return () => s.setPresenting(!s.presenting);
      if (!s.presenting) return null;
      switch (key) {
        case 'ArrowRight':
        case 'PageDown':
          return () => s.goToStep(s.lessonStep + 1);
        case 'ArrowLeft':
        case 'PageUp':
          return () => s.goToStep(s.lessonStep - 1);
        case ' ':
          return () => p?.toggle();
        case '.':
          return () => p?.step(1);
        case ',':
          return () => p?.step(-1);
        case '+':
        case '=':
          return () => p?.nudgeSpeed(1);
        case '-':
          return () => p?.nudgeSpeed(-1);
        default:
          return null;
      }
    };
    const handle = (e: KeyboardEvent) => {
      if (store.getState().dialog || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const act = actionFor(e.key);
      if (!act) return;
      e.preventDefault();
      e.stopPropagation();
      act();
    };
    // Before the widgets (capture), so the arrows and Space drive the lesson and the player while presenting.
    const onKey = (e: KeyboardEvent) => e.key !== 'Escape' && handle(e);
    // Escape after them: an open tooltip, popover or menu (Radix) closes first and marks the key handled.
    const onEscape = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && handle(e);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keydown', onEscape);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keydown', onEscape);
    };
  }, [store]);

  return (
    <>
      <FocusStyle />
      {presenting && (
        <div className="ls-present-bar" data-testid="presentation-bar">
          <span className="ls-present-title">{lesson ? lesson.title : store.getState().doc.name}</span>
          <span className="ls-present-keys">← → steps · Space play · . , step · + − speed · Esc leaves</span>
          <Tooltip content="Run the load test (Ctrl+Enter)">
            <button type="button" className="ls-button primary" onClick={() => runControllerFor(store).start()} data-testid="present-run">
              ▶ Run
            </button>
          </Tooltip>
          <button type="button" className="ls-button" onClick={() => store.getState().setPresenting(false)} data-testid="leave-presentation">
            Leave presentation
          </button>
        </div>
      )}
      <LessonPanel />
      {ready && (presenting || lesson) && <Animation onPlayer={onPlayer} />}
      <ExplainPopover />
    </>
  );
}
