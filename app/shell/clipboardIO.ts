/**
 * Moves copy payloads through the system clipboard (so they reach other tabs
 * and windows), with localStorage as the fallback when clipboard access is
 * refused.
 */
import { type ClipboardPayload, parsePayload } from '../store/clipboard';

const KEY = 'loadsketch.clipboard';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

export async function writeClipboard(payload: ClipboardPayload): Promise<void> {
  const text = JSON.stringify(payload);
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // storage full or disabled: the system clipboard may still work
  }
  try {
    await withTimeout(navigator.clipboard.writeText(text), 1000);
  } catch {
    // no clipboard permission: localStorage carries it between tabs
  }
}

export async function readClipboard(): Promise<ClipboardPayload | null> {
  try {
    const fromSystem = parsePayload(await withTimeout(navigator.clipboard.readText(), 1000));
    if (fromSystem) return fromSystem;
  } catch {
    // refused or unavailable
  }
  try {
    return parsePayload(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}
