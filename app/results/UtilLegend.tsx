/** The legend of the utilisation colours (canvas and per-node bars); compact: short labels (%) in a 150 px strip. */
import { UTIL_STEPS } from './colours';

export function UtilLegend({ title = 'Utilisation', compact = false }: { title?: string; compact?: boolean }) {
  return (
    <div className={`ls-util-legend${compact ? ' is-compact' : ''}`} data-testid="util-legend">
      <span className="ls-util-legend-title">{title}</span>
      {UTIL_STEPS.map((s) => (
        <span key={s.label} className="ls-util-swatch" style={{ background: s.fill, color: s.text }} title={compact ? s.label : undefined}>
          {compact ? s.short : s.label}
        </span>
      ))}
    </div>
  );
}
