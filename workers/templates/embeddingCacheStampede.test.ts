/**
 * The `embedding-cache-stampede` template (docs/templates.md) behaves as its description says: healthy, the GPU
 * embedder sees only the cache's misses (15/s of 200/s capacity); the flush at 30 s sends all 300 queries/s to it,
 * it saturates while the cache warms (until the hit ratio passes 1/3, ~21 s in), then drains and is calm again.
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../engine/run';
import { loadTemplate } from './index';

describe('embedding-cache-stampede template', () => {
  const doc = loadTemplate('embedding-cache-stampede');

  it('saturates the embedder during the flush and recovers once the cache has warmed', () => {
    const d = runPoint(doc, {}).microservices;
    const emb = d.nodes.find((n) => n.id === 'embedder')!;
    const u = emb.faultSeries!.utilization;
    const w = doc.run.durationSec / u.length; // window length, s
    const at = (sec: number) => u[Math.floor(sec / w)];
    // Before: 15 misses/s × 20 ms / 4 servers = 7.5 %.
    expect(at(15)).toBeGreaterThan(0.04);
    expect(at(15)).toBeLessThan(0.12);
    // During the stampede (30 s … ~51 s, then the backlog drains): every server busy.
    for (const s of [33, 45, 60]) expect(at(s)).toBeGreaterThan(0.99);
    // After the cache is warm (90 s on): calm again.
    expect(at(120)).toBeLessThan(0.12);
    expect(d.endToEnd.p99Ms).toBeGreaterThan(1000);
    expect(d.recovered).toBe(true);
  });
});
