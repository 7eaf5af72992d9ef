/**
 * A run at one offered load: both designs (microservices and the derived
 * monolith) on the same arrival stream and seeds, one replication at a time
 * (so a pool of workers can split them), combined with confidence intervals
 * and the analytic prediction.
 */
import { analyze } from './analytic';
import { ARRIVAL_BURSTY, ARRIVAL_CONSTANT, ARRIVAL_POISSON, RateCurve } from './arrivals';
import { type CompiledModel, compileModel } from './compile';
import { LIMITS } from './limits';
import { cutShortOf } from './cutShort';
import { withResolvedPrices } from './hardware';
import { deriveMonolithDeployment, type MonolithDeployment } from './monolith';
import type { DesignRaw, ReplicationResult } from './raw';
import type { DesignResult, RunOptions, RunResult } from './results';
import { replicationSeed } from './rng';
import type { Topology } from './schema';
import type { SimBudget, SimSpec } from './simulate';
import { simulateDesignRaw as simulate } from './resilience/patternSim';
import { monolithElasticSpec } from './autoscale/monolithScale';
import { designResult } from './stats';
import { monolithFaults } from './resilience/compileFaults';
import { isClosedWorkload, withClosedUsers } from './resilience/closedWorkload';
import { analyzeClosed } from './analytic/closed';

