/**
 * The monolith's derivation in one sentence with its numbers: machine type,
 * replicas, threads and GPUs per replica, cost. Shared by the report and the
 * studio's Monolith drawing tab.
 */
import { findHardware } from '../engine/hardware';
import { type MonolithDeployment, mergedNodeIds, monolithDeployment } from '../engine/monolith';
import type { Topology } from '../engine/schema';
import { fmtMoney, fmtNum } from './format';
import { labelOf } from './model';

const plural = (n: number, one: string, many = `${one}s`) => `${fmtNum(n)} ${n === 1 ? one : many}`;
const list = (doc: Topology, ids: readonly string[]) => ids.map((id) => labelOf(doc, id)).join(', ');

const SIZING: Record<MonolithDeployment['sizing'], string> = {
  'equal-budget': 'equal budget',
  'equal-hardware': 'equal hardware',
  replicas: 'replica count set in the document',
};

/** What one replica holds: "API gateway, Orchestrator on 76 worker threads and LLM server on 1 GPU". */
function holds(doc: Topology, d: MonolithDeployment): string {
  const parts: string[] = [];
  if (d.cpuNodes.length) parts.push(`${list(doc, d.cpuNodes)} on ${plural(d.threadsPerReplica, 'worker thread')}`);
  if (d.gpuNodes.length) parts.push(`${list(doc, d.gpuNodes)} on ${d.hardware === null ? plural(d.gpuSlotsPerReplica, 'GPU slot') : plural(d.gpusPerReplica - d.llmGpusPerReplica, 'GPU')}`);
  if (d.llmNodes.length === 1) parts.push(`an LLM engine of ${list(doc, d.llmNodes)} on ${plural(d.llmGpusPerReplica, 'GPU')} of its own`);
  else if (d.llmNodes.length) parts.push(`an LLM engine each of ${list(doc, d.llmNodes)}, on ${plural(d.llmGpusPerReplica, 'GPU')} of their own`);
  return parts.join(' and ');
}

function needsText(d: MonolithDeployment): string {
  const n = d.needs;
  const each = n.gpuMemoryPerGpuGb ? ` (GPUs of at least ${fmtNum(n.gpuMemoryPerGpuGb)} GB each, as its LLM engines ran on)` : '';
  return `${plural(n.cpuCores, 'core')}, ${plural(n.gpus, 'GPU')} and ${fmtNum(n.gpuMemoryGb)} GB of GPU memory together${each}`;
}

/** One sentence stating how the monolith is deployed (see docs/model.md, "The monolith"). */
export function deploymentSentence(doc: Topology, d: MonolithDeployment = monolithDeployment(doc)): string {
  if (mergedNodeIds(doc).size === 0) return 'No service node is on the request path, so the monolith is the same as the microservice design.';
  const infra = doc.nodes.filter((n) => n.role === 'infra');
  const remote = infra.length ? `; ${plural(infra.length, 'infrastructure node')} (${infra.map((n) => n.label || n.id).join(', ')}) stay${infra.length === 1 ? 's' : ''} remote` : '';
  const cost = `${fmtMoney(d.costPerHour)}/h`;
  if (d.hardware === null && d.fits && d.needs.cpuCores === 0) {
    const threads = doc.monolith.threadsPerReplica !== null ? 'set in the document' : 'the same total as the microservice design';
    return `The monolith runs as ${plural(d.replicas, 'replica')} holding ${holds(doc, d)} (${threads}; no machine types are named), costing ${cost}; calls between merged parts cost no network time${remote}.`;
  }
  if (!d.fits) {
    const what = d.hardware === null ? 'No machine type in the catalogue holds' : `The machine type ${d.hardware} does not hold`;
    return `${what} every merged component (${needsText(d)}), so this monolith cannot be deployed as drawn; it is simulated as ${plural(d.replicas, 'replica')} holding ${holds(doc, d)} at ${fmtMoney(d.pricePerReplicaHour)}/h each, ${cost} in all${remote}.`;
  }
  const h = findHardware(doc, d.hardware);
  const chosen = doc.monolith.hardware !== null ? 'set in the document' : 'the cheapest machine type that fits';
  const why =
    d.sizing !== 'equal-budget'
      ? ''
      : d.pricePerReplicaHour > d.microCostPerHour
        ? `: one replica costs more than the microservices' ${fmtMoney(d.microCostPerHour)}/h for these components, so it runs the minimum of one`
        : `, as many as the microservices' ${fmtMoney(d.microCostPerHour)}/h for these components buys`;
  return (
    `The monolith runs as ${plural(d.replicas, 'replica')} of ${h?.label ?? d.hardware} (${chosen}) at ${fmtMoney(d.pricePerReplicaHour)}/h each, ${cost} in all (${SIZING[d.sizing]}${why}); ` +
    `each replica holds ${holds(doc, d)}; calls between merged parts cost no network time${remote}.`
  );
}
