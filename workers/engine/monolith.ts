/**
 * The monolith baseline, derived from a document as a document of its own,
 * deployed the way monoliths are (see docs/model.md, "The monolith"): one
 * deployable unit holds every merged component (the service-role nodes on
 * the request path); its CPU-side components share the unit's worker
 * threads (pool `monolith-cpu`), its model components share the unit's GPUs
 * with every model in GPU memory at once (pool `monolith-gpu`); unlike
 * resources are never pooled; calls between merged components cost no
 * network time; infra nodes stay remote; the monolith scales by whole
 * replicas of the unit behind the entry's balancer. The same engine
 * simulates it: the two pools share `unit: "monolith"`, so a request stays
 * on the replica it entered.
 */
import { findHardware, hardwareCatalogue, replicaPricePerHour, totalGpuMemoryGb } from './hardware';
import { LIMITS } from './limits';
import { scenarioForMonolith } from './resilience/scenarioMonolith';
import type { Balancer, Hardware, MonolithSizing, Pool, Topology, TopologyNode } from './schema';

/** Service-role nodes reachable from the entry along sync traffic edges (llm-servers included). */
function requestPathServices(doc: Topology): Set<string> {
  const role = new Map(doc.nodes.map((n) => [n.id, n.role]));
  const out = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (e.mode !== 'sync' || role.get(e.source) === 'offline' || role.get(e.target) === 'offline') continue;
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  const seen = new Set<string>();
  const stack = role.get(doc.workload.entry) === 'offline' ? [] : [doc.workload.entry];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of out.get(id) ?? []) stack.push(t);
  }
  return new Set([...seen].filter((id) => role.get(id) === 'service'));
}

const isLlm = (doc: Topology) => {
  const kind = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  return (id: string) => kind.get(id) === 'llm-server';
};

/**
 * Id of the merged nodes: service-role nodes reachable from the entry along sync traffic edges, llm-servers
 * excepted (they are co-located, see {@link colocatedLlmIds}, or stay their own deployment).
 */
export function mergedNodeIds(doc: Topology): Set<string> {
  const llm = isLlm(doc);
  return new Set([...requestPathServices(doc)].filter((id) => !llm(id)));
}

/**
 * Id of the llm-servers the monolith co-locates: on the request path, with `monolith.llm` colocated (the default)
 * and a fixed-size monolith (an autoscaled monolith keeps its llm-servers separate: an LLM engine's own
 * replicas cannot follow the unit's). Each unit replica runs one engine of each on its own GPUs (docs/model.md,
 * "LLM servers in the monolith").
 */
export function colocatedLlmIds(doc: Topology): Set<string> {
  if (doc.monolith.llm === 'separate' || doc.monolith.autoscale) return new Set();
  const llm = isLlm(doc);
  const merged = requestPathServices(doc);
  if ([...merged].every(llm)) return new Set(); // nothing else to merge with: the monolith is the microservice design
  return new Set([...merged].filter(llm));
}

/** How the monolith is deployed: what the report, the studio and the CLI state. */
export interface MonolithDeployment {
  sizing: MonolithSizing;
  /** Machine type of one replica; null when the design names no machines (or none fits). */
  hardware: string | null;
  replicas: number;
  /** Worker threads of one replica (servers of pool `monolith-cpu`). */
  threadsPerReplica: number;
  /** GPUs of one replica (the machine's, or the models' GPUs when no machine is named). */
  gpusPerReplica: number;
  /** Model execution slots of one replica (servers of pool `monolith-gpu`). */
  gpuSlotsPerReplica: number;
  /** False when no machine type holds every merged component (or the chosen one does not). */
  fits: boolean;
  /**
   * What one replica needs: cores of the CPU-side components' machines, GPUs and GPU memory of the models, all
   * together; `gpuMemoryPerGpuGb`: the memory of each GPU a co-located LLM engine ran on (its weights and KV cache
   * were sized for that GPU), 0 without one.
   */
  needs: { cpuCores: number; gpus: number; gpuMemoryGb: number; gpuMemoryPerGpuGb?: number };
  /** US$ per hour of one replica. */
  pricePerReplicaHour: number;
  /** US$ per hour of all replicas (infra nodes not included). */
  costPerHour: number;
  /** US$ per hour of the merged components in the microservice design (the equal-budget target). */
  microCostPerHour: number;
  /** Merged node ids by side. */
  cpuNodes: string[];
  gpuNodes: string[];
  /** Co-located llm-servers: one engine of each per replica, on GPUs of its own (counted in `needs` and `gpusPerReplica`). */
  llmNodes: string[];
  /** GPUs of one replica that its co-located LLM engines own. */
  llmGpusPerReplica: number;
  /**
   * Present only when the document has scenario events: how each event that changes in the monolith was
   * mapped onto it (resilience/scenarioMonolith.ts), one sentence each; empty when every event is unchanged.
   */
  scenarioNotes?: string[];
}

