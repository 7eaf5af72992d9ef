/** A table of figures by offered load: the table behind a chart (its "Table" view), one row per load. */
import type { ReactNode } from 'react';
import { NumCell } from './ChartFrame';
import { fmtRate } from './format';
import { fmtUsers } from '../../workers/report/closedText';

/** One column: a number (exact value in data-value, formatted text shown) or, without `value`, plain text. */
export interface RateColumn<R> {
  key: string;
  header: string;
  value?: (r: R) => number | null;
  text: (r: R) => string;
}

/**
 * Rows keyed by their offered load; the first cell is the load (data-key "ratePerSec"), then one cell per column.
 * Rows of a closed workload's sweep carry `users`: the first cell is then the users (data-key "users").
 */
export function RateTable<R extends { ratePerSec: number; users?: number }>({ testId, rows, columns, caption, foot }: { testId: string; rows: readonly R[]; columns: readonly RateColumn<R>[]; caption?: string; foot?: ReactNode }) {
  const closed = rows.some((r) => r.users !== undefined);
  return (
    <table className="ls-table" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{closed ? 'Users' : 'Offered load'}</th>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.users ?? r.ratePerSec} data-rate={r.ratePerSec} data-users={r.users}>
            {r.users !== undefined ? <NumCell k="users" value={r.users} text={fmtUsers(r.users)} /> : <NumCell k="ratePerSec" value={r.ratePerSec} text={fmtRate(r.ratePerSec)} />}
            {columns.map((c) => (c.value ? <NumCell key={c.key} k={c.key} value={c.value(r)} text={c.text(r)} /> : <td key={c.key}>{c.text(r)}</td>))}
          </tr>
        ))}
      </tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
}
