/**
 * Pinned bits of detmath and of the random streams built on it. Every value
 * below was produced by running this code in Node 20 (V8 11.3) AND in Chromium
 * 156 (V8 15.6) and checking that both gave the same 64 bits (their
 * Math.log/exp did not: 960 of 100 000 Math.log results differed). A change
 * here means runs no longer reproduce across engines or versions: do not
 * update the table unless the algorithm is meant to change.
 */
import { describe, expect, it } from 'vitest';
import { detExp, detLog, detPow, detPowInt } from './detmath';
import { Rng } from './rng';

const f = new Float64Array(1);
const u64 = new BigUint64Array(f.buffer);
const hex = (x: number) => {
  f[0] = x;
  return u64[0].toString(16).padStart(16, '0');
};
const fromHex = (h: string) => {
  u64[0] = BigInt(`0x${h}`);
  return f[0];
};

/** [input bits, detLog(input) bits]: subnormals, 1 ± ulp, √2 edges, e, powers of ten, DBL_MAX, 2^32 − 1… */
const LOG: readonly [string, string][] = [
  ['0000000000000001', 'c0874385446d71c3'], ['000fffffffffffff', 'c086232bdd7abcd2'],
  ['0010000000000000', 'c086232bdd7abcd2'], ['3ff0000000000001', '3cafffffffffffff'],
  ['3fefffffffffffff', 'bca0000000000000'], ['3ff0000000100000', '3deffffffff00000'],
  ['3fe6a09e667f3bcd', 'bfd62e42fefa39ee'], ['3ff6a09e667f3bcc', '3fd62e42fefa39ee'],
  ['4005bf0a8b145769', '3ff0000000000000'], ['3fb999999999999a', 'c0026bb1bbb55515'],
  ['4024000000000000', '40026bb1bbb55516'], ['408f400000000000', '401ba18a998fffa0'],
  ['7fefffffffffffff', '40862e42fefa39ef'], ['3e112e0be826d695', 'c034b927f32bffb8'],
  ['3fe0000000000000', 'bfe62e42fefa39ef'], ['3ff8000000000000', '3fd9f323ecbf984c'],
  ['41efffffffe00000', '40362e42fef939ef'], ['3df0000000000000', 'c0362e42fefa39ef'],
  ['3fefffffffe00000', 'bdf0000000080000'], ['4059000000000000', '40126bb1bbb55516'],
  ['3f50624dd2f1a9fc', 'c01ba18a998fffa0'], ['4197d78400000000', '40326bb1bbb55516'],
];

/** [input bits, detExp(input) bits]: tiny, ±ln2/2 and ±1.5·ln2 edges, ±1, overflow/underflow thresholds, subnormal results… */
const EXP: readonly [string, string][] = [
  ['0000000000000001', '3ff0000000000000'], ['3e2fffffffffffff', '3ff0000001000000'],
  ['3e30000000000000', '3ff0000001000000'], ['be30000000000000', '3feffffffe000000'],
  ['3fd62e42fefa39ef', '3ff6a09e667f3bcc'], ['3fd62e4300000000', '3ff6a09e66dbc8da'],
  ['3ff0a2b23f3bab73', '4006a09e667f3bcc'], ['bff0a2b23f3bab73', '3fd6a09e667f3bcd'],
  ['3ff0000000000000', '4005bf0a8b14576a'], ['bff0000000000000', '3fd78b56362cef38'],
  ['4000000000000000', '401d8e64b8d4ddae'], ['c024000000000000', '3f07cd79b5647c9a'],
  ['40862e42fefa39ef', '7fefffffffffff2a'], ['40862e42fefa39f0', '7ff0000000000000'],
  ['c0874910d52d3051', '0000000000000001'], ['c0874910d52d3052', '0000000000000000'],
  ['c086232bdd7abcd2', '001000000000007c'], ['c086232bdd7abcd3', '000ffffffffffe7c'],
  ['4059000000000000', '48f3494a9b171bf5'], ['c059000000000000', '36ea8c1f14e2af5d'],
  ['3fb999999999999a', '3ff1aec7b35a00d4'], ['bfe0000000000000', '3fe368b2fc6f960a'],
  ['4034000000000000', '41bceb088b68e804'], ['c08f400000000000', '0000000000000000'],
];

describe('detmath pinned bits (checked identical in Node and Chromium)', () => {
  it.each(LOG)('detLog(%s) = %s', (x, y) => expect(hex(detLog(fromHex(x)))).toBe(y));
  it.each(EXP)('detExp(%s) = %s', (x, y) => expect(hex(detExp(fromHex(x)))).toBe(y));

  it('detPow and detPowInt', () => {
    const pow: [number, number][] = [[0.5, 1 / 0.3], [0.999, 10.5], [1e-10, 0.25], [2.5, 3.7], [0.3, 0.5], [123.456, -1.5]];
    expect(pow.map(([x, y]) => hex(detPow(x, y)))).toEqual([
      '3fb965fea53d6e3c', '3fefaa643422dffd', '3f69e7c6e43390b6', '403dac93f32d18df', '3fe186f174f88472', '3f47e35a9bc426f6',
    ]);
    const powInt: [number, number][] = [[0.9, 7], [0.123456789, 16], [1.0000001, 1000], [0.75, 33]];
    expect(powInt.map(([x, n]) => hex(detPowInt(x, n)))).toEqual(['3fde9c6a99d1cdc0', '3cea3b5c70a2db06', '3ff00068dce2f143', '3f13bfefa65abb83']);
  });

  it('the samplers of one seeded stream: exponential (drawn 64 ahead), normal (polar), gamma (shape 0.5, 2.5, 0.04)', () => {
    const r = new Rng(42);
    const draws = [r.exp(1), r.exp(10), r.normal(), r.normal(), r.normal(), r.gamma(0.5), r.gamma(2.5), r.gamma(0.04)];
    expect(draws.map(hex)).toEqual([
      '3fd1813856d777f7', '403449c2e7ebf114', '3fc1798f245b3fb5', '3fdafcecd99931c1',
      'bfea7671d16b924c', '3ffbe8dcf633a29d', '3ff18b3acefa4fd2', '3e3201c6cea8e685',
    ]);
  });

  it('a digest of 300 000 seeded log, exp and pow results', () => {
    const q = new Rng(7);
    let h = 0n;
    const add = (x: number) => {
      f[0] = x;
      h = (h * 1000003n + u64[0]) & 0xffffffffffffffffn;
    };
    for (let i = 0; i < 100_000; i++) {
      const u = q.next();
      add(detLog(u * 1e6 + 1e-300));
      add(detExp((u - 0.6) * 1400));
      add(detPow(u, 3.3));
    }
    expect(h.toString(16)).toBe('16b1358af59f360e');
  });
});
