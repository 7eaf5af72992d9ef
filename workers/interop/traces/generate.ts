/**
 * A synthetic trace generator with a known truth, for tests and demos.
 *
 * Requests arrive as a Poisson process at `ratePerSec`. A visit to a service
 * draws its self time from a lognormal with the service's mean and CV, spends
 * a uniform-random share of it before its first call and the rest after the
 * last, and in between makes its calls stage by stage: the calls of one
 * stage start together and the stage ends when the last returns (fork–join);
 * a call with probability p is made with chance p, `count` times one after
 * another. A sync call is a client span in the caller and a server span in
 * the callee, the server span starting `networkMs / 2` after the client span
 * and ending `networkMs / 2` before it. An async call is a producer span and
 * a consumer visit that is not awaited. Queueing is not modelled: the traces
 * show service times only, as on an idle system. An async message is
 * delivered `networkMs` after the producer span starts.
 */
import { Rng } from '../../engine/rng';
import type { Span, SpanKind } from './spans';

export interface TruthCall {
  to: string;
  stage: number;
  probability: number;
  count: number;
  networkMs: number;
  async?: boolean;
}
export interface TruthService {
  name: string;
  selfMeanMs: number;
  selfCv: number;
  calls: TruthCall[];
}
/** The generator's input: the system the traces come from. */
export interface TruthModel {
  entry: string;
  ratePerSec: number;
  services: TruthService[];
}

/**
 * Generates `traces` traces from `model` with a seeded RNG; times start at `startUs` (µs since the
 * epoch). `onSelfTime` (optional) is told every self time drawn (ms), so a test can compare a fit
 * with the very samples behind it.
 */
export function generateTraces(
  model: TruthModel,
  traces: number,
  seed: number,
  startUs = 1_767_225_600_000_000,
  onSelfTime?: (service: string, selfMs: number) => void,
): Span[] {
  const rng = new Rng(seed);
  const services = new Map(model.services.map((s) => [s.name, s]));
  const spans: Span[] = [];
  let nextId = 1;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const span = (traceId: string, parentId: string | null, service: string, name: string, kind: SpanKind, s: number, e: number) => {
    const spanId = hex(nextId++, 16);
    spans.push({ traceId, spanId, parentId, service, name, kind, startUs: Math.round(s * 1000) / 1000, endUs: Math.round(e * 1000) / 1000 });
    return spanId;
  };
  const lognormal = (mean: number, cv: number) => {
    const s2 = Math.log(1 + cv * cv);
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * rng.normal());
  };
  /** Emits a visit starting at `t` (µs); returns its end. */
  const visit = (traceId: string, parentId: string | null, name: string, t: number): number => {
    const svc = services.get(name);
    if (!svc) throw new Error(`unknown service ${name}`);
    const selfUs = lognormal(svc.selfMeanMs, svc.selfCv) * 1000;
    onSelfTime?.(name, selfUs / 1000);
    const preUs = selfUs * rng.next();
    const rootId = span(traceId, parentId, name, `${name} handle`, 'server', 0, 0);
    const root = spans[spans.length - 1];
    let now = t + preUs;
    const stages = [...new Set(svc.calls.filter((c) => !c.async).map((c) => c.stage))].sort((a, b) => a - b);
    for (const st of stages) {
      let stageEnd = now;
      for (const c of svc.calls.filter((x) => !x.async && x.stage === st)) {
        if (rng.next() >= c.probability) continue;
        let at = now;
        for (let k = 0; k < c.count; k++) {
          const half = (c.networkMs * 1000) / 2;
          const clientId = span(traceId, rootId, name, `call ${c.to}`, 'client', at, 0);
          const client = spans[spans.length - 1];
          const end = visit(traceId, clientId, c.to, at + half) + half;
          client.endUs = Math.round(end * 1000) / 1000;
          at = end;
        }
        stageEnd = Math.max(stageEnd, at);
      }
      now = stageEnd;
    }
    for (const c of svc.calls.filter((x) => x.async)) {
      if (rng.next() >= c.probability) continue;
      const producerId = span(traceId, rootId, name, `publish ${c.to}`, 'producer', now, now);
      visit(traceId, producerId, c.to, now + c.networkMs * 1000);
    }
    const end = now + (selfUs - preUs);
    root.startUs = Math.round(t * 1000) / 1000;
    root.endUs = Math.round(end * 1000) / 1000;
    return end;
  };
  let t = startUs;
  for (let i = 0; i < traces; i++) {
    t += rng.exp(1e6 / model.ratePerSec);
    visit(hex(i + 1, 32), null, model.entry, t);
  }
  return spans;
}

function groupBy(spans: readonly Span[], key: (s: Span) => string): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const s of spans) {
    const list = out.get(key(s));
    if (list) list.push(s);
    else out.set(key(s), [s]);
  }
  return out;
}

/** The spans as an OTLP JSON export (one resourceSpans entry per service; times as Unix-nanosecond strings). */
export function toOtlpJson(spans: readonly Span[]): unknown {
  const kinds: Record<SpanKind, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
  const ns = (us: number) => `${Math.floor(us)}${String(Math.round((us - Math.floor(us)) * 1000)).padStart(3, '0')}`;
  const byService = groupBy(spans, (s) => s.service);
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'loadsketch-trace-generator' },
          spans: list.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentId ? { parentSpanId: s.parentId } : {}),
            name: s.name,
            kind: kinds[s.kind],
            startTimeUnixNano: ns(s.startUs),
            endTimeUnixNano: ns(s.endUs),
          })),
        },
      ],
    })),
  };
}

/** The spans as a Jaeger JSON export (`data` of traces with `processes`; integer microseconds). */
export function toJaegerJson(spans: readonly Span[]): unknown {
  const byTrace = groupBy(spans, (s) => s.traceId);
  return {
    data: [...byTrace].map(([traceID, list]) => {
      const services = [...new Set(list.map((s) => s.service))];
      return {
        traceID,
        spans: list.map((s) => ({
          traceID,
          spanID: s.spanId,
          operationName: s.name,
          references: s.parentId ? [{ refType: 'CHILD_OF', traceID, spanID: s.parentId }] : [],
          startTime: Math.round(s.startUs),
          duration: Math.round(s.endUs) - Math.round(s.startUs),
          tags: [{ key: 'span.kind', type: 'string', value: s.kind }],
          processID: `p${services.indexOf(s.service) + 1}`,
        })),
        processes: Object.fromEntries(services.map((name, i) => [`p${i + 1}`, { serviceName: name, tags: [] }])),
      };
    }),
  };
}
