/**
 * Reading spans from OTLP JSON (`resourceSpans`, as the OpenTelemetry
 * collector's file exporter and Tempo write) and from Jaeger's JSON export
 * (`data[].spans`, `processes`). Both become one flat span list; every field
 * is read through own-property access, so no key can reach a prototype.
 */
import { IMPORT_LIMITS, ImportError } from '../limits';
import { own, ownArray, ownNumber, ownString } from '../safeJson';
import type { Warnings } from '../warnings';

export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal';

/** One span, times in microseconds since the epoch. */
export interface Span {
  traceId: string;
  spanId: string;
  parentId: string | null;
  service: string;
  name: string;
  kind: SpanKind;
  startUs: number;
  endUs: number;
}

const OTLP_KINDS: Record<string, SpanKind> = {
  '1': 'internal',
  '2': 'server',
  '3': 'client',
  '4': 'producer',
  '5': 'consumer',
  SPAN_KIND_INTERNAL: 'internal',
  SPAN_KIND_SERVER: 'server',
  SPAN_KIND_CLIENT: 'client',
  SPAN_KIND_PRODUCER: 'producer',
  SPAN_KIND_CONSUMER: 'consumer',
};

/** Microseconds from a Unix-nanosecond value written as a decimal string or number, without losing precision. */
export function nanosToMicros(v: unknown): number | undefined {
  const text = typeof v === 'number' ? String(Math.round(v)) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,22}$/.test(text)) return undefined;
  if (text.length <= 3) return Number(text) / 1000;
  return Number(text.slice(0, -3)) + Number(text.slice(-3)) / 1000;
}

function checkCount(spans: Span[]): void {
  if (spans.length > IMPORT_LIMITS.maxSpans) throw new ImportError(`the file has more than ${IMPORT_LIMITS.maxSpans} spans`);
}

function attrString(attrs: unknown[], key: string): string | undefined {
  for (const a of attrs) if (ownString(a, 'key') === key) return ownString(own(a, 'value'), 'stringValue');
  return undefined;
}

/** Spans of an OTLP JSON export (one object, or a JSON-lines file of such objects). */
export function readOtlp(docs: unknown[], warnings: Warnings): Span[] {
  const spans: Span[] = [];
  let bad = 0;
  for (const doc of docs) {
    for (const rs of ownArray(doc, 'resourceSpans')) {
      const service = attrString(ownArray(own(rs, 'resource'), 'attributes'), 'service.name') ?? 'unknown-service';
      const scopes = [...ownArray(rs, 'scopeSpans'), ...ownArray(rs, 'instrumentationLibrarySpans')];
      for (const ss of scopes) {
        for (const s of ownArray(ss, 'spans')) {
          const traceId = ownString(s, 'traceId');
          const spanId = ownString(s, 'spanId');
          const startUs = nanosToMicros(own(s, 'startTimeUnixNano'));
          const endUs = nanosToMicros(own(s, 'endTimeUnixNano'));
          if (!traceId || !spanId || startUs === undefined || endUs === undefined || endUs < startUs) {
            bad++;
            continue;
          }
          const kind = OTLP_KINDS[String(own(s, 'kind') ?? '1')] ?? 'internal';
          spans.push({ traceId, spanId, parentId: ownString(s, 'parentSpanId') || null, service, name: ownString(s, 'name') ?? '', kind, startUs, endUs });
        }
        checkCount(spans);
      }
    }
  }
  if (bad) warnings.add(`${bad} spans without ids or valid start/end times skipped`);
  return spans;
}

/** Spans of a Jaeger JSON export (`{"data": [trace, …]}` or one trace object). */
export function readJaeger(doc: unknown, warnings: Warnings): Span[] {
  const traces = Array.isArray(own(doc, 'data')) ? ownArray(doc, 'data') : [doc];
  const spans: Span[] = [];
  let bad = 0;
  for (const t of traces) {
    const processes = own(t, 'processes');
    for (const s of ownArray(t, 'spans')) {
      const traceId = ownString(s, 'traceID');
      const spanId = ownString(s, 'spanID');
      const startUs = ownNumber(s, 'startTime');
      const durationUs = ownNumber(s, 'duration');
      if (!traceId || !spanId || startUs === undefined || durationUs === undefined || durationUs < 0) {
        bad++;
        continue;
      }
      const parentRef = ownArray(s, 'references').find((r) => ownString(r, 'refType') === 'CHILD_OF') ?? ownArray(s, 'references')[0];
      const processId = ownString(s, 'processID') ?? '';
      const service = ownString(own(processes, processId), 'serviceName') ?? ownString(own(s, 'process'), 'serviceName') ?? 'unknown-service';
      const kindTag = ownArray(s, 'tags').find((g) => ownString(g, 'key') === 'span.kind');
      const kindText = ownString(kindTag, 'value') ?? 'internal';
      const kind: SpanKind = (['server', 'client', 'producer', 'consumer'] as const).find((k) => k === kindText) ?? 'internal';
      spans.push({ traceId, spanId, parentId: ownString(parentRef, 'spanID') ?? null, service, name: ownString(s, 'operationName') ?? '', kind, startUs, endUs: startUs + durationUs });
    }
    checkCount(spans);
  }
  if (bad) warnings.add(`${bad} spans without ids or valid times skipped`);
  return spans;
}
