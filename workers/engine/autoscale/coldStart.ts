/**
 * Cold starts: how long a new replica takes from "requested" to "ready"
 * (machine provisioning, image pull, model load), drawn per replica from the
 * node's `coldStart` distribution (seconds). Each node draws from its own
 * stream, so a document without autoscaling draws nothing and its other
 * streams are untouched.
 *
 * Defaults (`defaultColdStart`), chosen within what users report:
 * - model servers (GPU): lognormal, mean 120 s, cv 0.3. KServe users report a
 *   GPU node scale-up taking "> 2min" before the predictor pod is ready
 *   (github.com/kserve/kserve/issues/1247); a serverless-GPU vendor measures
 *   ~45 s to provision a machine, ~20 s to load a 15 GB image and ~20 s to load
 *   a 16 GB model into GPU memory (github.com/tensorfuse/tensorfuse-examples/issues/1).
 * - everything else (CPU pods on running nodes): lognormal, mean 10 s, cv 0.5.
 *   Knative cold starts measured from ~2 s (a small Go service, Knative's scale
 *   tests: nobl9.com interview with Matt Moore) to ~15 s (GitLab Serverless,
 *   gitlab.com/gitlab-org/gitlab/-/issues/29097).
 * The cvs are our choice (the sources give single figures).
 */
import * as C from '../compile';
import { detExp, detLog } from '../detmath';
import type { Rng } from '../rng';
import type { ColdStart } from './schema';

const { DIST_DET, DIST_EXP, DIST_GAMMA, DIST_LOGNORMAL, DIST_UNIFORM } = C;

export { coldStartMeanSec, defaultColdStart, MODEL_SERVER_COLD_START, SERVICE_COLD_START } from './coldStartDefaults';

/**
 * Draws cold starts (ms) from one node's own stream, with the parameterization
 * of the service-time samplers (compile.ts: lognormal by mean and cv,
 * gamma by shape 1/cv² and scale mean/shape).
 */
export class ColdStartSampler {
  private readonly dist: number;
  private readonly p1: number;
  private readonly p2: number;

  constructor(
    c: ColdStart,
    private readonly rng: Rng,
  ) {
    switch (c.dist) {
      case 'exponential':
        [this.dist, this.p1, this.p2] = [DIST_EXP, c.meanSec * 1000, 0];
        break;
      case 'deterministic':
        [this.dist, this.p1, this.p2] = [DIST_DET, c.meanSec * 1000, 0];
        break;
      case 'lognormal': {
        const s2 = detLog(1 + c.cv * c.cv);
        [this.dist, this.p1, this.p2] = [DIST_LOGNORMAL, detLog(c.meanSec * 1000) - s2 / 2, Math.sqrt(s2)];
        break;
      }
      case 'gamma': {
        const k = 1 / (c.cv * c.cv);
        [this.dist, this.p1, this.p2] = [DIST_GAMMA, k, (c.meanSec * 1000) / k];
        break;
      }
      default:
        [this.dist, this.p1, this.p2] = [DIST_UNIFORM, c.minSec * 1000, c.maxSec * 1000];
    }
  }

  /** The next cold start, ms. */
  nextMs(): number {
    const { rng, p1, p2 } = this;
    switch (this.dist) {
      case DIST_EXP:
        return rng.exp(p1);
      case DIST_DET:
        return p1;
      case DIST_LOGNORMAL:
        return detExp(p1 + p2 * rng.normal());
      case DIST_GAMMA:
        return rng.gamma(p1) * p2;
      default:
        return p1 + (p2 - p1) * rng.next();
    }
  }
}

/**
 * First stream number of the cold-start streams (node i draws from stream
 * COLD_START_STREAM_BASE + i, see rng.ts `streamSeed`): far above the
 * arrivals (0) and the per-node streams (1 … 2n, and whatever per-node streams
 * the balancers add), so no existing stream moves.
 */
export const COLD_START_STREAM_BASE = 0x10000000;