/** The derived monolith: its document (simulated like any other) and how it is deployed. */
export interface DerivedMonolith {
  doc: Topology;
  deployment: MonolithDeployment;
}

/** A model component runs on GPUs: a model server whose machine has GPUs, or one without a machine (version 1). */
export function isGpuSide(doc: Topology, n: TopologyNode): boolean {
  if (n.kind !== 'model-server') return false;
  const h = findHardware(doc, n.hardware);
  return h === null || h.gpus > 0;
}

interface Side {
  /** Servers of one replica of each member (pools counted once). */
  unitServers: number;
  /** Servers of the whole microservice side. */
  totalServers: number;
  /** US$ per hour: one replica of each, and the whole side. */
  unitPrice: number;
  totalPrice: number;
  /** Cores (CPU side) or GPUs (GPU side) of one replica of each, and of the whole side. */
  unitUnits: number;
  totalUnits: number;
  memoryGb: number;
  ids: string[];
}

function side(doc: Topology, nodes: TopologyNode[], gpu: boolean): Side {
  const s: Side = { unitServers: 0, totalServers: 0, unitPrice: 0, totalPrice: 0, unitUnits: 0, totalUnits: 0, memoryGb: 0, ids: [] };
  const counted = new Set<string>();
  for (const n of nodes) {
    s.ids.push(n.id);
    const pool = n.pool !== null ? doc.pools.find((p) => p.id === n.pool) : undefined;
    if (pool) {
      if (counted.has(pool.id)) continue;
      counted.add(pool.id);
      s.unitServers += pool.servers;
      s.totalServers += pool.servers * pool.replicas;
      s.unitPrice += pool.costPerHour / pool.replicas;
      s.totalPrice += pool.costPerHour;
      continue;
    }
    const h = findHardware(doc, n.hardware);
    const units = gpu ? (h?.gpus ?? n.concurrency) : (h?.cpuCores ?? 0);
    const price = replicaPricePerHour(doc, n);
    s.unitServers += n.concurrency;
    s.totalServers += n.replicas * n.concurrency;
    s.unitPrice += price;
    s.totalPrice += n.replicas * price;
    s.unitUnits += units;
    s.totalUnits += n.replicas * units;
    s.memoryGb += n.modelMemoryGb ?? 0;
  }
  return s;
}

interface LlmSide {
  ids: string[];
  /** GPUs and GPU memory of one engine of each (an engine owns its machine's GPUs and their memory). */
  unitGpus: number;
  unitMemoryGb: number;
  /** US$ per hour: one replica of each, and every replica. */
  unitPrice: number;
  totalPrice: number;
  totalGpus: number;
  /** Whether any of them names a machine type. */
  named: boolean;
  /** Largest memory of one of their GPUs, GB (0 when none names a GPU machine). */
  perGpuGb: number;
}

