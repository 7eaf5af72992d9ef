/** The sentences that say where the closed-workload analytic line (MVA, closed.ts) is approximate or not covered. */
import type { TopologyNode } from '../schema';
import { fmt, stationName } from './notes';
import type { Station } from './stations';
import type { Topology } from '../schema';

const MVA = 'Closed workload (MVA)';

export const closedNotes = {
  multiServer: (doc: Topology, st: Station) =>
    `${MVA}: ${stationName(doc, st)} has ${st.servers} servers; exact MVA covers single servers, so its residence time uses Seidmann's approximation (one server ${st.servers}× as fast plus a delay): an approximation.`,
  replicas: (doc: Topology, st: Station) =>
    `${MVA}: ${stationName(doc, st)} has ${st.replicas} replicas with their own queues behind ${st.balancer}; they are taken as a random split of its visits (an approximation; a smarter balancer waits less).`,
  nonExponential: (n: TopologyNode, scv: number) =>
    `${MVA}: node "${n.id}" has ${n.serviceTime.dist} service (squared coefficient of variation ${fmt(scv)}); MVA is exact for exponential service at FCFS stations, so its figures are an approximation.`,
  batching: (n: TopologyNode) => `${MVA}: node "${n.id}" batches requests; its demand counts full batches of ${n.batching!.maxBatch} (an approximation).`,
  llm: (n: TopologyNode) => `${MVA}: node "${n.id}" is an llm-server (continuous batching, KV-cache limits): no product form; the response time is not predicted.`,
  hold: (n: TopologyNode) => `${MVA}: node "${n.id}" holds its worker during calls (simultaneous resource possession): no product form; the response time is not predicted.`,
  bounded: (n: TopologyNode) => `${MVA}: node "${n.id}" has a bounded queue (${n.queueCapacity} places): drops leave the product form; the response time is not predicted.`,
  timeout: (n: TopologyNode) => `${MVA}: node "${n.id}" calls with a timeout: cut responses and retries leave the product form; the response time is not predicted.`,
  parallel: (n: TopologyNode) =>
    `${MVA}: node "${n.id}" makes parallel calls; MVA has no fork–join, so they are taken as visits one after another (an overestimate of the response time).`,
  async: (n: TopologyNode) =>
    `${MVA}: node "${n.id}" sends asynchronous messages; their work is counted as if the user waited for it (an overestimate of the response time).`,
  cycle: () => `${MVA}: calls form a cycle: the visit ratios have no solution here.`,
};
