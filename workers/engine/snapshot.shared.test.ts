import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse';
import { snapshot } from './snapshot';

describe('shared references are read once (linear, not exponential, in the paths to them)', () => {
  it('parses eight levels of lists that each hold the same list 10,000 times', () => {
    // Without the copy memo this is 10,000^8 copies: it never ends.
    let shared: unknown = [1];
    for (let level = 0; level < 8; level++) shared = new Array(10_000).fill(shared);
    let reads = 0;
    const inner = {
      get x() {
        reads++;
        return 1;
      },
    };
    const r = parseTopology({ format: 'loadsketch', version: 1, nodes: new Array(3000).fill({ id: 'a', kind: 'service', position: inner }), workload: { entry: 'a' }, extra: shared });
    expect(r.ok).toBe(false);
    if (!r.ok) for (const e of r.errors) expect(e.path.length).toBeGreaterThan(0);
    expect(reads).toBe(1);
  });

  it('copies a shared record to every place it appears, and turns a cycle into an empty container', () => {
    const st = { dist: 'exponential', meanMs: 3 };
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const s = snapshot({ one: st, two: st, cyclic });
    expect(s.ok && s.value).toEqual({ one: st, two: st, cyclic: { a: 1, self: {} } });
  });
});
