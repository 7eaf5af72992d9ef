/**
 * Checks of meaning that a shape validator cannot make: ids are unique,
 * edges point at nodes, the entry exists, calls form no cycle, and fields
 * are used only where they apply.
 */
import { elasticityProblems } from './autoscale/document';
import { BUILTIN_HARDWARE, describeHardware, totalGpuMemoryGb } from './hardware';
import { KINDS } from './kinds';
import { LIMITS } from './limits';
import type { TopologyError } from './parse';
import type { Hardware, TopologySpec } from './schema';
import { checkLlm } from './llm/semantics';
import { scenarioProblems } from './resilience/scenarioSemantics';
import { patternProblems } from './resilience/patternSemantics';

/** Returns every problem of meaning in a shape-valid document (empty when it is sound). */
export function checkMeaning(spec: TopologySpec): TopologyError[] {
  const errors: TopologyError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const nodeIndex = new Map<string, number>();
  const roleOf = new Map<string, string>();

  spec.nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    const who = `Node "${n.id}"`;
    if (nodeIndex.has(n.id)) add(`${at}.id`, `${who}: id is already used by nodes[${nodeIndex.get(n.id)}]`);
    else nodeIndex.set(n.id, i);
    const k = KINDS[n.kind];
    roleOf.set(n.id, n.role ?? k.role);
    const servers = (n.replicas ?? k.replicas) * (n.concurrency ?? k.concurrency);
    if (servers > LIMITS.maxServers) {
      add(`${at}.replicas`, `${who}: replicas × concurrency is ${servers}; at most ${LIMITS.maxServers} servers per node`);
    }
    if (n.hitRatio != null && n.kind !== 'cache') add(`${at}.hitRatio`, `${who}: hitRatio applies only to cache nodes`);
    if (n.batching != null && n.kind !== 'model-server') {
      add(`${at}.batching`, `${who}: batching applies only to model-server nodes`);
    }
    const st = n.serviceTime;
    if (st?.dist === 'uniform' && st.minMs > st.maxMs) {
      add(`${at}.serviceTime.maxMs`, `${who}: serviceTime maxMs (${st.maxMs}) must be at least minMs (${st.minMs})`);
    }
  });

  checkMachines(spec, add);
  const machines = new Map(specCatalogue(spec).map((h) => [h.id, h]));
  checkLlm(spec, (id) => (id == null ? null : (machines.get(id) ?? null)), add);
  for (const p of elasticityProblems(spec, LIMITS.maxServers)) add(p.path, p.message);

  const poolIds = new Set<string>();
  (spec.pools ?? []).forEach((p, i) => {
    if (poolIds.has(p.id)) add(`pools[${i}].id`, `Pool "${p.id}": id is already used by another pool`);
    poolIds.add(p.id);
  });
  spec.nodes.forEach((n, i) => {
    if (n.pool != null && !poolIds.has(n.pool)) {
      add(`nodes[${i}].pool`, `Node "${n.id}": pool "${n.pool}" is not one of the document's pools`);
    }
  });

  const edgeIds = new Map<string, number>();
  const edges = spec.edges ?? [];
  edges.forEach((e, i) => {
    const at = `edges[${i}]`;
    const who = `Edge "${e.id}"`;
    if (edgeIds.has(e.id)) add(`${at}.id`, `${who}: id is already used by edges[${edgeIds.get(e.id)}]`);
    else edgeIds.set(e.id, i);
    if (!nodeIndex.has(e.source)) add(`${at}.source`, `${who}: source "${e.source}" is not a node of this document`);
    if (!nodeIndex.has(e.target)) add(`${at}.target`, `${who}: target "${e.target}" is not a node of this document`);
    if (e.source === e.target) add(`${at}.target`, `${who}: a node cannot call itself`);
    if ((e.mode ?? 'sync') === 'async') {
      if (e.timeoutMs != null) add(`${at}.timeoutMs`, `${who}: timeoutMs applies only to sync edges`);
      if (e.retries) add(`${at}.retries`, `${who}: retries apply only to sync edges`);
    } else if (e.retries && e.timeoutMs == null) {
      add(`${at}.retries`, `${who}: retries need a timeoutMs (a call is retried only after it times out)`);
    }
  });

  const entry = spec.workload.entry;
  if (!nodeIndex.has(entry)) add('workload.entry', `workload.entry "${entry}" is not a node of this document`);
  else if (roleOf.get(entry) === 'offline') add('workload.entry', `workload.entry "${entry}" is offline and takes no traffic`);

  const run = spec.run;
  if (run && (run.warmupSec ?? 5) >= (run.durationSec ?? 60)) {
    add('run.warmupSec', `run.warmupSec (${run.warmupSec ?? 5}) must be shorter than run.durationSec (${run.durationSec ?? 60})`);
  }
  const burst = spec.workload.burst;
  if (burst && burst.peakFactor * burst.burstFraction > 1) {
    add(
      'workload.burst.peakFactor',
      `workload.burst: peakFactor × burstFraction is ${+(burst.peakFactor * burst.burstFraction).toFixed(3)}; it must be at most 1, or the bursts alone would carry more than the mean rate`,
    );
  }
  if (burst && spec.workload.arrival === 'bursty') {
    // Burst and quiet periods shorter than a millisecond make no physical sense and cost one step each.
    const floor = LIMITS.minBurstStateMs;
    const quietMs = (burst.meanBurstMs * (1 - burst.burstFraction)) / burst.burstFraction;
    if (burst.meanBurstMs < floor) add('workload.burst.meanBurstMs', `workload.burst.meanBurstMs is ${burst.meanBurstMs} ms; bursts must last at least ${floor} ms on average`);
    else if (quietMs < floor) {
      add(
        'workload.burst.burstFraction',
        `workload.burst: the mean quiet period meanBurstMs × (1 − burstFraction) / burstFraction is ${quietMs.toPrecision(3)} ms; it must be at least ${floor} ms (lower burstFraction or lengthen the bursts)`,
      );
    }
  }
  const profile = spec.workload.profile;
  profile?.forEach((p, i) => {
    if (i > 0 && p.atSec < profile[i - 1].atSec) {
      add(`workload.profile[${i}].atSec`, `workload.profile points must be in time order (${p.atSec} s comes after ${profile[i - 1].atSec} s)`);
    }
  });

  errors.push(...scenarioProblems(spec));
  errors.push(...patternProblems(spec));

  if (errors.length === 0) {
    const cycle = findCycle(spec, roleOf);
    if (cycle) {
      const allSync = cycle.edges.every((i) => (edges[i].mode ?? 'sync') === 'sync');
      add(
        `edges[${cycle.edges[0]}]`,
        `Calls form a cycle${allSync ? ' of synchronous calls' : ''}: ${cycle.nodes.join(' → ')}; a request would call itself forever`,
      );
    }
  }
  return errors;
}

