/**
 * Makes the numbers of the results views explainable without changing them:
 * one delegated click listener maps a clicked per-node table cell (its
 * data-key), a saturation-rate cell, or a canvas node's utilisation chip to
 * the quantity, node and design to explain.
 */
import type { AppStore } from '../store';
import { type Design, EXPLAINABLE, type ExplainQuantity } from './explain';

const KEY_TO_QUANTITY: Record<string, ExplainQuantity> = { analyticUtilization: 'utilization' };

/** The explain target of a click, or null when the click was not on an explainable number. */
export function explainTargetOf(el: Element): { quantity: ExplainQuantity; nodeId: string | null; design: Design } | null {
  const explicit = el.closest<HTMLElement>('[data-explain]');
  if (explicit) {
    const [quantity, nodeId, design] = (explicit.dataset.explain ?? '').split('|');
    if ((EXPLAINABLE as readonly string[]).includes(quantity)) return { quantity: quantity as ExplainQuantity, nodeId: nodeId || null, design: design === 'monolith' ? 'monolith' : 'microservices' };
  }
  const cell = el.closest<HTMLElement>('td[data-key]');
  if (cell) {
    const key = cell.dataset.key ?? '';
    const sat = /^(microservices|monolith)_saturation$/.exec(key);
    if (sat) return { quantity: 'saturation', nodeId: null, design: sat[1] as Design };
    const quantity = KEY_TO_QUANTITY[key] ?? key;
    const row = cell.closest<HTMLElement>('[data-testid=nodes-table] tr[data-node]');
    if (row && (EXPLAINABLE as readonly string[]).includes(quantity)) {
      const design = document.querySelector<HTMLElement>('[data-testid=bottleneck]')?.dataset.design === 'monolith' ? 'monolith' : 'microservices';
      return { quantity: quantity as ExplainQuantity, nodeId: row.dataset.node ?? null, design };
    }
  }
  const chip = el.closest('[data-testid=node-util]');
  const node = chip?.closest<HTMLElement>('[data-testid^="node-"][data-kind]');
  if (chip && node) return { quantity: 'utilization', nodeId: node.dataset.testid!.slice('node-'.length), design: 'microservices' };
  return null;
}

/** Installs the listener; returns its removal. */
export function installExplainClicks(store: AppStore): () => void {
  const onClick = (e: MouseEvent) => {
    const t = explainTargetOf(e.target as Element);
    if (!t) return;
    store.getState().openExplain({ ...t, x: e.clientX, y: e.clientY });
  };
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
}
