import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { importText } from './importText';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('format detection by content', () => {
  it.each([
    ['recommender.mmd', 'mermaid'],
    ['recommender.drawio', 'drawio'],
    ['traces/shop.otlp.json', 'otlp'],
    ['traces/shop.jaeger.json', 'jaeger'],
    ['k6-summary.json', 'k6-summary'],
    ['locust_stats.csv', 'locust-csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(fixture(name), 'renamed.txt')).toBe(format);
  });

  it('knows a Loadsketch document and nothing else', () => {
    expect(detectFormat('{"format": "loadsketch", "version": 2}')).toBe('loadsketch');
    expect(detectFormat('hello')).toBeNull();
    expect(detectFormat('<html></html>')).toBeNull();
  });
});

describe('importText', () => {
  it('never throws and names the format in its error', () => {
    expect(importText('{"resourceSpans": 5}')).toEqual({ ok: false, format: 'otlp', error: 'OpenTelemetry (OTLP JSON): no spans found under resourceSpans[].scopeSpans[].spans' });
    expect(importText('hello')).toMatchObject({ ok: false, format: null, error: expect.stringMatching(/format was not recognised/) });
    expect(importText(fixture('k6-summary.json'))).toMatchObject({ ok: false, error: expect.stringMatching(/k6 summary \(calibration data\), not a diagram/) });
  });

  it('returns the pages of a draw.io file and the fit report of traces', () => {
    const d = importText(fixture('recommender.drawio'), { page: 1 });
    expect(d.ok && d.pages).toEqual(['Online path', 'Nearline']);
    const t = importText(fixture('traces/shop.jaeger.json'));
    expect(t.ok && t.fit?.services.length).toBe(9);
  });
});
