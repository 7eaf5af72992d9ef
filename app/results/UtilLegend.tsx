/** The legend of the utilisation colours (canvas and per-node bars). */
import { UTIL_STEPS } from './colours';

export function UtilLegend({ title = 'Utilisation' }: { title?: string }) {
  return (
    <div className="ls-util-legend" data-testid="util-legend">
      <span className="ls-util-legend-title">{title}</span>
      {UTIL_STEPS.map((s) => (
        <span key={s.label} className="ls-util-swatch" style={{ background: s.fill, color: s.text }}>
          {s.label}
        </span>
      ))}
    </div>
  );
}
