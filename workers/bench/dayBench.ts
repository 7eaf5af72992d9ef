/**
 * `npm run bench:day`: the issue-12 speed statement. The Netflix template
 * through a 24-hour diurnal day at 300 req/s mean (peak ÷ trough 4, the
 * day-profile default), once as drawn (fixed replicas) and once with its
 * service and model-server nodes under an HPA (80% CPU, the documented
 * behavior) and the default cold starts. One replication of each design
 * (microservices and monolith), on this thread, as a worker runs it; prints
 * wall and CPU time of the replication (both designs), events, the share of the 400M-event budget, cost, replica-hours,
 * SLO-violation minutes and cold starts. A benchmark, not a test (see
 * docs/performance.md, *A day of traffic*).
 */
import { dayProfile } from '../engine/autoscale/dayProfiles';
import { LIMITS } from '../engine/limits';
import { T_EVENTS } from '../engine/raw';
import { combineReplications, simulateReplication } from '../engine/run';
import type { Topology } from '../engine/schema';
import { loadTemplate } from '../templates';

const DAY_SEC = 86_400;
const MEAN_RATE = 300;

/** The Netflix template over a day: the diurnal profile, no warm-up, result windows of 15 min. */
function dayOf(doc: Topology, autoscale: boolean): Topology {
  const profile = dayProfile({ kind: 'diurnal', meanRatePerSec: MEAN_RATE });
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      autoscale && n.role === 'service' && (n.kind === 'service' || n.kind === 'model-server')
        ? { ...n, replicas: 2, autoscale: { ...normalizedHpa(n.replicas * 4) } }
        : n,
    ),
    workload: { ...doc.workload, ratePerSec: MEAN_RATE, profile },
    run: { ...doc.run, durationSec: DAY_SEC, warmupSec: 0, replications: 1 },
  };
}

function normalizedHpa(maxReplicas: number) {
  return { policy: 'hpa' as const, metric: 'utilization' as const, target: 0.8, minReplicas: 1, maxReplicas, syncPeriodSec: 15, tolerance: 0.1, scaleUp: { stabilizationWindowSec: 0, selectPolicy: 'Max' as const, policies: [{ type: 'Percent' as const, value: 100, periodSec: 15 }, { type: 'Pods' as const, value: 4, periodSec: 15 }] }, scaleDown: { stabilizationWindowSec: 300, selectPolicy: 'Max' as const, policies: [{ type: 'Percent' as const, value: 100, periodSec: 15 }] }, targetUtilization: 0.7, stableWindowSec: 60, panicWindowPercentage: 10, panicThresholdPercentage: 200, maxScaleUpRate: 1000, maxScaleDownRate: 2, scaleToZeroGracePeriodSec: 30, tickIntervalSec: 2 };
}

const base = loadTemplate('netflix');
console.log(`Netflix template, ${DAY_SEC / 3600} h diurnal day, ${MEAN_RATE} req/s mean (peak ÷ trough 4), 1 replication, this thread`);
console.log('variant      design         wall s   CPU s   events (M)  budget %  cost US$  replica-h  SLO-viol. min  cold starts  p99 ms');
for (const autoscale of [false, true]) {
  const doc = dayOf(base, autoscale);
  const opts = { windowSec: 900 };
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const rep = simulateReplication(doc, opts, 0);
  const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const r = combineReplications(doc, opts, [rep]);
  for (const k of ['microservices', 'monolith'] as const) {
    const d = r[k];
    const events = rep[k].totals[T_EVENTS];
    console.log(
      `${(autoscale ? 'autoscaled' : 'fixed').padEnd(12)} ${k.padEnd(13)} ${(k === 'microservices' ? wallSec.toFixed(1) : '').padStart(7)} ${(k === 'microservices' ? cpuSec.toFixed(1) : '').padStart(7)}  ${(events / 1e6).toFixed(1).padStart(10)}  ${((100 * events) / LIMITS.maxEventsPerReplication).toFixed(1).padStart(8)}  ${d.costTotal.toFixed(2).padStart(8)}  ${d.replicaHours.toFixed(1).padStart(9)}  ${(d.sloViolationSec / 60).toFixed(1).padStart(13)}  ${String(Math.round(d.coldStarts)).padStart(11)}  ${d.endToEnd.p99Ms.toFixed(1).padStart(6)}${r.cutShort ? `  CUT SHORT: ${r.cutShort.message}` : ''}`,
    );
  }
}
