/**
 * The closed workload of the pattern simulator (`workload.model: "closed"`;
 * closedWorkload.ts), the lowest layer of {@link PatternSimulator}
 * (patternSim.ts), as a mixin over a scenario simulator: the open arrival process is off (run.ts gives it rate 0);
 * each user thinks from time 0, then "a user sends a request" (EV_SUBMIT) is
 * the arrival at the entry; when that request ends — answered, failed,
 * dropped or rejected — the user thinks again and sends the next one.
 * Without a closed workload every method here hands straight on.
 */
import type { CompiledModel } from '../compile';
import { EV_SUBMIT } from '../events';
import { Rng, streamSeed } from '../rng';
import { F_ROOT } from '../simState';
import type { SimSpec } from '../simulate';
import { ClosedWorkload, ThinkTime } from './closedWorkload';
import type { ScenarioSimulatorClass } from './patternBase';

/** The random stream of a closed workload's think times (far from the node, balancer and fault streams). */
export const THINK_STREAM = 5_000_000;

/** `Base` (a scenario simulator: the ScenarioSimulator or the ElasticScenarioSimulator) with a closed workload's users. */
export function withClosedWorkload<B extends ScenarioSimulatorClass>(Base: B) {
  return class ClosedPatternSim extends Base {
    /** The closed workload's users, null for an open workload. */
    readonly users: ClosedWorkload | null;
    /** Per frame: the user whose request it is (root frames of a closed workload), else −1. */
    private fUser = new Int32Array(1024).fill(-1);
    /** The user whose request the next root frame carries, −1 for none. */
    private submitting = -1;

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      const m = args[0] as CompiledModel;
      const spec = args[1] as SimSpec;
      const c = m.patterns?.closed ?? null;
      this.users = c === null ? null : new ClosedWorkload(c.users, new ThinkTime(c.thinkTime), new Rng(streamSeed(spec.seed, THINK_STREAM)));
      if (this.users !== null) for (let u = 0; u < this.users.users; u++) this.think(u, this.users.start(u));
    }

    /** User u sends its next request at tMs (not at all when that is past the end). */
    private think(u: number, tMs: number): void {
      if (tMs <= this.endMs) this.q.push(tMs, EV_SUBMIT, u, 0);
    }

    /** A user of the closed workload sends a request: an arrival at the entry, carrying the user. */
    protected override onSubmit(u: number): void {
      this.submitting = u;
      this.onArrival();
      if (this.submitting >= 0) {
        // Turned away before it got a frame (the live-visit cap): the user thinks again at once.
        this.submitting = -1;
        this.think(u, this.users!.onResponse(u, this.now));
      }
    }

    /** The request of root frame f ended: its user (if any) thinks, then sends the next. */
    private userAnswered(f: number): void {
      const u = this.fUser[f];
      if (u < 0) return;
      this.fUser[f] = -1;
      this.think(u, this.users!.onResponse(u, this.now));
    }

    protected override finishRequest(f: number, flags: number): void {
      if (this.users !== null) this.userAnswered(f);
      super.finishRequest(f, flags);
    }

    protected override drop(f: number, i: number): void {
      if (this.users !== null && this.fFlags[f] & F_ROOT) this.userAnswered(f);
      super.drop(f, i);
    }

    override allocFrame(): number {
      const f = super.allocFrame();
      // Unset while the base constructors run.
      if (this.fUser === undefined) return f;
      if (f >= this.fUser.length) {
        const grown = new Int32Array(Math.max(f + 1, this.fUser.length * 2)).fill(-1);
        grown.set(this.fUser);
        this.fUser = grown;
      }
      this.fUser[f] = this.submitting;
      this.submitting = -1;
      return f;
    }
  };
}
