/**
 * JSON for untrusted files: a size limit, a nesting limit, and objects read
 * through `own()` so a `__proto__` key is data, never a prototype.
 */
import { IMPORT_LIMITS, ImportError } from './limits';

/** Parses `text` as JSON, refusing text over the size limit or nested deeper than the depth limit. */
export function parseJsonLimited(text: string, what: string): unknown {
  if (text.length > IMPORT_LIMITS.maxChars) throw new ImportError(`${what} is larger than 16 MB`);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > IMPORT_LIMITS.maxDepth) throw new ImportError(`${what} is nested deeper than ${IMPORT_LIMITS.maxDepth} levels`);
    } else if (c === 125 || c === 93) depth--;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportError(`${what} is not valid JSON (${(err as Error).message.slice(0, 120)})`);
  }
}

/** A record view of a value: its own property `key`, or undefined (never an inherited one). */
export function own(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** `own(value, key)` as an array, or an empty array. */
export function ownArray(value: unknown, key: string): unknown[] {
  const v = own(value, key);
  return Array.isArray(v) ? v : [];
}

/** `own(value, key)` as a string, or undefined. */
export function ownString(value: unknown, key: string): string | undefined {
  const v = own(value, key);
  return typeof v === 'string' ? v : undefined;
}

/** `own(value, key)` as a finite number (numeric strings too, as OTLP writes 64-bit times), or undefined. */
export function ownNumber(value: unknown, key: string): number | undefined {
  const v = own(value, key);
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
