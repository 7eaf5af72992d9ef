import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitLine } from './waitLine';

describe('WaitLine (fifo | lifo, lazy cancellation)', () => {
  it('fifo takes the oldest, lifo the newest', () => {
    const dead = new Uint8Array(10);
    const q = new WaitLine(2);
    for (const x of [1, 2, 3, 4]) q.push(x);
    expect([q.take(false, dead), q.take(true, dead), q.take(false, dead), q.take(true, dead), q.take(true, dead)]).toEqual([1, 4, 2, 3, -1]);
  });

  it('a cancelled entry is skipped without a search and never counted live', () => {
    const dead = new Uint8Array(10);
    const q = new WaitLine();
    for (const x of [5, 6, 7]) q.push(x);
    dead[6] = 1;
    q.cancelled();
    expect(q.live).toBe(2);
    expect(q.take(false, dead)).toBe(5);
    expect(q.take(false, dead)).toBe(7); // 6 dropped on the way
    expect([q.size, q.live]).toEqual([0, 0]);
  });

  it('property: matches a reference array under random pushes, takes (fifo or lifo) and cancellations', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('push' as const) }),
      fc.record({ k: fc.constant('take' as const), lifo: fc.boolean() }),
      fc.record({ k: fc.constant('cancel' as const), i: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new WaitLine(1);
        const dead = new Uint8Array(400);
        const ref: number[] = [];
        let next = 0;
        for (const o of ops) {
          if (o.k === 'push') {
            q.push(next);
            ref.push(next++);
          } else if (o.k === 'take') {
            const want = ref.length === 0 ? -1 : o.lifo ? ref.pop()! : ref.shift()!;
            expect(q.take(o.lifo, dead)).toBe(want);
          } else if (ref.length > 0) {
            const [x] = ref.splice(o.i % ref.length, 1);
            dead[x] = 1;
            q.cancelled();
          }
          expect(q.live).toBe(ref.length);
        }
      }),
    );
  });
});
