import type { DraftEdge, DraftNode } from './draft';
import type { Warnings } from './warnings';

/**
 * A document may not hold a cycle of calls (a request would call itself
 * forever). Each edge that closes a cycle, found by depth-first search in
 * drawing order, is left out, with a warning naming it.
 */
export function dropCycles(nodes: readonly DraftNode[], edges: readonly DraftEdge[], warnings: Warnings): DraftEdge[] {
  const byFrom = new Map<string, DraftEdge[]>();
  for (const e of edges) {
    const list = byFrom.get(e.from);
    if (list) list.push(e);
    else byFrom.set(e.from, [e]);
  }
  const dropped = new Set<DraftEdge>();
  const state = new Map<string, 1 | 2>();
  for (const start of nodes) {
    if (state.has(start.key)) continue;
    const stack: { key: string; i: number }[] = [{ key: start.key, i: 0 }];
    state.set(start.key, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = (byFrom.get(top.key) ?? [])[top.i++];
      if (!next) {
        state.set(top.key, 2);
        stack.pop();
      } else if (state.get(next.to) === 1) {
        dropped.add(next);
        warnings.add(`call ${next.from} → ${next.to} closes a cycle of calls (a request would call itself forever); left out`);
      } else if (!state.has(next.to)) {
        state.set(next.to, 1);
        stack.push({ key: next.to, i: 0 });
      }
    }
  }
  return edges.filter((e) => !dropped.has(e));
}
