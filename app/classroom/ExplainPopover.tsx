/** The explanation of a clicked number: formula, the node's values filled in, simulated beside predicted. */
import { Formula } from './Formula';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { selectShownPoint } from '../results/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';
import { type Explanation, explain } from './explain';

export function ExplainPopover() {
  const store = useAppStoreApi();
  const target = useAppStore((s) => s.explainTarget);
  const point = useAppStore(selectShownPoint);
  const doc = useAppStore((s) => s.run?.doc ?? null);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 560, h: 380 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && (el.offsetWidth !== size.w || el.offsetHeight !== size.h)) setSize({ w: el.offsetWidth, h: el.offsetHeight });
  });
  const result = useMemo((): Explanation | string | null => {
    if (!target) return null;
    if (!point || !doc) return 'Run the design first: the explanation compares the formula with a simulated number.';
    try {
      return explain({ doc, point, design: target.design, quantity: target.quantity, nodeId: target.nodeId });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [target, point, doc]);

  useEffect(() => {
    if (!target) return;
    ref.current?.focus();
    const onDown = (e: MouseEvent) => {
      const el = e.target as HTMLElement;
      if (!ref.current?.contains(el) && !el.closest?.('[data-explain]')) store.getState().closeExplain();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [target, store]);

  if (!target || result === null) return null;
  const left = Math.max(8, Math.min(target.x - size.w / 2, window.innerWidth - size.w - 8));
  const top = Math.max(8, target.y + 12 + size.h > window.innerHeight ? target.y - size.h - 12 : target.y + 12);
  const title = typeof result === 'string' ? 'Explain' : result.title;
  return (
    <div ref={ref} className="ls-explain" role="dialog" aria-label={title} tabIndex={-1} style={{ left, top }} data-testid="explain">
      <div className="ls-explain-head">
        <h3>{title}</h3>
        <button type="button" className="ls-button ls-small" onClick={() => store.getState().closeExplain()} aria-label="Close explanation">
          ✕
        </button>
      </div>
      {typeof result === 'string' ? (
        <p>{result}</p>
      ) : (
        <>
          <dl className="ls-explain-lines">
            {result.lines.map((l) => (
              <div key={l.law + l.formula}>
                <dt>{l.law}</dt>
                <dd className="ls-explain-formula" data-testid="explain-formula">
                  <Formula text={l.formula} />
                </dd>
                <dd className="ls-explain-filled" data-testid="explain-filled">
                  <Formula text={l.filled} />
                </dd>
              </div>
            ))}
          </dl>
          <div className="ls-explain-compare">
            <span>
              Predicted <strong data-testid="explain-predicted">{result.predictedText}</strong>
            </span>
            <span>
              Simulated <strong data-testid="explain-simulated">{result.simulatedText}</strong>
            </span>
          </div>
          {result.notCovered.length > 0 && (
            <ul className="ls-explain-notes" data-testid="explain-not-covered">
              {result.notCovered.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <p className="ls-explain-legend">{result.legend}</p>
        </>
      )}
    </div>
  );
}
