/**
 * Compiles each node's outgoing calls into stages. The calls of one stage
 * run in parallel (fork–join: the stage ends when its slowest sync call has
 * answered); stages run one after another in ascending `edge.stage` order.
 * Without any `stage` on a node's edges, `callMode` decides: `sequential`
 * makes each edge its own stage in document order whose `count` calls run
 * one after another (a serial stage; version 1's meaning), `parallel` makes
 * all edges one stage. When some edges of a node have a stage, an edge
 * without one is in stage 0. Edges are stored stage by stage (document order
 * within a stage), so a stage is a contiguous range of edge indices.
 */
import type { Topology, TopologyEdge } from './schema';

/** The traffic edges of a design in stage order, and the stages of each node. */
export interface CompiledCalls {
  /** Doc index of each compiled edge. */
  edgeDoc: Int32Array;
  /** Edges of node i are edgeStart[i] .. edgeStart[i+1]−1. */
  edgeStart: Int32Array;
  /** Stages of node i are nodeStage0[i] .. nodeStage0[i+1]−1. */
  nodeStage0: Int32Array;
  /** Edges of stage k are stageEdge0[k] .. stageEdge0[k+1]−1. */
  stageEdge0: Int32Array;
  /** 1 when stage k is one edge whose `count` calls run one after another (sequential callMode). */
  stageSerial: Uint8Array;
}

/** Groups the traffic edges of each active node into stages (see the module comment). */
export function compileCalls(doc: Topology, index: Map<string, number>, active: Uint8Array): CompiledCalls {
  const n = doc.nodes.length;
  const bySource: number[][] = doc.nodes.map(() => []);
  doc.edges.forEach((e, k) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || !active[s] || !active[t]) return;
    bySource[s].push(k);
  });
  const edgeDoc: number[] = [];
  const edgeStart = new Int32Array(n + 1);
  const nodeStage0 = new Int32Array(n + 1);
  const stageEdge0: number[] = [];
  const stageSerial: number[] = [];
  for (let i = 0; i < n; i++) {
    edgeStart[i] = edgeDoc.length;
    nodeStage0[i] = stageSerial.length;
    const ks = bySource[i];
    const staged = ks.some((k) => doc.edges[k].stage !== null);
    if (!staged && doc.nodes[i].callMode === 'sequential') {
      for (const k of ks) {
        stageEdge0.push(edgeDoc.length);
        stageSerial.push(1);
        edgeDoc.push(k);
      }
      continue;
    }
    if (!staged) {
      if (ks.length > 0) {
        stageEdge0.push(edgeDoc.length);
        stageSerial.push(0);
        edgeDoc.push(...ks);
      }
      continue;
    }
    const stageOf = (e: TopologyEdge) => e.stage ?? 0;
    const sorted = [...ks].sort((a, b) => stageOf(doc.edges[a]) - stageOf(doc.edges[b]) || a - b);
    let prev = Number.NaN;
    for (const k of sorted) {
      const st = stageOf(doc.edges[k]);
      if (st !== prev) {
        stageEdge0.push(edgeDoc.length);
        stageSerial.push(0);
        prev = st;
      }
      edgeDoc.push(k);
    }
  }
  edgeStart[n] = edgeDoc.length;
  nodeStage0[n] = stageSerial.length;
  stageEdge0.push(edgeDoc.length);
  return {
    edgeDoc: Int32Array.from(edgeDoc),
    edgeStart,
    nodeStage0,
    stageEdge0: Int32Array.from(stageEdge0),
    stageSerial: Uint8Array.from(stageSerial),
  };
}
