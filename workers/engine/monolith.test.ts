/**
 * The derived monolith: deployed as one unit holding every merged component,
 * CPU threads and GPUs never pooled with each other, sized by budget, by
 * hardware or by an explicit replica count, on the smallest machine that
 * fits. The RAG template is the worked example of docs/model.md.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile';
import { BUILTIN_HARDWARE, replicaPricePerHour } from './hardware';
import { ReplicaChooser } from './balancer';
import { deriveMonolith, deriveMonolithDeployment, monolithDeployment } from './monolith';
import { parseTopology } from './parse';
import { runPoint } from './run';
import type { Topology } from './schema';
import { testDoc } from './testing/docs';
import { loadTemplate } from '../templates/index';

describe('the monolith of a version-1 design (no machines named)', () => {
  const doc = testDoc({
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 2, concurrency: 8, costPerReplicaHour: 0.1, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'cache', kind: 'cache', replicas: 3, concurrency: 32, hitRatio: 0.5, serviceTime: { dist: 'deterministic', meanMs: 0.5 } },
      { id: 'rank', kind: 'model-server', replicas: 4, concurrency: 1, costPerReplicaHour: 0.9, serviceTime: { dist: 'deterministic', meanMs: 20 } },
      { id: 'api', kind: 'service', replicas: 2, concurrency: 2, costPerReplicaHour: 0.2, serviceTime: { dist: 'deterministic', meanMs: 2 } },
      { id: 'fs', kind: 'feature-store', replicas: 1, concurrency: 64, serviceTime: { dist: 'deterministic', meanMs: 3 } },
      { id: 'nearline', kind: 'stream-processor', replicas: 1, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 5 } },
      { id: 'train', kind: 'offline' },
    ],
    edges: [
      { id: 'e1', source: 'gw', target: 'cache', networkMs: 0.4 },
      { id: 'e2', source: 'cache', target: 'rank', networkMs: 0.6 },
      { id: 'e3', source: 'rank', target: 'fs', networkMs: 0.8 },
      { id: 'e4', source: 'gw', target: 'rank', networkMs: 1.5 },
      { id: 'e7', source: 'gw', target: 'api', networkMs: 0.7 },
      { id: 'e5', source: 'gw', target: 'nearline', mode: 'async', networkMs: 2 },
      { id: 'e6', source: 'train', target: 'rank' },
    ],
    workload: { entry: 'gw', ratePerSec: 5 },
  });

  it('is a valid document: CPU-side nodes share the threads, the model server its own GPU pool, infra stays remote', () => {
    const mono = deriveMonolith(doc);
    expect(parseTopology(JSON.parse(JSON.stringify(mono))).ok).toBe(true);
    expect(mono.name).toBe(`${doc.name} (monolith)`);
    const cpu = mono.pools.find((p) => p.id === 'monolith-cpu')!;
    const gpu = mono.pools.find((p) => p.id === 'monolith-gpu')!;
    expect(cpu).toMatchObject({ servers: 2 * 8 + 2 * 2, replicas: 1, unit: 'monolith', balancer: 'pooled' });
    expect(gpu).toMatchObject({ servers: 4 * 1, replicas: 1, unit: 'monolith', balancer: 'pooled' });
    expect(cpu.costPerHour + gpu.costPerHour).toBeCloseTo(2 * 0.1 + 4 * 0.9 + 2 * 0.2, 12);
    const poolOf = Object.fromEntries(mono.nodes.map((n) => [n.id, n.pool]));
    expect(poolOf).toEqual({ gw: 'monolith-cpu', cache: null, rank: 'monolith-gpu', api: 'monolith-cpu', fs: null, nearline: null, train: null });
    const net = Object.fromEntries(mono.edges.map((e) => [e.id, e.networkMs]));
    expect(net).toEqual({ e1: 0.4, e2: 0.6, e3: 0.8, e4: 0, e7: 0, e5: 2, e6: 0.5 });
  });

  it('no CPU thread serves the model server: the compiled stations differ', () => {
    const mono = deriveMonolith(doc);
    const m = compileModel(mono);
    const at = (id: string) => m.nodeStation[mono.nodes.findIndex((n) => n.id === id)];
    expect(at('gw')).toBe(at('api'));
    expect(at('rank')).not.toBe(at('gw'));
  });

  it('an overridden thread count scales the CPU side’s price; the GPU side keeps its own', () => {
    const d = monolithDeployment({ ...doc, monolith: { ...doc.monolith, threadsPerReplica: 10, costPerHour: null } });
    expect(d.threadsPerReplica).toBe(10);
    expect(d.gpuSlotsPerReplica).toBe(4);
    expect(d.costPerHour).toBeCloseTo(((2 * 0.1 + 2 * 0.2) * 10) / 20 + 4 * 0.9, 12);
  });

  it('takes the price of a replica from doc.monolith.costPerHour when it is set', () => {
    const settings = { ...doc.monolith, threadsPerReplica: 10, costPerHour: 3.8 };
    const r = runPoint({ ...doc, monolith: settings }, { durationSec: 20, seed: 1 });
    const remote = doc.nodes.filter((n) => ['cache', 'fs', 'nearline', 'train'].includes(n.id));
    const remoteCost = remote.reduce((sum, n) => sum + n.replicas * (n.costPerReplicaHour ?? 0), 0);
    expect(r.monolith.costPerHour).toBeCloseTo(3.8 + remoteCost, 9);
    expect(r.monolith.deployment).toMatchObject({ hardware: null, replicas: 1, threadsPerReplica: 10, gpusPerReplica: 4, fits: true });
  });

  it('at negligible load takes the sum of the merged work plus the remote calls, at the same cost', () => {
    const r = runPoint(doc, { durationSec: 400, seed: 2 });
    // The monolith saves the gw→rank (1.5 ms) and gw→api (0.7 ms) hops; the cache's calls stay remote.
    expect(r.microservices.endToEnd.meanMs - r.monolith.endToEnd.meanMs).toBeCloseTo(2.2, 9);
    expect(r.monolith.costPerHour).toBeCloseTo(r.microservices.costPerHour, 9);
  });
});

/** The RAG template with one change to its document. */
function rag(change: (d: Topology) => Topology = (d) => d): Topology {
  return change(loadTemplate('rag-llm'));
}
const withMonolith = (m: Partial<Topology['monolith']>) => (d: Topology) => ({ ...d, monolith: { ...d.monolith, ...m } });

