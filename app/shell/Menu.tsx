/** A small dropdown menu built on <details>, closed after each choice. */
import { type ReactNode, useEffect, useRef } from 'react';

export function Menu(props: { label: string; testId: string; onOpen?: () => void; children: (close: () => void) => ReactNode }) {
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
  return (
    <details
      ref={ref}
      className="ls-menu"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) props.onOpen?.();
      }}
    >
      <summary className="ls-button" data-testid={props.testId}>
        {props.label} ▾
      </summary>
      <div className="ls-menu-body" role="menu">
        {props.children(close)}
      </div>
    </details>
  );
}
