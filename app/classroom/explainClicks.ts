/**
 * Makes the numbers of the results views explainable without changing them:
 * one delegated click listener maps a clicked per-node table cell (its
 * data-key), a saturation-rate cell, or a canvas node's utilisation chip to
 * the quantity, node and design to explain.
 */
import type { AppStore } from '../store';
import { type Design, EXPLAINABLE, type ExplainQuantity } from './explain';

const KEY_TO_QUANTITY: Record<string, ExplainQuantity> = { analyticUtilization: 'utilization' };
const SATURATION_KEY = /^(microservices|monolith)_saturation$/;

/** Whether a results-table cell with this data-key can be explained (and so should take keyboard focus). */
export function isExplainableCellKey(key: string): boolean {
  return SATURATION_KEY.test(key) || (EXPLAINABLE as readonly string[]).includes(KEY_TO_QUANTITY[key] ?? key);
}

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
    const sat = SATURATION_KEY.exec(key);
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

let opener: HTMLElement | null = null;

/**
 * Where the focus goes back when the explanation closes: the number that opened it, or the nearest focusable
 * element around it (a canvas node for its utilisation bar), null when there is none.
 */
export function explainOpener(): HTMLElement | null {
  return opener?.isConnected ? opener : null;
}

/** Installs the listener; returns its removal. */
export function installExplainClicks(store: AppStore): () => void {
  const open = (el: Element, t: NonNullable<ReturnType<typeof explainTargetOf>>, x: number, y: number) => {
    opener = el.closest<HTMLElement>('button, [tabindex]:not([tabindex="-1"]), a[href]');
    store.getState().openExplain({ ...t, x, y });
  };
  const onClick = (e: MouseEvent) => {
    const el = e.target as Element;
    const t = explainTargetOf(el);
    if (!t) return;
    if (e.detail > 0) return open(el, t, e.clientX, e.clientY);
    // A click from the keyboard (Enter or Space on a button) has no pointer position: under the button.
    const r = el.getBoundingClientRect();
    open(el, t, r.left + r.width / 2, r.bottom);
  };
  // Keyboard: Enter or Space on a focused explainable number opens the same explanation.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target as HTMLElement;
    if (el.tagName === 'BUTTON' || el.tagName === 'INPUT') return; // buttons get a click anyway
    const t = explainTargetOf(el);
    if (!t) return;
    e.preventDefault();
    const r = el.getBoundingClientRect();
    open(el, t, r.left + r.width / 2, r.bottom);
  };
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKey);
  return () => {
    document.removeEventListener('click', onClick);
    document.removeEventListener('keydown', onKey);
  };
}