/** What the co-located llm-servers need in each unit: the GPUs (and memory) of one replica's machine each. */
function llmSide(doc: Topology, nodes: TopologyNode[]): LlmSide {
  const s: LlmSide = { ids: [], unitGpus: 0, unitMemoryGb: 0, unitPrice: 0, totalPrice: 0, totalGpus: 0, named: false, perGpuGb: 0 };
  for (const n of nodes) {
    const h = findHardware(doc, n.hardware);
    const gpus = h?.gpus || 1;
    const price = replicaPricePerHour(doc, n);
    s.ids.push(n.id);
    s.unitGpus += gpus;
    s.unitMemoryGb += h ? totalGpuMemoryGb(h) : 0;
    s.unitPrice += price;
    s.totalPrice += n.replicas * price;
    s.totalGpus += n.replicas * gpus;
    s.named ||= n.hardware !== null;
    if (h && h.gpus > 0) s.perGpuGb = Math.max(s.perGpuGb, h.gpuMemoryGb);
  }
  return s;
}

/** The cheapest machine type that holds `needs`, or null. */
export function smallestFit(catalogue: readonly Hardware[], needs: MonolithDeployment['needs']): Hardware | null {
  let best: Hardware | null = null;
  for (const h of catalogue) {
    if (!machineHolds(h, needs)) continue;
    if (best === null || h.costPerHour < best.costPerHour) best = h;
  }
  return best;
}

/** Whether one machine holds the cores, GPUs and GPU memory of `needs`. */
export function machineHolds(h: Hardware, needs: MonolithDeployment['needs']): boolean {
  return h.cpuCores >= needs.cpuCores && h.gpus >= needs.gpus && totalGpuMemoryGb(h) >= needs.gpuMemoryGb && (needs.gpuMemoryPerGpuGb ?? 0) <= (needs.gpus > 0 ? h.gpuMemoryGb : 0);
}

const clampReplicas = (r: number) => Math.min(LIMITS.maxReplicas, Math.max(1, r));

/**
 * How the monolith is deployed. With no machine types named (every version-1
 * document), one replica holds all the merged components' servers: the CPU
 * side's threads (or `threadsPerReplica`) and the GPU side's slots, at the
 * components' own price (the CPU side's scaled by an overridden thread
 * count). With machines, one replica holds one replica of each component on
 * the cheapest catalogue machine that fits (or `monolith.hardware`), and the
 * replica count follows `monolith.sizing`.
 */
