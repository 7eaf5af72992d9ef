/**
 * Lint-like guard: engine code must not call the engine-dependent Math
 * functions (their last bits differ between JavaScript engines and versions)
 * nor `**` (it is Math.pow); detmath.ts is the one place that implements them.
 * Allowed: `2 ** n` (an exact power of two), and every IEEE-exact Math
 * function (sqrt, abs, min, max, floor, ceil, round, trunc, sign, fround,
 * imul, clz32). Test files are not checked: they may compare with Math.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = __dirname;
const BANNED =
  /\bMath\s*\.\s*(log|exp|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|log1p|expm1|log2|log10|hypot)\b/g;
/** `**` or `**=` with its left operand's last token; only a literal 2 as base passes. */
const POWER = /(\S*)\s*\*\*=?/g;

/** The engine's non-test TypeScript files, except detmath.ts itself. */
function engineFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...engineFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'detmath.ts') out.push(p);
  }
  return out;
}

/** Source with comments (block and line) blanked, strings kept: `/** … *\/` would look like `**`. */
function stripComments(src: string): string {
  // Blanked, not removed, so that line numbers stay right.
  return src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every banned use in a source text, as `line: text`. */
function violations(src: string): string[] {
  const found: string[] = [];
  stripComments(src)
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(BANNED)) found.push(`${i + 1}: ${m[0]}`);
      for (const m of line.matchAll(POWER)) if (!/(^|[^\w.])2$/.test(m[1])) found.push(`${i + 1}: ${m[0].trim()}`);
    });
  return found;
}

describe('engine code uses detmath, not engine-dependent Math', () => {
  it('finds the banned calls it is meant to find (the rule itself can fail)', () => {
    expect(violations('const a = Math.log(x);')).toHaveLength(1);
    expect(violations('const a = Math.exp(x) + Math.pow(x, 2) + Math.sin(y);')).toHaveLength(3);
    expect(violations('const a = x ** 0.5;\nconst b = (u - 1) ** k;\ny **= 3;')).toHaveLength(3);
    expect(violations('const a = 2 ** e * 1.5; const b = 2 ** MIN_EXP;')).toEqual([]);
    expect(violations('/** Returns e^x. */\n// Math.log is banned\nconst s = Math.sqrt(x) * Math.abs(y);')).toEqual([]);
    expect(violations('const b = 12 ** 2;')).toHaveLength(1);
  });

  it('no engine file outside detmath.ts calls Math.log/exp/pow/sin/cos/… or uses ** (except 2 ** n)', () => {
    const files = engineFiles(ENGINE);
    expect(files.length).toBeGreaterThan(30);
    const bad = files.flatMap((p) => violations(readFileSync(p, 'utf8')).map((v) => `${relative(ENGINE, p)}:${v}`));
    expect(bad).toEqual([]);
  });
});
