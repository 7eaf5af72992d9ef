import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Warnings } from '../warnings';
import { importDrawio } from './import';

const fixture = readFileSync(new URL('../fixtures/recommender.drawio', import.meta.url), 'utf8');

function load(xml: string, page = 0) {
  const w = new Warnings();
  const r = importDrawio(xml, page, w);
  return { ...r, warnings: w.done() };
}

describe('draw.io import: the compressed two-page fixture (hand-checked)', () => {
  it('is really compressed on page 1', () => {
    expect(fixture).not.toMatch(/Online path">\s*<mxGraphModel/);
  });

  const { doc, pages, warnings } = load(fixture);
  const edge = (s: string, t: string) => doc.edges.find((e) => e.source === s && e.target === t);

  it('lists both pages and reads the first', () => {
    expect(pages).toEqual(['Online path', 'Nearline']);
    expect(doc.name).toBe('Online path');
  });

  it('maps AWS, GCP and Azure icons and labels to kinds, keeps positions (children of a group in page coordinates)', () => {
    expect(doc.nodes.map((n) => [n.id, n.label, n.kind, n.position.x, n.position.y])).toEqual([
      ['gw', 'Edge API', 'gateway', 40, 100],
      ['svc', 'Recommender service', 'service', 240, 100],
      ['ddb', 'Profiles', 'database', 480, 20],
      ['mem', 'Session store', 'cache', 480, 140],
      ['rank', 'Ranker', 'model-server', 420, 340],
      ['sqs', 'Events', 'queue', 240, 300],
      ['fs', 'Feature store', 'feature-store', 700, 100],
    ]);
    expect(doc.workload.entry).toBe('gw');
  });

  it('reads connectors: dashed = async, labels (also separate edge-label cells) give probability, stage and count', () => {
    expect(doc.edges).toHaveLength(6);
    expect(edge('gw', 'svc')).toMatchObject({ mode: 'sync', probability: 1, stage: null });
    expect(edge('svc', 'ddb')).toMatchObject({ mode: 'sync', probability: 0.8 });
    expect(edge('svc', 'mem')).toMatchObject({ stage: 0 });
    expect(edge('svc', 'rank')).toMatchObject({ stage: 1, count: 2 });
    expect(edge('svc', 'sqs')).toMatchObject({ mode: 'async' });
    expect(edge('rank', 'fs')).toMatchObject({ mode: 'sync' });
  });

  it('warns about the group, the text, the unknown label and the dangling connector', () => {
    expect(warnings).toEqual([
      'group "VPC": its shapes are imported, the grouping is not kept',
      'text "Draft v2" is not a shape; skipped',
      'label "HTTP" on a connector is not a call setting; not kept',
      'connector "e7" is not attached to two imported shapes at both ends; skipped',
    ]);
  });

  it('reads the chosen second page (uncompressed)', () => {
    const r = load(fixture, 1);
    expect(r.doc.nodes.map((n) => [n.label, n.kind])).toEqual([
      ['Nearline Flink', 'stream-processor'],
      ['Cassandra', 'database'],
    ]);
    expect(r.doc.name).toBe('Nearline');
  });
});

describe('draw.io import: hostile and broken files give clear errors', () => {
  const wrap = (body: string) => `<mxfile><diagram name="P">${body}</diagram></mxfile>`;
  const zipBomb = Buffer.from(deflateSync(new Uint8Array(20 * 1024 * 1024))).toString('base64');
  it.each([
    ['not xml <<<', /no <mxfile> or <mxGraphModel>|not valid XML/],
    ['<mxfile><diagram', /not valid XML/],
    ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><mxfile/>', /DOCTYPE or entities/],
    ['<mxfile><x/></mxfile>', /no pages/],
    [wrap('%%%not base64'), /not valid base64/],
    [wrap('AAAA'), /could not be inflated|not URI-encoded|empty/],
    [wrap(zipBomb), /inflates to more than 16 MB/],
    ['<mxGraphModel><root><mxCell id="0" __proto__="x"/></root></mxGraphModel>', /not valid XML/],
    [`<mxGraphModel>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</mxGraphModel>`, /not valid XML/],
    ['<mxGraphModel><root><mxCell id="0"/></root></mxGraphModel>', /no nodes/],
  ])('%#', (xml, message) => {
    expect(() => load(xml)).toThrow(message);
  });

  it('names the pages when the chosen one does not exist', () => {
    expect(() => load(fixture, 5)).toThrow('page 6 does not exist; the file has 2 page(s): "Online path", "Nearline"');
  });

  it('keeps a hostile label as text and pollutes no prototype', () => {
    const xml = '<mxGraphModel><root><mxCell id="constructor" value="&lt;img src=x onerror=alert(1)&gt;" vertex="1" parent="1"><mxGeometry x="1" y="2"/></mxCell></root></mxGraphModel>';
    const { doc } = load(xml);
    expect(doc.nodes[0].label).toBe('<img src=x onerror=alert(1)>');
    expect(doc.nodes[0].id).toBe('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
