/** A compact HTML legend: design colours, and the line style of each shown series. */
import { PERCENTILE_DASH, PERCENTILE_WIDTH } from './colours';
import { DESIGN_LABEL, DESIGNS, type Design, type Percentile } from './series';

function Swatch({ colour, dash, width = 2 }: { colour: string; dash?: string; width?: number }) {
  return (
    <svg width="26" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** `compare`: the saved run drawn beside the current one (its microservice curve). */
export function LineKey({
  colours,
  ink,
  percentiles,
  analytic,
  compare,
}: { colours: Record<Design, string>; ink: string; percentiles: readonly Percentile[]; analytic: boolean; compare?: { label: string; colour: string } | null }) {
  return (
    <div className="ls-line-key">
      {DESIGNS.map((d) => (
        <span key={d} className="ls-key-item">
          <span className="ls-key-dot" style={{ background: colours[d] }} />
          {DESIGN_LABEL[d]}
        </span>
      ))}
      {compare && (
        <span className="ls-key-item" data-testid="compare-key">
          <span className="ls-key-dot" style={{ background: compare.colour }} />
          {`Microservices, ${compare.label}`}
        </span>
      )}
      <span className="ls-key-sep" />
      {percentiles.map((p) => (
        <span key={p} className="ls-key-item">
          <Swatch colour={ink} dash={PERCENTILE_DASH[p]} width={PERCENTILE_WIDTH[p]} />
          {p}
        </span>
      ))}
      {analytic && (
        <span className="ls-key-item">
          <Swatch colour={ink} dash="6 4" width={1.2} />
          analytic mean
        </span>
      )}
    </div>
  );
}
