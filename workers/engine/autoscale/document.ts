/**
 * The autoscale fields in the document: filling their defaults while a
 * document is normalized (parse.ts) and checking them with errors that name
 * the field (semantics.ts). A node or monolith without `autoscale` gets no
 * key at all, so documents that do not autoscale read and write exactly as
 * before.
 */
import { KINDS } from '../kinds';
import type { TopologySpec } from '../schema';
import type { ColdStart } from './schema';
import { type Autoscale, AutoscaleSchema, type AutoscaleSpec, autoscaleDefaults, normalizeAutoscale } from './schema';

/** The elasticity fields of a normalized node or monolith: present only when given. */
export interface ElasticityFields {
  autoscale?: Autoscale;
  coldStart?: ColdStart;
}

/** Normalized `autoscale` / `coldStart` from what a user wrote (null or absent: left out). `concurrency`: servers per replica (the KPA's default target). */
export function normalizeElasticity(spec: { autoscale?: AutoscaleSpec | null; coldStart?: ColdStart | null }, concurrency: number): ElasticityFields {
  const out: ElasticityFields = {};
  if (spec.autoscale) out.autoscale = normalizeAutoscale(spec.autoscale, concurrency);
  if (spec.coldStart) out.coldStart = { ...spec.coldStart };
  return out;
}

/**
 * The problems of an `autoscale` spec once its defaults are filled
 * (`at`: the JSON path of the field, e.g. `nodes[2].autoscale`): target
 * missing for a non-default metric, min > max, an HPA with minReplicas 0, a
 * KPA on utilization or queue delay.
 */
export function autoscaleProblems(spec: AutoscaleSpec, concurrency: number, at: string): { path: string; message: string }[] {
  const d = autoscaleDefaults(spec.policy, concurrency);
  const metric = spec.metric ?? d.metric;
  if (spec.target === undefined && metric !== d.metric) return [{ path: `${at}.target`, message: `autoscale.target is required when autoscale.metric is ${metric}` }];
  const r = AutoscaleSchema.safeParse({ ...d, ...spec, metric, target: spec.target ?? d.target });
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: `${at}.${i.path.join('.')}`, message: `autoscale.${i.path.join('.')} ${i.message}` }));
}

/** A cold start's problems (uniform: minSec ≤ maxSec). */
export function coldStartProblems(c: ColdStart, at: string): { path: string; message: string }[] {
  return c.dist === 'uniform' && c.minSec > c.maxSec ? [{ path: `${at}.maxSec`, message: `coldStart maxSec (${c.maxSec}) must be at least minSec (${c.minSec})` }] : [];
}

/** Every elasticity problem of a shape-valid document (nodes and the monolith), each with its JSON path. */
export function elasticityProblems(spec: TopologySpec, maxServers: number): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  spec.nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    if (n.coldStart) out.push(...coldStartProblems(n.coldStart, `${at}.coldStart`));
    if (!n.autoscale) return;
    const concurrency = n.concurrency ?? KINDS[n.kind].concurrency;
    if (n.pool != null) out.push({ path: `${at}.autoscale`, message: `Node "${n.id}": autoscale applies only to nodes with their own servers (not members of a pool)` });
    if (n.autoscale.maxReplicas * concurrency > maxServers)
      out.push({ path: `${at}.autoscale.maxReplicas`, message: `Node "${n.id}": autoscale.maxReplicas × concurrency is ${n.autoscale.maxReplicas * concurrency}; at most ${maxServers} servers per node` });
    out.push(...autoscaleProblems(n.autoscale, concurrency, `${at}.autoscale`).map((p) => ({ ...p, message: `Node "${n.id}": ${p.message}` })));
  });
  const m = spec.monolith;
  if (m?.coldStart) out.push(...coldStartProblems(m.coldStart, 'monolith.coldStart'));
  if (m?.autoscale) out.push(...autoscaleProblems(m.autoscale, m.threadsPerReplica ?? 1, 'monolith.autoscale').map((p) => ({ ...p, message: `monolith: ${p.message}` })));
  return out;
}
