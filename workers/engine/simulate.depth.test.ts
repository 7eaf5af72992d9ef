/**
 * No recursion that grows with a document's depth: an answer that ends its
 * caller's visit answers the caller's caller through a work list (calls.ts),
 * so a chain of 2000 nodes (LIMITS.maxNodes) runs on a small stack. The run
 * happens in a child process whose V8 stack is cut to STACK_KB (`--stack-size`),
 * a fifth of Node's default and below a Chromium worker's; with one stack
 * level per design level (the engine before the work list) it overflows
 * ("Maximum call stack size exceeded") at 400 KB already.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';

const STACK_KB = 200;

function runChain(nodes: number): { completed?: number; meanMs?: number; error?: string } {
  const script = fileURLToPath(new URL('../bench/deepChain.ts', import.meta.url));
  const p = spawnSync(process.execPath, [`--stack-size=${STACK_KB}`, '--import', 'tsx', script, String(nodes)], { encoding: 'utf8' });
  const line = p.stdout.trim().split('\n').pop() ?? '';
  return line.startsWith('{') ? JSON.parse(line) : { error: `${p.stderr}${p.stdout}` };
}

describe('deep designs', () => {
  it(`a ${LIMITS.maxNodes}-node chain of sync calls runs on a ${STACK_KB} KB stack`, () => {
    const r = runChain(LIMITS.maxNodes);
    expect(r.error).toBeUndefined();
    expect(r.completed).toBeGreaterThan(20);
    // Each level adds its 0.01 ms service: the response is 2000 × 0.01 ms (no queueing at this load).
    expect(r.meanMs!).toBeCloseTo(LIMITS.maxNodes * 0.01, 6);
  }, 120_000);
});
