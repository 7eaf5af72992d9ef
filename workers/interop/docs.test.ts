import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLOUD_RULES } from './drawio/shapes';
import { LABEL_RULES } from './kindGuess';

const docs = readFileSync(new URL('../../docs/import-export.md', import.meta.url), 'utf8');

describe('docs/import-export.md lists every kind rule as the code has it', () => {
  it.each([...LABEL_RULES, ...CLOUD_RULES].map((r) => [r.kind, r.pattern.source]))('%s: %s', (kind, source) => {
    expect(docs).toContain(`**${kind}** — \`${source}\``);
  });
});
