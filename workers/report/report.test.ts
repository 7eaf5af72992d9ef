import { beforeAll, describe, expect, it } from 'vitest';
import { parseTopology } from '../engine/parse';
import type { Topology } from '../engine/schema';
import { loadTemplate } from '../templates';
import { buildReportHtml } from './buildReport';
import { extractDocumentFromReport } from './extract';
import { fmtMs, fmtRate, fmtMoney } from './format';
import { detailPoint, type ReportInput } from './model';
import { smallReportInput } from './testing';

const XSS = '<img src=x onerror=alert(1)>';

function hostile(doc: Topology): Topology {
  return {
    ...doc,
    name: `</script><script>alert(2)</script> ${XSS}`,
    description: `Say "hi" & <b>bye</b> ${XSS}`,
    nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, label: XSS } : n)),
  };
}

describe('buildReportHtml', () => {
  let input: ReportInput;
  let html: string;
  beforeAll(async () => {
    input = await smallReportInput(loadTemplate('retrieve-rank-rerank'));
    html = buildReportHtml(input);
  });

  it('has every section, the diagram and four charts as inline SVG', () => {
    for (const id of ['verdict', 'design', 'assumptions', 'load-test', 'capacity', 'per-node', 'distribution', 'analytic', 'sweep']) {
      expect(html).toContain(`<section id="${id}"`);
    }
    for (const t of ['diagram', 'chart-latency', 'chart-throughput', 'chart-utilization', 'chart-distribution']) {
      expect(html).toMatch(new RegExp(`<figure data-testid="${t}">(<div[^>]*>)?<svg `));
    }
    expect(html.match(/<svg /g)?.length).toBe(5);
    for (const t of ['assumptions-run', 'assumptions-nodes', 'assumptions-edges', 'sweep-table', 'nodes-table', 'analytic-table', 'capacity-table']) {
      expect(html).toContain(`data-testid="${t}"`);
    }
  });

  it('is self-contained: no scripts to run, no external URL, a CSP that forbids loading anything', () => {
    expect(html.match(/<script/g)?.length).toBe(1);
    expect(html).toContain('<script type="application/json" id="loadsketch-document">');
    const urls = html.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).toContain("default-src 'none'");
  });

  it('prints the numbers of the input result: sweep table, capacity verdict, cost', () => {
    const c = input.capacity!;
    expect(html).toContain(`the microservice design sustains up to ${fmtRate(c.microservices.ratePerSec)}`);
    expect(html).toContain(`monolith sustains up to ${fmtRate(c.monolith.ratePerSec)}`);
    expect(html).toContain(`microservices ${fmtMoney(c.microservices.costPerMillionRequests)}`);
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]);
    for (const p of input.sweep!.points) {
      const e = p.microservices.endToEnd;
      const cells = [fmtRate(p.ratePerSec), 'Microservices', fmtRate(e.throughputPerSec), fmtMs(e.meanMs), fmtMs(e.p50Ms), fmtMs(e.p95Ms), fmtMs(e.p99Ms)];
      expect(rows.some((r) => cells.every((c) => r.includes(`>${c}</td>`)) && r.indexOf(cells[6]) > r.indexOf(cells[3]))).toBe(true);
    }
    const point = detailPoint(input.sweep)!;
    expect(html).toContain(`Per node at ${fmtRate(point.ratePerSec)}`);
    expect(html).toContain('Ranking model (GPU)');
  });

  it('explains the monolith derivation and names the bottleneck', () => {
    expect(html).toMatch(/The monolith runs as 1 replica holding API gateway, .* on 10 worker threads and Ranking model \(GPU\) on 8 GPU slots \(set in the document/);
    expect(html).toMatch(/The analytic model names Ranking model \(GPU\) as the bottleneck/);
  });

  it('embeds the document: extractDocumentFromReport gives it back deep-equal', () => {
    const r = extractDocumentFromReport(html);
    expect(r.ok && r.doc).toEqual(input.doc);
  });

  it('works without results (design and assumptions only)', () => {
    const bare = buildReportHtml({ ...input, sweep: null, capacity: null });
    expect(bare).toContain('No load test in this report');
    expect(bare).not.toContain('id="load-test"');
    expect(bare.match(/<svg /g)?.length).toBe(1);
  });

  it('escapes every user string (name, description, labels) in HTML, SVG and the JSON block', () => {
    const doc = hostile(input.doc);
    expect(parseTopology(doc).ok).toBe(true);
    const h = buildReportHtml({ ...input, doc });
    expect(h).not.toContain('<img');
    expect(h).not.toContain('<b>');
    expect(h).not.toContain('<script>');
    expect(h.match(/<\/script>/g)?.length).toBe(1);
    expect(h).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(h).toContain('Say &quot;hi&quot; &amp; &lt;b&gt;bye&lt;/b&gt;');
    const svgs = h.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs.some((s) => s.includes('&lt;img src=x'))).toBe(true);
    const back = extractDocumentFromReport(h);
    expect(back.ok && back.doc).toEqual(doc);
  });
});

describe('extractDocumentFromReport', () => {
  it('names the problem for HTML that is not a report, broken JSON, and an invalid document', () => {
    const no = extractDocumentFromReport('<html><body>hi</body></html>');
    expect(no.ok === false && no.errors[0].message).toMatch(/not a Loadsketch report/);
    const bad = extractDocumentFromReport('<script type="application/json" id="loadsketch-document">{"format": </script>');
    expect(bad.ok === false && bad.errors[0].message).toMatch(/not valid JSON/);
    const inv = extractDocumentFromReport('<script type="application/json" id="loadsketch-document">{"format":"loadsketch","version":1,"nodes":[],"workload":{"entry":"x"}}</script>');
    expect(inv.ok).toBe(false);
  });
});
