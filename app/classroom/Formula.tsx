/**
 * A formula or a filled-in line set as mathematics: a subscript written
 * `W_q`, `c_s²`, `λ_node` or `P_wait` is drawn as W<sub>q</sub>, and
 * one-letter symbols are italic, as in a textbook. The text stays the plain
 * source for copy and screen readers (aria-label).
 */
import type { ReactNode } from 'react';

const TOKEN = /([A-Za-zλρμ])_([A-Za-z0-9]+)|(?<![\w/.])([A-Za-z])(?![\w/])|([λρμ])/g;

export function formulaParts(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[1]) {
      out.push(
        <span key={at}>
          <var>{m[1]}</var>
          <sub>{m[2]}</sub>
        </span>,
      );
    } else out.push(<var key={at}>{m[3] ?? m[4]}</var>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Formula({ text }: { text: string }) {
  return (
    <span role="math" aria-label={text}>
      {formulaParts(text)}
    </span>
  );
}
