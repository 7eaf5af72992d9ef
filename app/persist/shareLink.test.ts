import { readFileSync } from 'node:fs';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../workers/templates';
import { largeDocument } from '../canvas/largeDocument';
import { createAppStore } from '../store';
import { openDocumentResult } from './files';
import { decodeShareFragment, encodeShareLink, MAX_LINK_CHARS } from './shareLink';

const base = 'http://localhost:4173/';

describe('share links', () => {
  it('round-trips a generated 300-node document', () => {
    const doc = largeDocument(300);
    const r = decodeShareFragment(new URL(encodeShareLink(doc, base).url).hash);
    expect(r?.ok && r.doc).toEqual(doc);
  });

  it('round-trips a template exactly', () => {
    const doc = loadTemplate('netflix');
    const { url, tooLong } = encodeShareLink(doc, base);
    expect(tooLong).toBe(false);
    const r = decodeShareFragment(new URL(url).hash);
    expect(r?.ok && r.doc).toEqual(doc);
  });

  it('is null without a shared document', () => {
    expect(decodeShareFragment('')).toBeNull();
    expect(decodeShareFragment('#section')).toBeNull();
  });

  it('reports a mangled or truncated link', () => {
    const { url } = encodeShareLink(loadTemplate('netflix'), base);
    const hash = new URL(url).hash;
    for (const broken of [hash.slice(0, hash.length / 2), '#doc=', '#doc=!!!***', `${hash.slice(0, 40)}zz${hash.slice(42)}`]) {
      const r = decodeShareFragment(broken);
      expect(r?.ok, broken.slice(0, 50)).toBe(false);
      if (r && !r.ok) expect(r.errors[0].message.length).toBeGreaterThan(10);
    }
  });

  it('reports a well-formed link carrying an invalid document with its paths', () => {
    const doc = { ...loadTemplate('mm1'), run: { durationSec: -1, warmupSec: 0, seed: 1, replications: 1 } };
    const r = decodeShareFragment(`#doc=${compressToEncodedURIComponent(JSON.stringify(doc))}`);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors.map((e) => e.path)).toContain('run.durationSec');
  });

  it('flags a document too large for a link', () => {
    const doc = largeDocument(300);
    const { url, tooLong } = encodeShareLink(doc, base);
    expect(url.length).toBeGreaterThan(MAX_LINK_CHARS);
    expect(tooLong).toBe(true);
  });
});

describe('opening a broken document', () => {
  it('leaves the current document unchanged and lists the errors', () => {
    const store = createAppStore({ doc: loadTemplate('tandem') });
    const before = store.getState().doc;
    const beforeId = store.getState().docId;
    const r = decodeShareFragment(`#doc=${compressToEncodedURIComponent('{"format":"loadsketch","version":1,"nodes":[{"id":"a","kind":"nope"}],"workload":{"entry":"a"}}')}`)!;
    expect(openDocumentResult(store, r, 'The file')).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().docId).toBe(beforeId);
    const dialog = store.getState().dialog;
    expect(dialog?.kind).toBe('errors');
    if (dialog?.kind === 'errors') expect(dialog.errors[0].path).toBe('nodes[0].kind');
  });
});

describe('bounded link decompression', () => {
  it('gives exactly what lz-string gives for ordinary and damaged links', async () => {
    const { decompressUriBounded } = await import('./lzBounded');
    const packed = compressToEncodedURIComponent(JSON.stringify(largeDocument(200)));
    const LZ = (await import('lz-string')).default;
    expect(decompressUriBounded(packed, 1e9)).toBe(LZ.decompressFromEncodedURIComponent(packed));
    for (const s of ['A', 'zz', packed.slice(0, 99), `${packed.slice(0, 40)}zz${packed.slice(42)}`, 'N4Ig', '!!!']) {
      let expected: string | null | undefined;
      try {
        expected = LZ.decompressFromEncodedURIComponent(s);
      } catch {
        expected = undefined; // lz-string itself throws on some damaged input; ours never does
      }
      const got = decompressUriBounded(s, 1e9);
      if (expected !== undefined) expect(got, s.slice(0, 20)).toBe(expected);
    }
  });

  it('stops decoding a decompression bomb at the bound (530 MB from 76 KB before)', async () => {
    const { decompressUriBounded } = await import('./lzBounded');
    // 300 k identical characters compress to under 2 KB; the decoder stops once its output passes 100 k.
    const bomb = compressToEncodedURIComponent('x'.repeat(300_000));
    expect(bomb.length).toBeLessThan(2_000);
    expect(decompressUriBounded(bomb, 100_000)).toEqual({ tooLarge: true });
    expect(decompressUriBounded(bomb, 300_000)).toBe('x'.repeat(300_000));
  });

  it('refuses a link over MAX_LINK_DOC_CHARS with a message', () => {
    // e2e/fixtures/bomb-link.txt: 6 M characters in under 8 KB of link (made once: lz-string takes a minute to compress it).
    const bomb = readFileSync(new URL('../../e2e/fixtures/bomb-link.txt', import.meta.url), 'utf8').trim();
    expect(bomb.length).toBeLessThan(8_000);
    const r = decodeShareFragment(`#doc=${bomb}`);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors[0].message).toMatch(/refused: its document expands to more than 4 M characters/);
  });
});
