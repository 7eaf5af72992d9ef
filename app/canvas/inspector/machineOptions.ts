/** The machine types a document can name, as select options with their price and GPUs shown. */
import { hardwareCatalogue } from '../../../workers/engine/hardware';
import type { Topology } from '../../../workers/engine/schema';

/** "g6.xlarge · 1× 24 GB GPU · $0.8048/h" (document types first; `none` adds an empty choice). */
export function machineOptions(doc: Pick<Topology, 'hardware'>, none: string): { value: string; label: string }[] {
  const own = new Set(doc.hardware.map((h) => h.id));
  return [
    { value: '', label: none },
    ...hardwareCatalogue(doc).map((h) => ({
      value: h.id,
      label: `${h.id} · ${h.gpus > 0 ? `${h.gpus}× ${h.gpuMemoryGb} GB GPU` : `${h.cpuCores} vCPU`} · $${h.costPerHour}/h${own.has(h.id) ? ' (this document)' : ''}`,
    })),
  ];
}