/** Finds one directed cycle among edges that carry traffic (edges touching offline nodes carry none). */
function findCycle(
  spec: TopologySpec,
  roleOf: Map<string, string>,
): { nodes: string[]; edges: number[] } | null {
  const out = new Map<string, { to: string; edge: number }[]>();
  (spec.edges ?? []).forEach((e, i) => {
    if (roleOf.get(e.source) === 'offline' || roleOf.get(e.target) === 'offline') return;
    const list = out.get(e.source) ?? [];
    list.push({ to: e.target, edge: i });
    out.set(e.source, list);
  });
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of spec.nodes.map((n) => n.id)) {
    if (state.has(start)) continue;
    // Iterative DFS so a 2000-node chain cannot overflow the stack.
    const stack: { id: string; next: number; via: number }[] = [{ id: start, next: 0, via: -1 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const succ = out.get(top.id) ?? [];
      if (top.next >= succ.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const { to, edge } = succ[top.next++];
      const s = state.get(to);
      if (s === 1) {
        const from = stack.findIndex((f) => f.id === to);
        const path = stack.slice(from);
        return { nodes: [...path.map((f) => f.id), to], edges: [...path.slice(1).map((f) => f.via), edge] };
      }
      if (s === undefined) {
        state.set(to, 1);
        stack.push({ id: to, next: 0, via: edge });
      }
    }
  }
  return null;
}

/** The machine types a spec can name: its own (defaults filled as parse does) shadowing the built-in ones. */
function specCatalogue(spec: TopologySpec): Hardware[] {
  const own = (spec.hardware ?? []).map((h) => ({ id: h.id, label: h.label ?? h.id, cpuCores: h.cpuCores ?? 0, gpus: h.gpus ?? 0, gpuMemoryGb: h.gpuMemoryGb ?? 0, costPerHour: h.costPerHour ?? 0 }));
  const ids = new Set(own.map((h) => h.id));
  return [...own, ...BUILTIN_HARDWARE.filter((h) => !ids.has(h.id))];
}

/**
 * Machine types: every `hardware` id names a known type; `modelMemoryGb`
 * only on model servers, and the model must fit its machine's GPU memory
 * (all its GPUs together) on a machine that has GPUs.
 */
function checkMachines(spec: TopologySpec, add: (path: string, message: string) => void): void {
  const catalogue = specCatalogue(spec);
  const byId = new Map(catalogue.map((h) => [h.id, h]));
  const seen = new Set<string>();
  (spec.hardware ?? []).forEach((h, i) => {
    if (seen.has(h.id)) add(`hardware[${i}].id`, `Machine type "${h.id}": id is already used by another machine type of this document`);
    seen.add(h.id);
  });
  const unknown = (id: string) => `machine type "${id}" is neither one of the document's hardware nor a built-in type (e.g. ${BUILTIN_HARDWARE.slice(0, 3).map((h) => h.id).join(', ')}; see docs/hardware.md)`;
  spec.nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    const who = `Node "${n.id}"`;
    const h = n.hardware != null ? byId.get(n.hardware) : undefined;
    if (n.hardware != null && !h) add(`${at}.hardware`, `${who}: ${unknown(n.hardware)}`);
    if (n.modelMemoryGb == null) return;
    if (n.kind !== 'model-server') {
      add(`${at}.modelMemoryGb`, `${who}: modelMemoryGb applies only to model-server nodes`);
      return;
    }
    if (!h) return;
    if (h.gpus === 0) {
      const gpu = catalogue.filter((m) => m.gpus > 0 && totalGpuMemoryGb(m) >= n.modelMemoryGb!);
      add(`${at}.hardware`, `${who}: machine type "${h.id}" has no GPU, but the model needs ${n.modelMemoryGb} GB of GPU memory (modelMemoryGb); pick a GPU type${fitList(gpu)}`);
    } else if (totalGpuMemoryGb(h) < n.modelMemoryGb) {
      const fit = catalogue.filter((m) => totalGpuMemoryGb(m) >= n.modelMemoryGb!);
      add(`${at}.modelMemoryGb`, `${who}: the model needs ${n.modelMemoryGb} GB of GPU memory but "${h.id}" has ${totalGpuMemoryGb(h)} GB (${h.gpus} × ${h.gpuMemoryGb} GB)${fitList(fit)}`);
    }
  });
  const mono = spec.monolith?.hardware;
  if (mono != null && !byId.has(mono)) add('monolith.hardware', `monolith.hardware: ${unknown(mono)}`);
}

/** "; it fits on: a (…), b (…)" with the three cheapest, or "; no known machine type holds it". */
function fitList(fit: Hardware[]): string {
  if (fit.length === 0) return '; no known machine type holds it';
  const cheapest = [...fit].sort((a, b) => a.costPerHour - b.costPerHour).slice(0, 3);
  return `; it fits on ${cheapest.map(describeHardware).join(', ')}`;
}
