import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDGE_DEFAULTS, KINDS, RUN_DEFAULTS, SLO_DEFAULT } from './kinds';
import { parseTopology } from './parse';
import type { ServiceTime } from './schema';

const doc = readFileSync(resolve(__dirname, '../../docs/format.md'), 'utf8');

function describeServiceTime(s: ServiceTime): string {
  if (s.dist === 'uniform') return `uniform ${s.minMs}–${s.maxMs} ms`;
  return `${s.dist} ${s.meanMs} ms${'cv' in s ? `, cv ${s.cv}` : ''}`;
}

describe('docs/format.md stays in step with the code', () => {
  it('lists every kind with the defaults of kinds.ts', () => {
    for (const [kind, k] of Object.entries(KINDS)) {
      const row = `| \`${kind}\` | ${k.role} | ${k.replicas} | ${k.concurrency} | ${describeServiceTime(k.serviceTime)} | ${k.hitRatio ?? '—'} | ${k.costPerReplicaHour} |`;
      expect(doc).toContain(row);
    }
  });

  it('states the edge, run and SLO defaults', () => {
    expect(doc).toContain(`| \`networkMs\` | ms | \`${EDGE_DEFAULTS.networkMs}\` |`);
    expect(doc).toContain(`| \`durationSec\` | s of simulated time | \`${RUN_DEFAULTS.durationSec}\` |`);
    expect(doc).toContain(`| \`warmupSec\` | s, excluded from statistics | \`${RUN_DEFAULTS.warmupSec}\` |`);
    expect(doc).toContain(`{"percentile": "${SLO_DEFAULT.percentile}", "thresholdMs": ${SLO_DEFAULT.thresholdMs}}`);
  });

  it('has a minimal example that is valid', () => {
    const example = doc.match(/## A minimal document[\s\S]*?```json\n([\s\S]*?)```/);
    expect(example).not.toBeNull();
    const r = parseTopology(JSON.parse(example![1]));
    expect(r.ok).toBe(true);
  });
});