export function monolithDeployment(doc: Topology): MonolithDeployment {
  const merged = mergedNodeIds(doc);
  const colocated = colocatedLlmIds(doc);
  const nodes = doc.nodes.filter((n) => merged.has(n.id));
  const gpuNodes = nodes.filter((n) => isGpuSide(doc, n));
  const cpu = side(doc, nodes.filter((n) => !isGpuSide(doc, n)), false);
  const gpu = side(doc, gpuNodes, true);
  const llm = llmSide(doc, doc.nodes.filter((n) => colocated.has(n.id)));
  const m = doc.monolith;
  const microCostPerHour = cpu.totalPrice + gpu.totalPrice + llm.totalPrice;
  const withMachines = m.hardware !== null || nodes.some((n) => n.hardware !== null) || llm.named;
  const base = { sizing: m.sizing, microCostPerHour, cpuNodes: cpu.ids, gpuNodes: gpu.ids, llmNodes: llm.ids, llmGpusPerReplica: llm.unitGpus };
  if (!withMachines) {
    const threads = Math.min(LIMITS.maxServers, m.threadsPerReplica ?? cpu.totalServers);
    const cpuPrice = cpu.totalServers > 0 ? (cpu.totalPrice * threads) / cpu.totalServers : 0;
    const price = m.costPerHour ?? cpuPrice + gpu.totalPrice + llm.unitPrice;
    const replicas = m.sizing === 'replicas' ? clampReplicas(m.replicas ?? 1) : 1;
    const needs = { cpuCores: 0, gpus: gpu.totalServers + llm.unitGpus, gpuMemoryGb: gpu.memoryGb + llm.unitMemoryGb };
    return { ...base, hardware: null, replicas, threadsPerReplica: threads, gpusPerReplica: needs.gpus, gpuSlotsPerReplica: gpu.totalServers, fits: true, needs, pricePerReplicaHour: price, costPerHour: replicas * price };
  }
  const needs = { cpuCores: cpu.unitUnits, gpus: gpu.unitUnits + llm.unitGpus, gpuMemoryGb: gpu.memoryGb + llm.unitMemoryGb, ...(llm.perGpuGb > 0 ? { gpuMemoryPerGpuGb: llm.perGpuGb } : {}) };
  const chosen = m.hardware !== null ? findHardware(doc, m.hardware) : smallestFit(hardwareCatalogue(doc), needs);
  const fits = chosen !== null && machineHolds(chosen, needs);
  const price = m.costPerHour ?? chosen?.costPerHour ?? cpu.unitPrice + gpu.unitPrice;
  const threads = Math.min(LIMITS.maxServers, m.threadsPerReplica ?? cpu.unitServers);
  const gpus = chosen?.gpus ?? needs.gpus;
  let replicas: number;
  if (m.sizing === 'replicas') replicas = m.replicas ?? 1;
  else if (m.sizing === 'equal-budget') replicas = price > 0 ? Math.floor(microCostPerHour / price + 1e-9) : 1;
  else {
    const cores = chosen?.cpuCores ?? needs.cpuCores;
    replicas = Math.max(gpus > 0 ? Math.ceil((gpu.totalUnits + llm.totalGpus) / gpus) : 0, cores > 0 ? Math.ceil(cpu.totalUnits / cores) : 0);
  }
  replicas = clampReplicas(replicas);
  return { ...base, hardware: chosen?.id ?? null, replicas, threadsPerReplica: threads, gpusPerReplica: gpus, gpuSlotsPerReplica: gpu.unitServers, fits, needs, pricePerReplicaHour: price, costPerHour: replicas * price };
}

function freeId(taken: Set<string>, want: string): string {
  let id = want;
  for (let k = 2; taken.has(id); k++) id = `${want}-${k}`;
  return id;
}

/**
 * The monolith version of a design and how it is deployed. Merged CPU-side
 * nodes join pool `monolith-cpu` (threadsPerReplica servers per replica),
 * merged model servers join pool `monolith-gpu` (their slots per replica);
 * both have the deployment's replicas, the entry's balancer and unit
 * "monolith"; the unit's price is booked once (on the GPU pool when there is
 * one). Pools whose members were all merged are folded into the unit.
 * Edges between merged nodes get networkMs 0. Everything else is unchanged.
 */
