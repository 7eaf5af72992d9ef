/** Small documents built in tests: one or a few stations with chosen numbers. */
import { parseTopology } from '../parse';
import type { Topology } from '../schema';

/** Parses a document for a test; throws with the problems if it is invalid. */
export function testDoc(spec: Record<string, unknown>): Topology {
  const r = parseTopology({ format: 'loadsketch', version: 1, ...spec });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.doc;
}

/** A single station `s` with c servers and the given service time, fed at ratePerSec. */
export function stationDoc(c: number, serviceTime: Record<string, unknown>, ratePerSec: number): Topology {
  return testDoc({
    nodes: [{ id: 's', kind: 'service', replicas: 1, concurrency: c, serviceTime }],
    workload: { entry: 's', ratePerSec },
  });
}

/** Run options giving about `requests` arrivals per replication at `ratePerSec`, warm-up 2%. */
export function lengthFor(requests: number, ratePerSec: number, replications: number, seed = 7) {
  const durationSec = requests / ratePerSec;
  return { durationSec, warmupSec: durationSec * 0.02, replications, seed };
}

/** Parses a format-2 document for a test (balancers, routing, stages, batch cost tables); throws on problems. */
export function testDoc2(spec: Record<string, unknown>): Topology {
  const r = parseTopology({ format: 'loadsketch', version: 2, ...spec });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.doc;
}
