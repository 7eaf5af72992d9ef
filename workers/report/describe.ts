/** Plain-language descriptions of document parts for the report (no markup: callers escape). */
import { KINDS } from '../engine/kinds';
import type { ServiceTime, TopologyEdge, TopologyNode } from '../engine/schema';
import { fmtMs, fmtPct } from './format';

/** Mean of a service-time distribution, ms. */
export function meanServiceMs(st: ServiceTime): number {
  return st.dist === 'uniform' ? (st.minMs + st.maxMs) / 2 : st.meanMs;
}

/** "lognormal, mean 10.0 ms, cv 1" / "uniform 2.00–6.00 ms". */
export function describeServiceTime(st: ServiceTime): string {
  switch (st.dist) {
    case 'uniform':
      return `uniform ${fmtMs(st.minMs)}–${fmtMs(st.maxMs)}`;
    case 'lognormal':
    case 'gamma':
      return `${st.dist}, mean ${fmtMs(st.meanMs)}, cv ${st.cv}`;
    default:
      return `${st.dist}, mean ${fmtMs(st.meanMs)}`;
  }
}

/** "3×4" or "pool P". */
export function describeServers(n: TopologyNode): string {
  return n.pool !== null ? `pool ${n.pool}` : `${n.replicas}×${n.concurrency}`;
}

/** Short extras of a node: hit ratio, batching, bounded queue, holding workers, parallel calls. */
export function describeNodeExtras(n: TopologyNode): string[] {
  const out: string[] = [];
  if (n.hitRatio !== null) out.push(`hit ratio ${fmtPct(n.hitRatio)}`);
  if (n.batching) out.push(`batching ≤${n.batching.maxBatch} / ${fmtMs(n.batching.maxWaitMs)}`);
  if (n.queueCapacity !== null) out.push(`queue ≤${n.queueCapacity}`);
  if (n.callMode === 'parallel') out.push('parallel calls');
  if (n.holdWorkerDuringCalls) out.push('holds worker during calls');
  return out;
}

/** "Model server" or "Service · infra" when the role differs from the kind's default. */
export function describeKind(n: TopologyNode): string {
  const k = KINDS[n.kind];
  return n.role !== k.role ? `${k.title} · ${n.role}` : k.title;
}

/** "sync, p 0.3, ×2, 0.50 ms network, timeout 100 ms, 1 retry". */
export function describeEdge(e: TopologyEdge): string {
  const parts: string[] = [e.mode];
  if (e.probability !== 1) parts.push(`p ${e.probability}`);
  if (e.count !== 1) parts.push(`×${e.count}`);
  parts.push(`${fmtMs(e.networkMs)} network`);
  if (e.timeoutMs !== null) parts.push(`timeout ${fmtMs(e.timeoutMs)}`);
  if (e.retries > 0) parts.push(`${e.retries} retr${e.retries === 1 ? 'y' : 'ies'}`);
  return parts.join(', ');
}
