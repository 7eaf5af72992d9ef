import { describe, expect, it } from 'vitest';
import { JOB_DEADLINE_SEC, jobDeadlineSec } from '../../workers/workerLimits';
import type { EngineHandle } from './workerPool';
import { WorkerPool } from './workerPool';

/** A handle whose replication job finishes when `finish()` is called and reports `share` as its heartbeat progress. */
function handle(): EngineHandle & { share: number | null; finish(): void } {
  let done: (() => void) | null = null;
  const h = {
    share: null as number | null,
    engine: {
      simulateReplication: () => new Promise((r) => (done = () => r('rep' as never))),
      combineReplications: () => new Promise<never>(() => {}),
    },
    terminate: () => {},
    onFailure: () => {},
    progress: () => h.share,
    finish: () => done?.(),
  };
  return h as EngineHandle & { share: number | null; finish(): void };
}

describe('progress inside long replications', () => {
  it('the pool sums the running jobs’ heartbeat progress, and forgets a worker once its job is done', async () => {
    const made: ReturnType<typeof handle>[] = [];
    const pool = new WorkerPool(() => {
      const h = handle();
      made.push(h);
      return h;
    }, 2);
    expect(pool.runningProgress()).toBe(0);
    const jobs = [0, 1].map((r) => pool.run((e) => e.simulateReplication({} as never, {}, r)));
    made[0].share = 0.25;
    made[1].share = 0.5;
    expect(pool.runningProgress()).toBe(0.75);
    made[0].finish();
    await jobs[0];
    expect(pool.runningProgress()).toBe(0.5); // an idle worker's last value does not count
    made[1].share = 1.2; // never more than the whole job
    expect(pool.runningProgress()).toBe(1);
    pool.cancel();
    await expect(jobs[1]).rejects.toThrow('Cancelled');
  });

  it('a job’s deadline is 2 min, or 1 min per simulated hour when longer: a 24 h day gets 24 min', () => {
    expect(jobDeadlineSec(60)).toBe(JOB_DEADLINE_SEC);
    expect(jobDeadlineSec(7200)).toBe(120);
    expect(jobDeadlineSec(86_400)).toBe(24 * 60);
  });
});
