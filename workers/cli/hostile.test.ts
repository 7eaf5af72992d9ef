/**
 * The CLI against hostile and degenerate documents: no raw control character
 * from user text is ever printed, and runs that would never end stop within
 * their budget and say so (text and JSON).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from './sanitize';
import { runCli, tempDir } from './testing';

const dir = tempDir('loadsketch-hostile-');
const file = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};
/** Any control character but newline and tab, C1 controls and bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const EVIL = 'x\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u001b]8;;http://evil\u001b\\link\u009b31m\u202edcba';

describe('control characters in user text', () => {
  it('are escaped in every output: run (text and JSON), sweep, validate summaries and errors', async () => {
    const doc = { format: 'loadsketch', version: 1, name: EVIL, description: EVIL, nodes: [{ id: 's', kind: 'service', label: EVIL }], workload: { entry: 's', ratePerSec: 50 }, run: { durationSec: 2, warmupSec: 0.2, seed: 1, replications: 1 } };
    const good = file('evil.json', doc);
    const bad = file('evil-bad.json', { ...doc, [EVIL]: 1, nodes: [{ id: 's', kind: EVIL, label: EVIL }] });
    const runs = [
      await runCli(['run', good]),
      await runCli(['run', good, '--json']),
      await runCli(['sweep', good, '--steps', '2', '--duration', '1']),
      await runCli(['validate', good]),
      await runCli(['validate', bad]),
      await runCli(['validate', join(dir, `${EVIL}.json`)]),
      await runCli([EVIL]),
    ];
    for (const r of runs) {
      expect(r.out + r.err).not.toMatch(RAW_CONTROL);
    }
    expect(runs[0].out).toContain('x\\u001b[2J');
    // The JSON stays valid and reads back as the same name.
    expect(JSON.parse(runs[1].out).cutShort).toBeUndefined();
  });

  it('escapeControls keeps newlines, tabs and ordinary Unicode', () => {
    expect(escapeControls('a\tb\nc — é ü 漢 😀')).toBe('a\tb\nc — é ü 漢 😀');
    expect(escapeControls('\u001b\u009b\u202e')).toBe('\\u001b\\u009b\\u202e');
  });
});

describe('degenerate documents end within their budget', () => {
  const leaves = Array.from({ length: 200 }, (_, i) => ({ id: `l${i}`, kind: 'service', concurrency: 100, serviceTime: { dist: 'exponential', meanMs: 1 } }));
  const fan = {
    format: 'loadsketch',
    version: 1,
    name: 'fan-out 200 at 1e6 req/s',
    nodes: [{ id: 'g', kind: 'gateway', concurrency: 10000, callMode: 'parallel' }, ...leaves],
    edges: leaves.map((l) => ({ id: `e-${l.id}`, source: 'g', target: l.id, networkMs: 0 })),
    workload: { entry: 'g', ratePerSec: 1_000_000 },
    run: { durationSec: 10, warmupSec: 1, seed: 1, replications: 3 },
  };

  it('a run past its wall-clock deadline stops, says so in words on stderr and in the JSON', async () => {
    const f = file('fan.json', fan);
    const text = await runCli(['run', f, '--max-seconds', '0.5']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/CUT SHORT — Cut short: the run reached its wall-clock deadline/);
    expect(text.err).toMatch(/Cut short/);
    const json = await runCli(['run', f, '--max-seconds', '0.5', '--json']);
    const parsed = JSON.parse(json.out);
    expect(parsed.cutShort.reason).toBe('deadline');
    expect(parsed.cutShort.simulatedSec).toBeLessThan(10);
    const e = parsed.microservices.endToEnd;
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
  });

  it('refuses bursts shorter than a millisecond with the field named', async () => {
    const f = file('burst.json', { ...fan, nodes: [{ id: 'g', kind: 'gateway' }], edges: [], workload: { entry: 'g', arrival: 'bursty', burst: { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 1e-6 } } });
    const r = await runCli(['run', f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/workload\.burst\.meanBurstMs: .*at least 1 ms/);
  });

  it('refuses a nonsensical --max-seconds', async () => {
    const r = await runCli(['run', file('fan2.json', fan), '--max-seconds', '-1']);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/--max-seconds must be greater than 0/);
  });
});