/** Most time-series windows a run keeps (windowSec is raised to respect it). */
export const MAX_WINDOWS = 1000;
/** Most requests one replication may be offered (rate × duration): keeps a run within tens of seconds. */
export const MAX_REQUESTS_PER_REPLICATION = 50_000_000;
// Not toLocaleString: the message is built on every call, and the first Intl call costs ~40 ms in a browser.
const MAX_REQUESTS_TEXT = String(MAX_REQUESTS_PER_REPLICATION).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Run options with every default filled in (seconds and req/s, as in RunOptions). */
export interface ResolvedRun {
  ratePerSec: number;
  durationSec: number;
  warmupSec: number;
  seed: number;
  replications: number;
  profile: { atSec: number; ratePerSec: number }[] | null;
  windowSec: number;
  /** Work budget of one replication of one design (events + arrival steps). */
  maxEventsPerReplication: number;
  /** Closed workloads: the users at this point (`opts.users`, else `workload.users`); null for an open workload. */
  users: number | null;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/**
 * Fills options from the document: rate, duration, seed and replications
 * from doc.run / doc.workload. The profile is `opts.profile` if given, else
 * none when `opts.ratePerSec` is given (a sweep point is a steady load),
 * else the document's. The warm-up defaults to the document's, or to a tenth
 * of the duration when that is not shorter than the duration. Throws a
 * RangeError naming the option when a value is out of range.
 */
export function resolveRun(doc: Topology, opts: RunOptions = {}): ResolvedRun {
  const ratePerSec = opts.ratePerSec ?? doc.workload.ratePerSec;
  const durationSec = opts.durationSec ?? doc.run.durationSec;
  check(Number.isFinite(ratePerSec) && ratePerSec > 0 && ratePerSec <= LIMITS.maxRatePerSec, `ratePerSec must be greater than 0 and at most ${LIMITS.maxRatePerSec} (got ${ratePerSec})`);
  check(Number.isFinite(durationSec) && durationSec > 0 && durationSec <= LIMITS.maxDurationSec, `durationSec must be greater than 0 and at most ${LIMITS.maxDurationSec} (got ${durationSec})`);
  const docWarm = doc.run.warmupSec < durationSec ? doc.run.warmupSec : durationSec / 10;
  const warmupSec = opts.warmupSec ?? docWarm;
  check(Number.isFinite(warmupSec) && warmupSec >= 0 && warmupSec < durationSec, `warmupSec must be at least 0 and shorter than durationSec (got ${warmupSec})`);
  const seed = opts.seed ?? doc.run.seed;
  check(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff, `seed must be a whole number from 0 to 4294967295 (got ${seed})`);
  const replications = opts.replications ?? doc.run.replications;
  check(Number.isInteger(replications) && replications >= 1 && replications <= LIMITS.maxReplications, `replications must be a whole number from 1 to ${LIMITS.maxReplications} (got ${replications})`);
  const profile = opts.profile !== undefined ? opts.profile : opts.ratePerSec !== undefined ? null : doc.workload.profile;
  profile?.forEach((p, i) => {
    check(Number.isFinite(p.atSec) && p.atSec >= 0 && (i === 0 || p.atSec >= profile[i - 1].atSec), `profile[${i}].atSec must be at least 0 and in time order`);
    check(Number.isFinite(p.ratePerSec) && p.ratePerSec >= 0 && p.ratePerSec <= LIMITS.maxRatePerSec, `profile[${i}].ratePerSec must be from 0 to ${LIMITS.maxRatePerSec}`);
  });
  const offered = new RateCurve(ratePerSec, profile ?? null).cumulative(durationSec * 1000);
  check(
    offered <= MAX_REQUESTS_PER_REPLICATION,
    `rate × duration offers ${offered.toPrecision(3)} requests; at most ${MAX_REQUESTS_TEXT} per replication (lower the rate or the duration)`,
  );
  const windowSec = Math.max(opts.windowSec ?? durationSec / 60, durationSec / MAX_WINDOWS);
  check(Number.isFinite(windowSec) && windowSec > 0, `windowSec must be greater than 0 (got ${opts.windowSec})`);
  const maxEventsPerReplication = opts.maxEventsPerReplication ?? LIMITS.maxEventsPerReplication;
  check(
    Number.isInteger(maxEventsPerReplication) && maxEventsPerReplication >= 1 && maxEventsPerReplication <= LIMITS.maxEventsPerReplication,
    `maxEventsPerReplication must be a whole number from 1 to ${LIMITS.maxEventsPerReplication} (got ${maxEventsPerReplication})`,
  );
  const closed = isClosedWorkload(doc);
  check(opts.users === undefined || closed, 'users apply to a closed workload only (workload.model: "closed")');
  const users = closed ? (opts.users ?? doc.workload.users ?? 1) : null;
  check(users === null || (Number.isInteger(users) && users >= 1 && users <= LIMITS.maxClosedUsers), `users must be a whole number from 1 to ${LIMITS.maxClosedUsers} (got ${users})`);
  if (doc.workload.arrival === 'bursty') {
    const b = doc.workload.burst;
    const quietMs = (b.meanBurstMs * (1 - b.burstFraction)) / b.burstFraction;
    const floor = LIMITS.minBurstStateMs;
    check(b.meanBurstMs >= floor, `workload.burst.meanBurstMs must be at least ${floor} ms (got ${b.meanBurstMs})`);
    check(quietMs >= floor, `workload.burst: the mean quiet period meanBurstMs × (1 − burstFraction) / burstFraction is ${quietMs.toPrecision(3)} ms; it must be at least ${floor} ms`);
  }
  return { ratePerSec, durationSec, warmupSec, seed, replications, profile: profile ? profile.map((p) => ({ ...p })) : null, windowSec, maxEventsPerReplication, users };
}

/** The simulator's spec for one replication of a resolved run (times in ms); the trace recorder uses it too. */
export function simSpec(doc: Topology, run: ResolvedRun, repSeed: number, budget?: SimBudget): SimSpec {
  const kind = doc.workload.arrival;
  return {
    arrival: kind === 'constant' ? ARRIVAL_CONSTANT : kind === 'bursty' ? ARRIVAL_BURSTY : ARRIVAL_POISSON,
    // A closed workload's users send the requests (resilience/patternSim.ts): no open arrivals.
    ratePerSec: doc.workload.model === 'closed' ? 0 : run.ratePerSec,
    profile: doc.workload.model === 'closed' ? null : run.profile,
    burst: doc.workload.burst,
    warmupMs: run.warmupSec * 1000,
    durationMs: run.durationSec * 1000,
    windowMs: run.windowSec * 1000,
    seed: repSeed,
    budget: { maxEvents: run.maxEventsPerReplication, expired: budget?.expired, progress: budget?.progress },
  };
}

/** The compiled microservice and monolith models of one topology. */
interface Designs {
  micro: CompiledModel;
  mono: CompiledModel;
  monoDoc: Topology;
  deployment: MonolithDeployment;
}

/** Both designs compiled, every replica priced from its machine where no price is given (see hardware.ts). */
function compileBoth(doc: Topology): Designs {
  const { doc: monoDoc, deployment } = deriveMonolithDeployment(doc);
  const mono = compileModel(withResolvedPrices(monoDoc), monolithElasticSpec(doc, deployment));
  const micro = compileModel(withResolvedPrices(doc));
  if (micro.scenario !== null) mono.scenario = monolithFaults(mono, monoDoc, micro.scenario);
  return { micro, mono, monoDoc, deployment };
}

/**
 * Simulates replication `replication` (0-based) of both designs. Its seed
 * depends only on (run seed, replication), so replications can run on any
 * worker in any order and combine to identical bytes.
 */
export function simulateReplication(doc: Topology, opts: RunOptions, replication: number, budget?: SimBudget): ReplicationResult {
  const run = resolveRun(doc, opts);
  check(Number.isInteger(replication) && replication >= 0, `replication must be a whole number ≥ 0 (got ${replication})`);
  const { micro, mono } = compileBoth(withClosedUsers(doc, opts.users));
  const seed = replicationSeed(run.seed, replication);
  return {
    replication,
    seed,
    microservices: simulate(micro, simSpec(doc, run, seed, budget)),
    monolith: simulate(mono, simSpec(doc, run, seed, budget)),
  };
}

/** Combines replications (sorted into replication order) into a RunResult with 95% CIs and the analytic prediction. */
export function combineReplications(doc: Topology, opts: RunOptions, reps: readonly ReplicationResult[]): RunResult {
  check(reps.length > 0, 'combineReplications needs at least one replication');
  const run = resolveRun(doc, opts);
  const { micro, mono, monoDoc, deployment } = compileBoth(withClosedUsers(doc, opts.users));
  const sorted = [...reps].sort((a, b) => a.replication - b.replication);
  const endMs = run.durationSec * 1000;
  const pick = (k: 'microservices' | 'monolith'): DesignRaw[] => sorted.map((r) => r[k]);
  const result: RunResult = {
    ratePerSec: run.ratePerSec,
    seed: run.seed,
    replications: sorted.length,
    microservices: designResult(micro, pick('microservices'), endMs),
    monolith: { ...designResult(mono, pick('monolith'), endMs), deployment },
    analytic:
      run.users === null
        ? { microservices: analyze(doc, run.ratePerSec), monolith: analyze(monoDoc, run.ratePerSec) }
        : { microservices: analyzeClosed(doc, run.users), monolith: analyzeClosed(monoDoc, run.users) },
  };
  if (run.users !== null) result.users = run.users;
  const cut = cutShortOf(run, sorted);
  if (cut) result.cutShort = cut;
  return result;
}

/**
 * One design only (the document as given, no monolith, no analytic), every
 * replication on this thread: what the engine's own tests and the benchmark use.
 */
export function simulateDesign(doc: Topology, opts: RunOptions = {}, budget?: SimBudget): DesignResult {
  const run = resolveRun(doc, opts);
  const model = compileModel(withResolvedPrices(withClosedUsers(doc, opts.users)));
  const reps: DesignRaw[] = [];
  for (let r = 0; r < run.replications; r++) reps.push(simulate(model, simSpec(doc, run, replicationSeed(run.seed, r), budget)));
  return designResult(model, reps, run.durationSec * 1000);
}

/**
 * A whole run on one thread: every replication, then combined. With a
 * deadline (`budget.expired`), replications not started by then are left
 * out (at least one runs) and the result says so in `cutShort`.
 */
export function runPoint(doc: Topology, opts: RunOptions = {}, budget?: SimBudget): RunResult {
  const run = resolveRun(doc, opts);
  const reps: ReplicationResult[] = [];
  for (let r = 0; r < run.replications; r++) {
    if (r > 0 && budget?.expired?.()) break;
    reps.push(simulateReplication(doc, opts, r, budget));
  }
  const result = combineReplications(doc, opts, reps);
  if (reps.length < run.replications) result.cutShort = cutShortOf(run, reps, run.replications) ?? undefined;
  return result;
}
