/**
 * The space reserved for results: hosts the results panel (app/results/)
 * below a resizable separator. Until a run exists it says so and does not
 * pretend there are results. Collapsed ("Hide results"), it keeps only its
 * tab bar and the canvas takes the rest. As the stage (key R), it takes the
 * whole centre column and the drawing waits behind it. While presenting
 * with no run yet, it shrinks to its tabs and hint (classroom.css), so the
 * drawing and its playback get the room (height from its content).
 */
import { ResultsPanel } from '../results/ResultsPanel';
import { useAppStore } from '../store/react';
import { ResultsSplitter } from './ResultsSplitter';

export function ResultsArea() {
  const open = useAppStore((s) => s.resultsOpen);
  const share = useAppStore((s) => s.resultsShare);
  const stage = useAppStore((s) => s.resultsStage);
  // Presenting with nothing run yet: only the tabs and the hint, so the drawing and its playback get the room.
  const shrunk = useAppStore((s) => s.presenting && s.run === null);
  const split = open && !stage;
  return (
    <>
      {split && <ResultsSplitter />}
      <section
        id="ls-results-area"
        className={`ls-results${open ? '' : ' is-collapsed'}${shrunk ? ' is-empty' : ''}`}
        style={split && !shrunk ? { height: `${share * 100}%` } : undefined}
        data-testid="results-area"
        aria-label="Results"
      >
        <ResultsPanel />
      </section>
    </>
  );
}
