/** A chart with its title, and a toggle to its table view (the text alternative, same numbers). */
import { type ReactNode, useId, useState } from 'react';
import { isExplainableCellKey } from '../classroom/explainClicks';
import { Tooltip } from '../shell/Tooltip';
import { DESIGN_LABEL, DESIGNS } from './series';

interface Props {
  title: string;
  /** One sentence saying what the chart shows (also the chart's accessible description). */
  caption?: ReactNode;
  testId: string;
  table: ReactNode;
  controls?: ReactNode;
  children: ReactNode;
}

export function ChartFrame({ title, caption, testId, table, controls, children }: Props) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <figure className="ls-chart" data-testid={testId} aria-labelledby={`${id}-t`}>
      <div className="ls-chart-head">
        <h3 id={`${id}-t`} className="ls-chart-title">
          {title}
        </h3>
        {controls && <div className="ls-chart-controls">{controls}</div>}
        <button
          type="button"
          className="ls-button ls-small"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
          data-testid={`${testId}-table-toggle`}
        >
          {asTable ? 'Chart' : 'Table'}
        </button>
      </div>
      {asTable ? (
        <div className="ls-table-wrap" data-testid={`${testId}-table`}>
          {table}
        </div>
      ) : (
        <div className="ls-chart-body" role="img" aria-labelledby={`${id}-t`} aria-describedby={caption ? `${id}-c` : undefined}>
          {children}
        </div>
      )}
      {caption && (
        <figcaption className="ls-chart-caption" id={`${id}-c`}>
          {caption}
        </figcaption>
      )}
    </figure>
  );
}

/** A table cell showing a formatted number, with the exact value in data-value. */
export function NumCell({ value, text, k }: { value: number | null; text: string; k?: string }) {
  const explainable = k !== undefined && isExplainableCellKey(k);
  const cell = (
    <td className="ls-num" data-key={k} data-value={value === null ? '' : String(value)} tabIndex={explainable ? 0 : undefined}>
      {text}
    </td>
  );
  return explainable ? <Tooltip content="Click or press Enter to explain this number">{cell}</Tooltip> : cell;
}

/** The head of a table with one column per design: "Figure", then each design's name. */
export function DesignTableHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Figure</th>
        {DESIGNS.map((d) => (
          <th key={d} scope="col">
            {DESIGN_LABEL[d]}
          </th>
        ))}
      </tr>
    </thead>
  );
}
