/**
 * A small dropdown menu built on <details>, closed after each choice.
 * Keyboard (WAI-ARIA menu button): Enter/Space or ↓ on the button opens it,
 * ↑/↓ Home/End move between items, Escape or Tab closes it and the focus goes
 * back to the button; a click outside closes it.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';

const items = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)'));

export function Menu(props: { label: string; testId: string; wide?: boolean; onOpen?: () => void; children: (close: () => void) => ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (ref.current) ref.current.open = false;
  };
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    const d = ref.current;
    if (!d) return;
    if (e.key === 'Escape' && d.open) {
      e.preventDefault();
      e.stopPropagation();
      close();
      d.querySelector<HTMLElement>('summary')?.focus();
      return;
    }
    if (e.key === 'Tab' && d.open) return close();
    const moves = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!moves.includes(e.key)) return;
    e.preventDefault();
    if (!d.open) d.open = true;
    const list = items(d);
    if (!list.length) return;
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : e.key === 'ArrowDown' ? (at + 1) % list.length : at <= 0 ? list.length - 1 : at - 1;
    list[next].focus();
  };
  return (
    <details
      ref={ref}
      className="ls-menu"
      onKeyDown={onKeyDown}
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) props.onOpen?.();
      }}
    >
      <summary className="ls-button" data-testid={props.testId} aria-haspopup="menu">
        {props.label} ▾
      </summary>
      <div className={`ls-menu-body${props.wide ? ' is-wide' : ''}`} role="menu" aria-label={props.label}>
        {props.children(close)}
      </div>
    </details>
  );
}
