/**
 * Machine types: the built-in catalogue of common cloud instance types, how
 * a node's `hardware` id resolves (the document's own types shadow built-in
 * ones with the same id), what a replica costs, and whether a model fits its
 * machine's GPU memory. Prices are US$ per machine-hour, on-demand, Linux;
 * each one's source, date and whether it is an assumption are in
 * docs/hardware.md.
 */
import type { Hardware, NodeKind, Topology, TopologyNode } from './schema';

/** The built-in machine types, cheapest first within each provider (see docs/hardware.md for sources). */
export const BUILTIN_HARDWARE: readonly Hardware[] = [
  { id: 'c7i.large', label: 'AWS c7i.large (2 vCPU)', cpuCores: 2, gpus: 0, gpuMemoryGb: 0, costPerHour: 0.08925 },
  { id: 'c7i.xlarge', label: 'AWS c7i.xlarge (4 vCPU)', cpuCores: 4, gpus: 0, gpuMemoryGb: 0, costPerHour: 0.1785 },
  { id: 'c7i.4xlarge', label: 'AWS c7i.4xlarge (16 vCPU)', cpuCores: 16, gpus: 0, gpuMemoryGb: 0, costPerHour: 0.714 },
  { id: 'm7i.large', label: 'AWS m7i.large (2 vCPU)', cpuCores: 2, gpus: 0, gpuMemoryGb: 0, costPerHour: 0.1008 },
  { id: 'm7i.xlarge', label: 'AWS m7i.xlarge (4 vCPU)', cpuCores: 4, gpus: 0, gpuMemoryGb: 0, costPerHour: 0.2016 },
  { id: 'm7i.2xlarge', label: 'AWS m7i.2xlarge (8 vCPU)', cpuCores: 8, gpus: 0, gpuMemoryGb: 0, costPerHour: 0.4032 },
  { id: 'g6.xlarge', label: 'AWS g6.xlarge (1× L4 24 GB)', cpuCores: 4, gpus: 1, gpuMemoryGb: 24, costPerHour: 0.8048 },
  { id: 'g5.xlarge', label: 'AWS g5.xlarge (1× A10G 24 GB)', cpuCores: 4, gpus: 1, gpuMemoryGb: 24, costPerHour: 1.006 },
  { id: 'g6.12xlarge', label: 'AWS g6.12xlarge (4× L4 24 GB)', cpuCores: 48, gpus: 4, gpuMemoryGb: 24, costPerHour: 4.6016 },
  { id: 'g5.12xlarge', label: 'AWS g5.12xlarge (4× A10G 24 GB)', cpuCores: 48, gpus: 4, gpuMemoryGb: 24, costPerHour: 5.672 },
  { id: 'p4d.24xlarge', label: 'AWS p4d.24xlarge (8× A100 40 GB)', cpuCores: 96, gpus: 8, gpuMemoryGb: 40, costPerHour: 32.7726 },
  { id: 'p5.48xlarge', label: 'AWS p5.48xlarge (8× H100 80 GB)', cpuCores: 192, gpus: 8, gpuMemoryGb: 80, costPerHour: 55.04 },
  { id: 'g2-standard-4', label: 'GCP g2-standard-4 (1× L4 24 GB)', cpuCores: 4, gpus: 1, gpuMemoryGb: 24, costPerHour: 0.7068 },
  { id: 'a2-highgpu-1g', label: 'GCP a2-highgpu-1g (1× A100 40 GB)', cpuCores: 12, gpus: 1, gpuMemoryGb: 40, costPerHour: 3.6733 },
  { id: 'a2-highgpu-4g', label: 'GCP a2-highgpu-4g (4× A100 40 GB)', cpuCores: 48, gpus: 4, gpuMemoryGb: 40, costPerHour: 14.6934 },
  { id: 'a3-highgpu-8g', label: 'GCP a3-highgpu-8g (8× H100 80 GB)', cpuCores: 208, gpus: 8, gpuMemoryGb: 80, costPerHour: 88.2526 },
];

/** The machine a new node of each kind is drawn on in the studio (null: offline jobs carry no traffic). */
export const KIND_HARDWARE: Readonly<Record<NodeKind, string | null>> = {
  gateway: 'c7i.large',
  service: 'm7i.xlarge',
  'model-server': 'g6.xlarge',
  'feature-store': 'm7i.xlarge',
  'vector-index': 'm7i.2xlarge',
  cache: 'm7i.large',
  database: 'm7i.2xlarge',
  queue: 'm7i.large',
  'stream-processor': 'c7i.xlarge',
  offline: null,
  'llm-server': 'g6.xlarge',
};

/** Every machine type a document can name: its own first, then the built-in ones it does not shadow. */
export function hardwareCatalogue(doc: Pick<Topology, 'hardware'>): Hardware[] {
  const own = new Set(doc.hardware.map((h) => h.id));
  return [...doc.hardware, ...BUILTIN_HARDWARE.filter((h) => !own.has(h.id))];
}

/** The machine type `id` names in this document (its own types shadow built-in ones), or null. */
export function findHardware(doc: Pick<Topology, 'hardware'>, id: string | null): Hardware | null {
  if (id === null) return null;
  return doc.hardware.find((h) => h.id === id) ?? BUILTIN_HARDWARE.find((h) => h.id === id) ?? null;
}

/** US$ per hour of one replica: `costPerReplicaHour` where given, else its machine's price, else 0. */
export function replicaPricePerHour(doc: Pick<Topology, 'hardware'>, node: Pick<TopologyNode, 'costPerReplicaHour' | 'hardware'>): number {
  return node.costPerReplicaHour ?? findHardware(doc, node.hardware)?.costPerHour ?? 0;
}

/** Total GPU memory of one machine, GB. */
export const totalGpuMemoryGb = (h: Hardware): number => h.gpus * h.gpuMemoryGb;

/**
 * The document with every node's `costPerReplicaHour` resolved to a number
 * (its machine's price where it was null): what the compiler prices. A
 * document whose prices are all given is returned as is.
 */
export function withResolvedPrices(doc: Topology): Topology {
  if (doc.nodes.every((n) => n.costPerReplicaHour !== null)) return doc;
  return { ...doc, nodes: doc.nodes.map((n) => (n.costPerReplicaHour !== null ? n : { ...n, costPerReplicaHour: replicaPricePerHour(doc, n) })) };
}

/** "g5.xlarge (1× 24 GB GPU, $1.006/h)": a machine in one phrase. */
export function describeHardware(h: Hardware): string {
  const gpu = h.gpus > 0 ? `${h.gpus}× ${h.gpuMemoryGb} GB GPU, ` : `${h.cpuCores} cores, `;
  return `${h.id} (${gpu}$${h.costPerHour}/h)`;
}
