/**
 * A fixed-seed slice of `npm run fuzz` (the first 150 seeds), the pinned
 * seeds and the pinned hostile documents: parseTopology never throws, every
 * error has a path, a valid document runs within its budget with
 * conservation and finite numbers.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from './check';
import { hostileDocument } from './hostileDocs';
import { PINNED_DOCUMENTS, PINNED_SEEDS } from './pinned';

describe('fuzz slice', () => {
  it('the same seed gives the same document', () => {
    expect(JSON.stringify(hostileDocument(42))).toBe(JSON.stringify(hostileDocument(42)));
  });

  it('seeds 1–150 keep every invariant', { timeout: 120_000 }, () => {
    let valid = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const r = checkDocument(hostileDocument(seed));
      expect(r.failures, `seed ${seed}`).toEqual([]);
      if (r.valid) valid++;
    }
    // The slice must exercise the run, not only the parser.
    expect(valid).toBeGreaterThan(10);
  });

  it.each(PINNED_SEEDS.map((p) => [p.seed, p.found] as const))('pinned seed %i (%s)', (seed) => {
    expect(checkDocument(hostileDocument(seed)).failures).toEqual([]);
  });

  it.each(PINNED_DOCUMENTS.map((p) => [p.name, p.doc] as const))('pinned document: %s', { timeout: 60_000 }, (_name, doc) => {
    expect(checkDocument(doc).failures).toEqual([]);
  });
});
