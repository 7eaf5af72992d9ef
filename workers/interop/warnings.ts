import { IMPORT_LIMITS } from './limits';

/** Collects importer warnings, keeping at most IMPORT_LIMITS.maxWarnings and counting the rest. */
export class Warnings {
  readonly list: string[] = [];
  private dropped = 0;

  add(message: string): void {
    if (this.list.length < IMPORT_LIMITS.maxWarnings) this.list.push(message);
    else this.dropped++;
  }

  /** The warnings, with a last line counting those left out. */
  done(): string[] {
    return this.dropped ? [...this.list, `… and ${this.dropped} more warnings`] : [...this.list];
  }
}

/** A short, single-line excerpt of untrusted text for a message. */
export function excerpt(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(one.length > max ? `${one.slice(0, max)}…` : one);
}
