/**
 * The explanation of a clicked number: formula, the node's values filled in, simulated beside predicted.
 * A Radix UI Popover (non-modal dialog) anchored at the point clicked (or under the focused number): the focus
 * moves into it, Escape or a click outside closes it and the focus goes back to the number that opened it
 * (not after a click elsewhere, which takes the focus itself). A click on another explainable number switches
 * to that number instead of closing.
 */
import * as Popover from '@radix-ui/react-popover';
import { useEffect, useMemo, useRef } from 'react';
import { selectShownPoint } from '../results/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';
import { type Explanation, explain } from './explain';
import { explainOpener, explainTargetOf } from './explainClicks';
import { Formula } from './Formula';

export function ExplainPopover() {
  const store = useAppStoreApi();
  const target = useAppStore((s) => s.explainTarget);
  const point = useAppStore(selectShownPoint);
  const doc = useAppStore((s) => s.run?.doc ?? null);
  const content = useRef<HTMLDivElement>(null);
  const clickedOutside = useRef(false);
  // A zero-size box at the point clicked: Radix places the popover under it, or above when there is no room.
  const x = target?.x ?? 0;
  const y = target?.y ?? 0;
  const anchor = useMemo(() => ({ current: { getBoundingClientRect: () => new DOMRect(x, y, 0, 0) } }), [x, y]);
  const result = useMemo((): Explanation | string | null => {
    if (!target) return null;
    if (!point || !doc) return 'Run the design first: the explanation compares the formula with a simulated number.';
    try {
      return explain({ doc, point, design: target.design, quantity: target.quantity, nodeId: target.nodeId });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [target, point, doc]);

  const open = target !== null && result !== null;
  // Radix lets a click outside through without closing when the element clicked handles it itself (the React Flow
  // pane and the charts do): any press outside closes it here, as before, except on another explainable number.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const el = e.target as Element;
      if (content.current?.contains(el) || explainTargetOf(el)) return;
      clickedOutside.current = true;
      store.getState().closeExplain();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, store]);
  const title = result === null || typeof result === 'string' ? 'Explain' : result.title;
  return (
    <Popover.Root open={open} onOpenChange={(next) => !next && store.getState().closeExplain()}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Portal>
        <Popover.Content
          ref={content}
          className="ls-explain"
          data-testid="explain"
          side="bottom"
          sideOffset={12}
          collisionPadding={8}
          onOpenAutoFocus={(e) => {
            // The panel itself takes the focus (its title is read first), not its Close button.
            e.preventDefault();
            content.current?.focus();
            clickedOutside.current = false;
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (!clickedOutside.current) explainOpener()?.focus();
          }}
          onInteractOutside={(e) => {
            if (explainTargetOf(e.target as Element)) e.preventDefault();
            else clickedOutside.current = true;
          }}
        >
          <div className="ls-explain-head">
            <Popover.Title asChild>
              <h3>{title}</h3>
            </Popover.Title>
            <Popover.Close className="ls-button ls-small" aria-label="Close explanation">
              ✕
            </Popover.Close>
          </div>
          {result !== null && <ExplainBody result={result} />}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function ExplainBody({ result }: { result: Explanation | string }) {
  if (typeof result === 'string') return <p>{result}</p>;
  return (
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
  );
}
