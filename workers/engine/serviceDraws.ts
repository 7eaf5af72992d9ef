/**
 * Service times drawn ahead, a block at a time, from a node's own stream.
 * A node's service stream (stream 1 + 2i) serves nothing but that node's
 * service times, all from one distribution, so drawing the next
 * SERVICE_BLOCK of them in a tight loop gives exactly the values, in the
 * order, that drawing them one by one would. The simulator's hot path is then
 * a buffer read: the samplers (polar normal, gamma, deterministic exp/log)
 * are compiled and inlined in the refill loop instead of being called, each
 * returning a boxed float, once per visit.
 */
import * as C from './compile';
import type { CompiledModel } from './compile';
import { detExp as detExpImported } from './detmath';
import type { Rng } from './rng';

// Module-local bindings: an imported one can cost a getter call per use under tsx / vite-node.
const { DIST_EXP, DIST_GAMMA, DIST_LOGNORMAL, sampleService } = C;
const detExp = detExpImported;

/** Service times drawn at a time per node. */
export const SERVICE_BLOCK = 64;

/** The service times (ms) of one node, in the order its stream gives them. */
export class ServiceDraws {
  private readonly buf = new Float64Array(SERVICE_BLOCK);
  private pos = SERVICE_BLOCK;

  /** rng must be used by nothing else: draws are taken from it ahead of need. */
  constructor(
    private readonly m: CompiledModel,
    private readonly node: number,
    private readonly rng: Rng,
  ) {}

  /** The node's next service time (ms): sampleService(m, node, rng) of the next draw. */
  next(): number {
    if (this.pos === SERVICE_BLOCK) this.refill();
    return this.buf[this.pos++];
  }

  /**
   * Draws the next SERVICE_BLOCK values: one loop per distribution, its parameters read once
   * (for gamma also Marsaglia–Tsang's d and c), each value exactly what sampleService gives.
   */
  private refill(): void {
    const { buf, m, node, rng } = this;
    const p1 = m.nodeP1[node];
    const p2 = m.nodeP2[node];
    const dist = m.nodeDist[node];
    if (dist === DIST_EXP) {
      // The stream's exponential draws are already made a block at a time.
      for (let k = 0; k < SERVICE_BLOCK; k++) buf[k] = rng.exp(p1);
    } else if (dist === DIST_LOGNORMAL) {
      for (let k = 0; k < SERVICE_BLOCK; k++) buf[k] = detExp(p1 + p2 * rng.normal());
    } else if (dist === DIST_GAMMA && p1 >= 1) {
      const d = p1 - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (let k = 0; k < SERVICE_BLOCK; k++) buf[k] = rng.gammaMT(d, c) * p2;
    } else for (let k = 0; k < SERVICE_BLOCK; k++) buf[k] = sampleService(m, node, rng);
    this.pos = 0;
  }
}