export function deriveMonolithDeployment(doc: Topology): DerivedMonolith {
  const deployment = monolithDeployment(doc);
  const merged = mergedNodeIds(doc);
  const colocated = new Set(deployment.llmNodes);
  const inUnit = (id: string) => merged.has(id) || colocated.has(id);
  const gpuSet = new Set(deployment.gpuNodes);
  const folded = new Set(doc.pools.filter((p) => doc.nodes.some((n) => n.pool === p.id) && doc.nodes.every((n) => n.pool !== p.id || merged.has(n.id))).map((p) => p.id));
  const taken = new Set(doc.pools.map((p) => p.id));
  const cpuId = freeId(taken, 'monolith-cpu');
  const gpuId = freeId(taken, 'monolith-gpu');
  const entry = doc.nodes.find((n) => n.id === doc.workload.entry);
  const balancer: Balancer = entry?.balancer ?? 'pooled';
  const cap = LIMITS.maxCostPerReplicaHour * LIMITS.maxReplicas;
  const hasGpu = gpuSet.size > 0;
  const unit = (id: string, label: string, servers: number, costPerHour: number): Pool => ({
    id,
    label,
    servers: Math.max(1, Math.min(LIMITS.maxServers, servers)),
    costPerHour: Math.min(cap, costPerHour),
    replicas: deployment.replicas,
    balancer,
    unit: 'monolith',
    hardware: deployment.hardware,
  });
  const pools: Pool[] = doc.pools.filter((p) => !folded.has(p.id)).map((p) => ({ ...p }));
  if (merged.size > gpuSet.size) pools.push(unit(cpuId, 'Monolith (CPU threads)', deployment.threadsPerReplica, hasGpu ? 0 : deployment.costPerHour));
  if (hasGpu) pools.push(unit(gpuId, 'Monolith (GPUs)', deployment.gpuSlotsPerReplica, deployment.costPerHour));
  const poolOf = (n: TopologyNode) => (!merged.has(n.id) ? n.pool : gpuSet.has(n.id) ? gpuId : cpuId);
  const monoDoc: Topology = {
    ...doc,
    name: `${doc.name} (monolith)`.slice(0, LIMITS.nameChars),
    nodes: doc.nodes.map((n) => ({
      ...n,
      position: { ...n.position },
      serviceTime: { ...n.serviceTime },
      batching: n.batching ? { ...n.batching, cost: 'table' in n.batching.cost ? { table: n.batching.cost.table.map((p) => ({ ...p })) } : { ...n.batching.cost } } : null,
      pool: poolOf(n),
      // A co-located LLM engine: one per unit replica (its price is in the unit's), reached on the replica the request entered.
      ...(colocated.has(n.id) ? { replicas: deployment.replicas, costPerReplicaHour: 0, unit: 'monolith' } : {}),
    })),
    edges: doc.edges.map((e) => ({ ...e, networkMs: inUnit(e.source) && inUnit(e.target) ? 0 : e.networkMs })),
    workload: { ...doc.workload, profile: doc.workload.profile?.map((p) => ({ ...p })) ?? null, burst: { ...doc.workload.burst } },
    run: { ...doc.run },
    pools,
    slo: { ...doc.slo },
    monolith: { ...doc.monolith },
    hardware: doc.hardware.map((h) => ({ ...h })),
  };
  const events = doc.scenario?.events ?? [];
  if (events.length > 0) {
    const mapped = monolithScenario(doc, merged, colocated);
    monoDoc.scenario = { events: mapped.events };
    deployment.scenarioNotes = mapped.notes;
  }
  return { doc: monoDoc, deployment };
}

/**
 * The scenario as the monolith lives through it (resilience/scenarioMonolith.ts): a crash, outage or capacity
 * fault of a merged component hits the unit `"monolith"` (every replica hosts it), co-located LLM engines on its
 * crashed replicas included; batching model servers in the unit keep running (faults on their servers are not
 * simulated yet), said in a note.
 */
function monolithScenario(doc: Topology, merged: Set<string>, colocated: Set<string>): ReturnType<typeof scenarioForMonolith> {
  const poolReplicas = new Map(doc.pools.map((p) => [p.id, p.replicas]));
  const replicasById = new Map(doc.nodes.map((n) => [n.id, (n.pool !== null ? poolReplicas.get(n.pool) : undefined) ?? n.replicas]));
  const edgesById = new Map(doc.edges.map((e) => [e.id, { source: e.source, target: e.target }]));
  const out = scenarioForMonolith(doc.scenario?.events ?? [], { merged, replicasById, edgesById, monolithId: 'monolith', colocated });
  const engines = doc.nodes.filter((n) => merged.has(n.id) && n.batching != null && (n.batching.maxBatch > 1 || n.batching.triton)).map((n) => n.id);
  if (engines.length > 0 && out.events.some((e) => e.target === 'monolith' && e.kind !== 'latency' && e.kind !== 'errors')) {
    out.notes.push(`${engines.join(', ')}: ${engines.length === 1 ? 'its engine keeps' : 'their engines keep'} running when monolith replicas crash or are throttled (faults of batching engines are not simulated yet)`);
  }
  return out;
}

/** The monolith version of a design, as a document (see {@link deriveMonolithDeployment}). */
export function deriveMonolith(doc: Topology): Topology {
  return deriveMonolithDeployment(doc).doc;
}
