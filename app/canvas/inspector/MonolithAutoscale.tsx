/**
 * The monolith's autoscaler: it scales as a whole, adding whole units of its
 * machine type, on the unit's aggregated metric; a new unit is ready when its
 * heaviest component is (the cold start shown is that component's).
 */
import { defaultColdStart } from '../../../workers/engine/autoscale/coldStart';
import { monolithColdStart } from '../../../workers/engine/autoscale/monolithScale';
import type { Topology } from '../../../workers/engine/schema';
import { meanServiceMs } from '../format';
import { AutoscaleFields } from './AutoscaleFields';
import { withOptional } from './autoscaleEdits';
import { ColdStartField } from './ColdStartField';

/** The cold start a monolith unit gets by default: the slowest of its merged service components' (their own or their kind's default). */
function heaviestComponent(doc: Topology) {
  const parts = doc.nodes.filter((n) => n.role === 'service');
  return monolithColdStart(
    parts.map((n) => n.coldStart ?? defaultColdStart(n.kind)),
    defaultColdStart('service'),
  );
}

export function MonolithAutoscale({ doc }: { doc: Topology }) {
  const m = doc.monolith;
  const services = doc.nodes.filter((n) => n.role === 'service');
  const meanMs = services.reduce((s, n) => s + meanServiceMs(n.serviceTime), 0) || 1;
  const shape = { concurrency: m.threadsPerReplica ?? 1, meanServiceMs: meanMs, replicas: m.replicas ?? 1 };
  const set = <K extends 'autoscale' | 'coldStart'>(key: K) => (v: Topology['monolith'][K] | null) => (d: Topology): Topology => ({ ...d, monolith: withOptional(d.monolith, key, v) });
  const a = m.autoscale ?? null;
  const heaviest = heaviestComponent(doc);
  return (
    <div className="ls-monolith-autoscale">
      <AutoscaleFields path="monolith.autoscale" value={a} shape={shape} testIdPrefix="monolith-as-" apply={set('autoscale')} />
      {a && <p className="ls-hint">The monolith adds and removes whole replicas of its machine type, on the utilisation of the whole unit.</p>}
      {a && (
        <ColdStartField
          path="monolith.coldStart"
          kind="service"
          value={m.coldStart ?? null}
          apply={set('coldStart')}
          defaultNote="Default: its heaviest component's, since every model in it must load"
          defaultValue={heaviest}
          testIdPrefix="monolith-coldStart-"
        />
      )}
    </div>
  );
}
