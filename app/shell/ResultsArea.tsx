/**
 * The space reserved for results. The results work (app/results/) replaces
 * this placeholder with its panel; until a run exists it must not pretend
 * there are results.
 */
export function ResultsArea() {
  return (
    <section className="ls-results" data-testid="results-area" aria-label="Results">
      <p className="ls-hint">Run a load test to see results.</p>
    </section>
  );
}
