/**
 * The space reserved for results: hosts the results panel (app/results/).
 * Until a run exists it says so and does not pretend there are results.
 */
import { ResultsPanel } from '../results/ResultsPanel';

export function ResultsArea() {
  return (
    <section className="ls-results" data-testid="results-area" aria-label="Results">
      <ResultsPanel />
    </section>
  );
}
