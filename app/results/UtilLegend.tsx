/** The legend of the utilisation colours (canvas and per-node bars); compact: short labels (%) in a 150 px strip. */
import { Tooltip } from '../shell/Tooltip';
import { UTIL_STEPS } from './colours';

export function UtilLegend({ title = 'Utilisation', compact = false }: { title?: string; compact?: boolean }) {
  return (
    <div className={`ls-util-legend${compact ? ' is-compact' : ''}`} data-testid="util-legend">
      <span className="ls-util-legend-title">{title}</span>
      {UTIL_STEPS.map((s) => {
        const swatch = (
          <span key={s.label} className="ls-util-swatch" style={{ background: s.fill, color: s.text }}>
            {compact ? s.short : s.label}
          </span>
        );
        // Compact labels are short forms: the whole range on hover (not focusable: the legend is not a control).
        return compact ? (
          <Tooltip key={s.label} content={`Utilisation ${s.label}`} side="top">
            {swatch}
          </Tooltip>
        ) : (
          swatch
        );
      })}
    </div>
  );
}