describe('the RAG template’s monolith (worked example in docs/model.md)', () => {
  // Microservices, merged part: gateway 2 × c7i.large $0.08925 + orchestrator 4 × m7i.xlarge $0.2016
  // + embedder 2 × c7i.xlarge $0.1785 + LLM 4 × a2-highgpu-1g $3.6733 = $16.0351/h.
  const merged = 2 * 0.08925 + 4 * 0.2016 + 2 * 0.1785 + 4 * 3.6733;

  it('runs on the cheapest machine holding 2 + 4 + 4 cores and one 16 GB model: one A100 host, four of them for the budget', () => {
    const d = monolithDeployment(rag());
    expect(d.needs).toEqual({ cpuCores: 2 + 4 + 4, gpus: 1, gpuMemoryGb: 16 });
    expect(d.hardware).toBe('a2-highgpu-1g');
    expect(d.fits).toBe(true);
    expect(d.microCostPerHour).toBeCloseTo(merged, 9);
    expect(d.replicas).toBe(Math.floor(merged / 3.6733)); // 4
    expect(d.replicas).toBe(4);
    expect(d.gpusPerReplica).toBe(1);
    expect(d.threadsPerReplica).toBe(64 + 8 + 4);
    expect(d.costPerHour).toBeCloseTo(4 * 3.6733, 9);
    // No cheaper catalogue machine has the cores, a GPU and the memory.
    const cheaper = BUILTIN_HARDWARE.filter((h) => h.costPerHour < 3.6733);
    expect(cheaper.every((h) => h.cpuCores < 10 || h.gpus < 1)).toBe(true);
  });

  it('puts every CPU-side component on the threads and only the LLM on the GPUs (no thread serves a GPU component)', () => {
    const { doc: mono } = deriveMonolithDeployment(rag());
    const members = (pool: string) => mono.nodes.filter((n) => n.pool === pool).map((n) => n.id);
    expect(members('monolith-cpu')).toEqual(['gateway', 'orchestrator', 'embedder']);
    expect(members('monolith-gpu')).toEqual(['llm']);
    expect(mono.pools.find((p) => p.id === 'monolith-gpu')).toMatchObject({ servers: 1, replicas: 4, unit: 'monolith', balancer: 'round-robin' });
    expect(mono.pools.find((p) => p.id === 'monolith-cpu')).toMatchObject({ servers: 76, replicas: 4, unit: 'monolith' });
    const m = compileModel(mono);
    const station = (id: string) => m.nodeStation[mono.nodes.findIndex((n) => n.id === id)];
    for (const cpuNode of ['gateway', 'orchestrator', 'embedder']) expect(station(cpuNode)).not.toBe(station('llm'));
    expect(mono.nodes.find((n) => n.id === 'vector-index')!.pool).toBeNull();
  });

  it('costs 4 × $3.6733 + the remote vector index in a run, and says so in the result', () => {
    const r = runPoint(rag(), { durationSec: 5, ratePerSec: 5, seed: 3 });
    expect(r.monolith.costPerHour).toBeCloseTo(4 * 3.6733 + 2 * 0.4032, 9);
    expect(r.microservices.costPerHour).toBeCloseTo(merged + 2 * 0.4032, 9);
    expect(r.monolith.deployment).toMatchObject({ hardware: 'a2-highgpu-1g', replicas: 4, threadsPerReplica: 76, gpusPerReplica: 1, fits: true });
  });

  it('sizing: equal hardware buys as many GPUs and cores as the microservices, an explicit count is kept', () => {
    // 4 GPUs / 1 per replica = 4; cores 2·2 + 4·4 + 2·4 = 28 / 12 = 3 → 4 replicas.
    expect(monolithDeployment(rag(withMonolith({ sizing: 'equal-hardware' }))).replicas).toBe(4);
    const two = monolithDeployment(rag(withMonolith({ sizing: 'replicas', replicas: 2 })));
    expect(two.replicas).toBe(2);
    expect(two.costPerHour).toBeCloseTo(2 * 3.6733, 9);
  });

  it('an overridden machine is used; a machine with more GPUs costs more per replica, so the budget buys fewer', () => {
    const d = monolithDeployment(rag(withMonolith({ hardware: 'g6.12xlarge' })));
    expect(d).toMatchObject({ hardware: 'g6.12xlarge', fits: true, gpusPerReplica: 4, replicas: Math.floor(merged / 4.6016) });
  });

  it('says plainly when the chosen machine or no machine holds the merged components', () => {
    const small = monolithDeployment(rag(withMonolith({ hardware: 'g6.xlarge' })));
    expect(small).toMatchObject({ hardware: 'g6.xlarge', fits: false });
    const huge = monolithDeployment(rag((d) => ({ ...d, nodes: d.nodes.map((n) => (n.id === 'orchestrator' ? { ...n, hardware: 'a3-highgpu-8g' } : n)) })));
    // 2 + 208 + 4 cores and a GPU: no single catalogue machine has that many cores.
    expect(huge).toMatchObject({ hardware: null, fits: false });
  });

  it('a model server on a GPU-less machine is a CPU-side component', () => {
    const d = monolithDeployment(rag());
    expect(d.cpuNodes).toContain('embedder');
    expect(d.gpuNodes).toEqual(['llm']);
  });
});

