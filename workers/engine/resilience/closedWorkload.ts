/**
 * A closed-loop workload (`workload.model: "closed"`): `users` users, each of
 * whom thinks for a time drawn from `thinkTime` (a distribution like a node's
 * `serviceTime`), sends one request to the entry, waits for its response
 * (success or failure), then thinks again. The offered load therefore falls
 * as responses slow down, unlike the open (Poisson) model, the default.
 * Every user starts thinking at time 0.
 *
 * Laws the engine must obey with it (tests): the interactive response-time
 * law R = N/X − Z (Denning & Buzen 1978; Lazowska et al., *Quantitative
 * System Performance*, 1984, §3.2.3), and for product-form networks the
 * exact mean-value analysis of {@link mvaClosed} (Reiser & Lavenberg 1980).
 *
 * Hook points: at the start the simulator schedules each user's first
 * request at {@link ClosedWorkload.start}; when a user's request ends it asks
 * {@link ClosedWorkload.onResponse} for the time of the next one.
 */
import { detExp, detLog } from '../detmath';
import type { Rng } from '../rng';

/** A think-time distribution, the same shapes (and parameters) as a node's service time. */
export type ThinkTimeSpec =
  | { dist: 'exponential'; meanMs: number }
  | { dist: 'deterministic'; meanMs: number }
  | { dist: 'lognormal'; meanMs: number; cv: number }
  | { dist: 'gamma'; meanMs: number; cv: number }
  | { dist: 'uniform'; minMs: number; maxMs: number };

/**
 * Draws think times (ms) with the engine's service-time transforms
 * (compile.ts setDist/sampleService: lognormal by mean and cv as
 * μ = ln mean − σ²/2, σ² = ln(1 + cv²); gamma shape 1/cv², scale mean·cv²).
 * When wired, compile.ts should export its sampler so both share one code path.
 */
export class ThinkTime {
  private readonly code: number;
  private readonly p1: number;
  private readonly p2: number;

  constructor(spec: ThinkTimeSpec) {
    switch (spec.dist) {
      case 'exponential':
        [this.code, this.p1, this.p2] = [0, spec.meanMs, 0];
        break;
      case 'deterministic':
        [this.code, this.p1, this.p2] = [1, spec.meanMs, 0];
        break;
      case 'lognormal': {
        const s2 = detLog(1 + spec.cv * spec.cv);
        [this.code, this.p1, this.p2] = [2, detLog(spec.meanMs) - s2 / 2, Math.sqrt(s2)];
        break;
      }
      case 'gamma': {
        const k = 1 / (spec.cv * spec.cv);
        [this.code, this.p1, this.p2] = [3, k, spec.meanMs / k];
        break;
      }
      case 'uniform':
        [this.code, this.p1, this.p2] = [4, spec.minMs, spec.maxMs];
        break;
    }
  }

  /** One think time (ms) from rng. */
  draw(rng: Rng): number {
    switch (this.code) {
      case 0:
        return rng.exp(this.p1);
      case 1:
        return this.p1;
      case 2:
        return detExp(this.p1 + this.p2 * rng.normal());
      case 3:
        return rng.gamma(this.p1) * this.p2;
      default:
        return this.p1 + (this.p2 - this.p1) * rng.next();
    }
  }
}

/** The users of a closed workload: per user, the time its request went out and the think time drawn before it. */
export class ClosedWorkload {
  /** When each user's current (or next) request is sent, ms. */
  readonly submitMs: Float64Array;
  /** Total think time drawn so far, ms (for Z in the response-time law). */
  thinkMsTotal = 0;
  /** Think times drawn so far. */
  thinks = 0;

  constructor(
    readonly users: number,
    private readonly think: ThinkTime,
    private readonly rng: Rng,
  ) {
    this.submitMs = new Float64Array(users);
  }

  /** Every user thinks from time 0: the time (ms) user u sends its first request. Call once per user, in order. */
  start(u: number): number {
    this.submitMs[u] = this.drawThink();
    return this.submitMs[u];
  }

  /** User u's request ended at nowMs: returns when it sends the next (after a think time); the response time is nowMs − submitMs[u] before the call. */
  onResponse(u: number, nowMs: number): number {
    this.submitMs[u] = nowMs + this.drawThink();
    return this.submitMs[u];
  }

  private drawThink(): number {
    const z = this.think.draw(this.rng);
    this.thinkMsTotal += z;
    this.thinks++;
    return z;
  }
}

/** The interactive response-time law: R = N/X − Z (ms), for N users, throughput X (per ms) and mean think time Z (ms). */
export function interactiveResponseMs(users: number, throughputPerMs: number, thinkMs: number): number {
  return users / throughputPerMs - thinkMs;
}

/**
 * Exact mean-value analysis of a closed network of single-server FCFS
 * stations with exponential service (or processor-sharing) and a delay
 * (think) station: for n = 1..N, R_k(n) = D_k (1 + Q_k(n − 1)),
 * X(n) = n / (Z + Σ R_k(n)), Q_k(n) = X(n) R_k(n). `demandsMs[k]` is the
 * service demand D_k (visits × mean service time). Returns the response time
 * (ms), throughput (per ms) and queue lengths at N users.
 */
export function mvaClosed(users: number, demandsMs: readonly number[], thinkMs: number): { responseMs: number; throughputPerMs: number; queue: number[] } {
  const q = demandsMs.map(() => 0);
  let r = 0;
  let x = 0;
  for (let n = 1; n <= users; n++) {
    const rk = demandsMs.map((d, k) => d * (1 + q[k]));
    r = rk.reduce((a, b) => a + b, 0);
    x = n / (thinkMs + r);
    for (let k = 0; k < q.length; k++) q[k] = x * rk[k];
  }
  return { responseMs: r, throughputPerMs: x, queue: q };
}

/** Whether a document's workload is closed (users and think time) rather than open (a rate). */
export function isClosedWorkload(doc: { workload: { model?: 'open' | 'closed' } }): boolean {
  return doc.workload.model === 'closed';
}

/**
 * The document at `users` users: the same document object when `users` is
 * undefined or already the document's (so open documents are never copied),
 * else a copy with `workload.users` replaced. A closed sweep point runs this.
 */
export function withClosedUsers<T extends { workload: { model?: 'open' | 'closed'; users?: number } }>(doc: T, users: number | undefined): T {
  if (users === undefined || users === doc.workload.users) return doc;
  return { ...doc, workload: { ...doc.workload, users } };
}
