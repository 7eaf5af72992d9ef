/**
 * The resilience patterns' own counts per call, both designs, exact (circuit breakers: times opened, calls refused
 * while open; retry budgets: retries allowed and refused), under the blast-radius card. Rows and columns come from the report's builder
 * (workers/report/patternCounts.ts), so the studio, the report and the CLI list the same figures; a new per-edge
 * count (an entry of PATTERN_COUNTS) shows here as one more table.
 */
import type { RunResult } from '../../workers/engine/results';
import { patternCountTables, rowName } from '../../workers/report/patternCounts';
import { useAppStore } from '../store/react';
import { NumCell } from './ChartFrame';
import { fmtCount } from '../../workers/report/format';
import { DESIGN_LABEL, DESIGNS } from './series';

export function PatternCountsTable({ point }: { point: RunResult }) {
  const doc = useAppStore((s) => s.run?.doc ?? null);
  const tables = patternCountTables(doc, point);
  if (tables.length === 0) return null;
  return (
    <>
      {tables.map(({ kind, rows }) => (
        <div key={kind.id} className="ls-pattern-counts">
          <div className="ls-subhead" id={`${kind.id}-title`}>
            {kind.title}
          </div>
          <div className="ls-table-wrap">
            <table className="ls-table" data-testid={kind.id} aria-labelledby={`${kind.id}-title`}>
              <thead>
                <tr>
                  <th scope="col">Call</th>
                  <th scope="col">Count</th>
                  {DESIGNS.map((d) => (
                    <th key={d} scope="col">
                      {DESIGN_LABEL[d]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.flatMap((r) =>
                  kind.figures.map((f, i) => (
                    <tr key={`${r.edge}:${f.key}`} data-key={`${r.edge}:${f.key}`}>
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={kind.figures.length}>
                          {rowName(r)}
                        </th>
                      ) : null}
                      <th scope="row">{f.label}</th>
                      {DESIGNS.map((d) => {
                        const v = r.values[d]?.[f.key] ?? null;
                        return <NumCell key={d} k={d} value={v} text={fmtCount(v)} />;
                      })}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}