describe('llm-servers in the monolith (monolith.llm)', () => {
  const rag = () => loadTemplate('rag-assistant');
  const costOf = (d: Topology) => d.nodes.reduce((s, n) => s + (n.pool !== null ? 0 : n.replicas * replicaPricePerHour(d, n)), 0) + d.pools.reduce((s, p) => s + p.costPerHour, 0);

  it('co-locates them by default: one engine per unit replica on GPUs the unit’s machine must hold, priced in the unit', () => {
    const doc = rag();
    expect(doc.monolith.llm).toBeUndefined();
    const { doc: mono, deployment: d } = deriveMonolithDeployment(doc);
    expect(d.llmNodes).toEqual(['llm']);
    expect(d.llmGpusPerReplica).toBe(1);
    // Embedder and reranker (one L4 each) plus the LLM's own L4: 3 GPUs of 24 GB, on a 4× L4 host.
    expect(d.needs).toEqual({ cpuCores: 6, gpus: 3, gpuMemoryGb: 27, gpuMemoryPerGpuGb: 24 });
    expect(d.hardware).toBe('g6.12xlarge');
    const llm = mono.nodes.find((n) => n.id === 'llm')!;
    expect(llm).toMatchObject({ replicas: d.replicas, unit: 'monolith', costPerReplicaHour: 0, pool: null, hardware: 'g6.xlarge' });
    expect(mono.edges.filter((e) => e.target === 'llm').map((e) => e.networkMs)).toEqual([0]);
    // The LLM fleet's price counts in the equal budget; the monolith's cost is its units' only.
    const micro = doc.nodes.find((n) => n.id === 'llm')!;
    expect(d.microCostPerHour).toBeGreaterThan(micro.replicas * replicaPricePerHour(doc, micro));
    const infra = doc.nodes.filter((n) => n.role === 'infra').reduce((s, n) => s + n.replicas * replicaPricePerHour(doc, n), 0);
    expect(costOf(mono)).toBeCloseTo(d.costPerHour + infra, 9);
    expect(parseTopology(JSON.parse(JSON.stringify(mono))).ok).toBe(true);
  });

  it('keeps a request on the LLM engine of the unit replica it entered', () => {
    const doc = rag();
    doc.monolith = { ...doc.monolith, sizing: 'replicas', replicas: 3 };
    const m = compileModel(deriveMonolith(doc));
    const lb = new ReplicaChooser(m, 7);
    const llm = m.nodeIds.indexOf('llm');
    const orch = m.nodeIds.indexOf('orchestrator');
    const g = m.nodeGroup[orch];
    expect(m.groupReplicas[m.nodeGroup[llm]]).toBe(3);
    for (let r = 0; r < 3; r++) {
      const from = m.groupStation0[g] + r;
      for (let k = 0; k < 5; k++) expect(m.stationReplica[lb.station(llm, from)]).toBe(r);
    }
  });

  it('`separate` keeps them their own deployment, as does an autoscaled monolith', () => {
    for (const change of [(d: Topology) => ({ ...d.monolith, llm: 'separate' as const }), (d: Topology) => ({ ...d.monolith, autoscale: loadTemplate('netflix-autoscaled').nodes.find((n) => n.autoscale)!.autoscale })]) {
      const doc = rag();
      doc.monolith = change(doc);
      const { doc: mono, deployment: d } = deriveMonolithDeployment(doc);
      expect(d.llmNodes).toEqual([]);
      expect(d.needs.gpus).toBe(2);
      const llm = mono.nodes.find((n) => n.id === 'llm')!;
      expect(llm.replicas).toBe(doc.nodes.find((n) => n.id === 'llm')!.replicas);
      expect(llm.unit).toBeUndefined();
    }
  });

  it('puts an engine that ran on 80 GB GPUs on a machine with 80 GB GPUs (the router’s H100 model)', () => {
    const d = monolithDeployment(loadTemplate('llm-router'));
    expect(d.llmNodes).toEqual(['small', 'large']);
    expect(d.needs.gpuMemoryPerGpuGb).toBe(80);
    const h = BUILTIN_HARDWARE.find((x) => x.id === d.hardware)!;
    expect(h.gpuMemoryGb).toBeGreaterThanOrEqual(80);
    // The cheapest such machine in the catalogue.
    const cheaper = BUILTIN_HARDWARE.filter((x) => x.gpuMemoryGb >= 80 && x.gpus >= 2 && x.costPerHour < h.costPerHour);
    expect(cheaper).toEqual([]);
  });

  it('reads monolith.llm and node.unit, names a wrong value, and writes neither when absent', () => {
    const doc = JSON.parse(JSON.stringify(rag()));
    const bad = parseTopology({ ...doc, monolith: { ...doc.monolith, llm: 'inside' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('monolith.llm');
    const good = parseTopology({ ...doc, monolith: { ...doc.monolith, llm: 'separate' } });
    expect(good.ok && good.doc.monolith.llm).toBe('separate');
    const plain = parseTopology(doc);
    expect(plain.ok && JSON.stringify(plain.doc)).not.toMatch(/"unit"|"llm":"(colocated|separate)"/);
  });

  it('leaves documents without llm-servers as they were (no unit on any node)', () => {
    const mono = deriveMonolith(loadTemplate('rag-llm'));
    expect(mono.nodes.every((n) => n.unit === undefined)).toBe(true);
  });
});
