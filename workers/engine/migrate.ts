/**
 * The document header (`format`, `version`) and the migrations that bring an
 * older document up to the current {@link FORMAT_VERSION} before it is
 * validated, so old files, autosaves and share links keep opening.
 */
import { describeValue, type TopologyError } from './errorText';
import { migrateV1toV2 } from './migrateV1';
import { FORMAT_NAME, FORMAT_VERSION } from './schema';

/** Upgrades a document of version v (a plain-data copy it may change) to version v + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from; a version 3 adds
 * `2: (doc) => upgraded` here and bumps FORMAT_VERSION in schema.ts.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: migrateV1toV2 };

/** The header-checked document at the current version, or why it cannot be read. */
export type MigrateResult = { ok: true; doc: Record<string, unknown> } | { ok: false; errors: TopologyError[] };

/**
 * Checks the header and applies every migration from the document's version
 * to `current`. Documents from a newer version are refused, never half-read.
 * `doc` must be a plain-data copy the caller owns (see `snapshot.ts`).
 */
export function migrateDocument(
  doc: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = FORMAT_VERSION,
): MigrateResult {
  const fail = (path: string, message: string): MigrateResult => ({ ok: false, errors: [{ path, message }] });
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return fail('', `A Loadsketch document must be a JSON object (got ${describeValue(doc)})`);
  }
  let out = doc as Record<string, unknown>;
  if (out.format !== FORMAT_NAME) return fail('format', `format must be "${FORMAT_NAME}": this is not a Loadsketch document`);
  const version = out.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const allowed = current === 1 ? '1' : `a whole number from 1 to ${current}`;
    return fail('version', `version must be ${allowed} (got ${describeValue(version)})`);
  }
  if (version > current) {
    return fail('version', `version ${version} was written by a newer Loadsketch; this one reads up to version ${current}`);
  }
  for (let v = version; v < current; v++) {
    const step = Object.hasOwn(migrations, v) ? migrations[v] : undefined;
    if (!step) return fail('version', `version ${v} documents cannot be upgraded (no migration from version ${v})`);
    out = { ...step(out), version: v + 1 };
  }
  return { ok: true, doc: out };
}
