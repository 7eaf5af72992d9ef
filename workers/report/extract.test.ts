import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates';
import { extractDocumentFromReport, findDocumentBlock } from './extract';

describe('finding the embedded document in a report (linear time)', () => {
  it('answers 2 MB of repeated "<script " (a regular expression backtracked quadratically: 37 s for 512 KB)', () => {
    for (const html of ['<script '.repeat(262_144), `${'<script id=x>'.repeat(150_000)}`, `<html>${'<script id="loadsketch-document" '.repeat(60_000)}`]) {
      const r = extractDocumentFromReport(html);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].message).toMatch(/not a Loadsketch report/);
    }
  });

  it('finds the block whatever the attribute order, quotes and case', () => {
    const json = JSON.stringify(loadTemplate('mm1'));
    for (const tag of ['<script type="application/json" id="loadsketch-document">', "<SCRIPT id='loadsketch-document' type=application/json>", '<script id=loadsketch-document>']) {
      expect(findDocumentBlock(`<html><script>var a = "<script";</script>${tag}${json}</script ></html>`)).toBe(json);
      const r = extractDocumentFromReport(`<p>İİİ</p>${tag}${json}</script>`);
      expect(r.ok).toBe(true);
    }
    expect(findDocumentBlock('<script id="loadsketch-documents">{}</script>')).toBeNull();
  });
});
