/**
 * The animation: asks the simulation worker for a trace of the document on
 * the canvas (the lesson step's load and seed when a lesson is open), draws
 * it with AnimationOverlay, and shows the player bar (play, pause, step,
 * speed). The trace comes from the real engine (engineApi.traceDocument).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TraceOptions, TraceResult } from '../../workers/engine/traceResult';
import type { LessonStep } from '../../workers/lessons';
import { useAppStore } from '../store/react';
import { traceInWorker } from '../worker/engineClient';
import { selectShownPoint } from '../results/selectors';
import { AnimationOverlay } from './AnimationOverlay';
import { failureSummary } from './faultMarks';
import { stepTraceRate } from './lessonRun';
import { replicaTimeline } from './replicaTimeline';
import { type Player, type PlayerState, SPEEDS } from './player';

function traceOptions(step: LessonStep | null): TraceOptions {
  if (!step) return { requests: 60 };
  return {
    ratePerSec: step.doc.workload.profile ? undefined : stepTraceRate(step),
    seed: step.seed,
    requests: step.animate.requests,
    startSec: step.animate.startSec ?? undefined,
  };
}

const IDLE: PlayerState = { playing: false, realMsPerSimMs: 20, simMs: 0, atEnd: false };

function usePlayerState(player: Player | null): PlayerState {
  return useSyncExternalStore(
    (cb) => (player ? player.subscribe(cb) : () => {}),
    () => player?.snapshot ?? IDLE,
  );
}

export function Animation({ onPlayer }: { onPlayer: (p: Player | null) => void }) {
  const doc = useAppStore((s) => s.doc);
  const step = useAppStore((s) => (s.lesson ? s.lesson.steps[s.lessonStep] : null));
  const [trace, setTrace] = useState<{ trace: TraceResult; doc: typeof doc } | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [player, setPlayer] = useState<Player | null>(null);
  const state = usePlayerState(player);
  const shown = useAppStore((s) => (s.run?.status === 'done' ? selectShownPoint(s) : null));
  const replicas = useMemo(() => replicaTimeline(shown), [shown]);

  useEffect(() => {
    let live = true;
    let cancel = () => {};
    setStatus('loading');
    const timer = setTimeout(() => {
      const job = traceInWorker(doc, traceOptions(step));
      cancel = job.cancel;
      job.result
        .then((t) => {
          if (!live) return;
          setTrace({ trace: t, doc });
          setStatus('ready');
        })
        .catch((e: unknown) => {
          if (!live) return;
          setError(e instanceof Error ? e.message : String(e));
          setStatus('error');
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
      // A trace nobody will show is stopped at once (its worker terminated), not left to run.
      cancel();
    };
  }, [doc, step]);

  const scenarioRef = useRef(false);
  scenarioRef.current = (trace?.doc.scenario?.events.length ?? 0) > 0;
  const bind = useCallback(
    (p: Player | null) => {
      setPlayer(p);
      onPlayer(p);
      if (p) {
        p.onTick = (ms) => {
          const clock = document.querySelector<HTMLElement>('[data-testid=anim-clock]');
          // Under a fault scenario the run's own clock too: the events are timed on it ("crash at 60 s").
          if (clock) clock.textContent = `${((ms - p.trace.startMs) / 1000).toFixed(3)} s${scenarioRef.current ? ` · run ${(ms / 1000).toFixed(3)} s` : ''}`;
        };
      }
    },
    [onPlayer],
  );

  const t = trace?.trace;
  const failures = useMemo(() => (t ? failureSummary(t) : ''), [t]);
  const box = usePlayerHeight();
  return (
    <>
      {trace && <AnimationOverlay trace={trace.trace} doc={trace.doc} onPlayer={bind} replicas={replicas} />}
      <section ref={box} className="ls-player" aria-label="Animated requests" data-testid="player" data-status={status} data-playing={state.playing}>
        <button type="button" className="ls-button ls-player-main" onClick={() => player?.toggle()} disabled={!player} data-testid="anim-play" aria-label={state.playing ? 'Pause animation' : 'Play animation'}>
          {state.playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" className="ls-button" onClick={() => player?.step(-1)} disabled={!player} data-testid="anim-back" aria-label="Step back one event">
          ◀ step
        </button>
        <button type="button" className="ls-button" onClick={() => player?.step(1)} disabled={!player} data-testid="anim-step" aria-label="Step forward one event">
          step ▶
        </button>
        <label className="ls-player-speed">
          Speed
          <select value={state.realMsPerSimMs} onChange={(e) => player?.setSpeed(Number(e.target.value))} disabled={!player} data-testid="anim-speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                1 ms = {s} ms
              </option>
            ))}
          </select>
        </label>
        <span className="ls-player-clock" data-testid="anim-clock" aria-live="off">
          0.000 s
        </span>
        <span className="ls-player-info">
          {status === 'loading' && 'Tracing requests…'}
          {status === 'error' && `No animation: ${error}`}
          {status === 'ready' && t && `${t.requests} real requests from the engine, ${(t.startMs / 1000).toFixed(scenarioRef.current ? 3 : 1)} s into the run`}
          {status === 'ready' && t && failures && (
            <span className="ls-player-failures" data-testid="anim-failures">
              {' '}
              · {failures}
            </span>
          )}
        </span>
      </section>
    </>
  );
}

/**
 * Publishes the player's height as --ls-player-h on the root, so the lesson
 * panel above it ends where the player starts, however many rows the
 * player's controls wrap onto (the player never covers Previous/Next).
 */
function usePlayerHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    const root = document.documentElement;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => root.style.setProperty('--ls-player-h', `${Math.ceil(el.getBoundingClientRect().height)}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--ls-player-h');
    };
  }, []);
  return ref;
}
