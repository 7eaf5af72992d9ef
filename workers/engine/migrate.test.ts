import { describe, expect, it } from 'vitest';
import { type Migration, migrateDocument } from './migrate';

const v1 = { format: 'loadsketch', version: 1, nodes: [{ id: 'a', kind: 'service', replicaCount: 2 }] };

// A made-up version 2 that renamed `replicaCount` to `replicas`, and a version 3 that added `tags`.
const MIGRATIONS: Record<number, Migration> = {
  1: (d) => ({
    ...d,
    nodes: (d.nodes as Record<string, unknown>[]).map(({ replicaCount, ...n }) => ({ ...n, replicas: replicaCount })),
  }),
  2: (d) => ({ ...d, tags: [] }),
};

describe('migrateDocument', () => {
  it('passes a current document through unchanged', () => {
    const v2 = { ...v1, version: 2 };
    expect(migrateDocument(structuredClone(v2))).toEqual({ ok: true, doc: v2 });
  });

  it('applies every migration in order up to the current version and stamps the version', () => {
    const r = migrateDocument(structuredClone(v1), MIGRATIONS, 3);
    expect(r).toEqual({
      ok: true,
      doc: { format: 'loadsketch', version: 3, nodes: [{ id: 'a', kind: 'service', replicas: 2 }], tags: [] },
    });
    expect(migrateDocument({ ...v1, version: 2 }, MIGRATIONS, 3)).toMatchObject({ ok: true, doc: { version: 3, tags: [] } });
  });

  it('refuses a newer version, a missing migration and a malformed version', () => {
    expect(migrateDocument({ ...v1, version: 4 }, MIGRATIONS, 3)).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'version 4 was written by a newer Loadsketch; this one reads up to version 3' }],
    });
    expect(migrateDocument(structuredClone(v1), { 2: MIGRATIONS[2] }, 3)).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'version 1 documents cannot be upgraded (no migration from version 1)' }],
    });
    expect(migrateDocument({ ...v1, version: 0 }, MIGRATIONS, 3)).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'version must be a whole number from 1 to 3 (got 0)' }],
    });
    expect(migrateDocument({ ...v1, version: 'one' })).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'version must be a whole number from 1 to 2 (got "one")' }],
    });
  });

  it('does not use inherited properties as migrations', () => {
    expect(migrateDocument(structuredClone(v1), Object.create({ 1: MIGRATIONS[1] }), 2)).toMatchObject({ ok: false });
  });
});
