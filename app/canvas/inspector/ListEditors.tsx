/** Editors for the document's lists: the load profile and the shared server pools. */
import { type ReactNode, useState } from 'react';
import type { Pool, ProfilePoint, Topology } from '../../../workers/engine/schema';
import { uniqueId } from '../../store/docOps';
import { useAppStoreApi } from '../../store/react';
import { InputField, Section } from './fields';

/** Above this many points (a day preset has 97) the rows fold away under a summary line. */
const MAX_OPEN_POINTS = 12;

/** Rows mount only while unfolded: 97 rows of fields each watching the document are not free. */
function Collapsible({ open, count, children }: { open: boolean; count: number; children: ReactNode }) {
  const [unfolded, setUnfolded] = useState(false);
  if (open) return <>{children}</>;
  return (
    <details className="ls-profile-points" data-testid="profile-points" onToggle={(e) => setUnfolded(e.currentTarget.open)}>
      <summary>Edit the {count} points</summary>
      {unfolded && children}
    </details>
  );
}

export function ProfileEditor({ profile }: { profile: ProfilePoint[] | null }) {
  const store = useAppStoreApi();
  const setProfile = (p: ProfilePoint[] | null) => (d: Topology) => ({ ...d, workload: { ...d.workload, profile: p } });
  const points = profile ?? [];
  const setPoint = (i: number, field: keyof ProfilePoint) => (v: string | number | null) =>
    setProfile(points.map((p, j) => (j === i ? { ...p, [field]: v } : p)));
  const add = () => {
    const d = store.getState().doc;
    const last = points[points.length - 1];
    const next = last
      ? { atSec: Math.min(last.atSec + 10, d.run.durationSec), ratePerSec: last.ratePerSec }
      : { atSec: 0, ratePerSec: d.workload.ratePerSec };
    store.getState().edit(setProfile([...points, next]));
  };
  return (
    <div className="ls-list" data-testid="profile-editor">
      <div className="ls-list-title">
        Load profile <span className="ls-hint">{points.length ? 'rate interpolated between points' : 'none: constant rate'}</span>
      </div>
      <Collapsible open={points.length <= MAX_OPEN_POINTS} count={points.length}>
      {points.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: points have no id; the index is their identity
        <div className="ls-row ls-list-row" key={i}>
          <InputField type="number" label="At" unit="s" path={`workload.profile[${i}].atSec`} testId={`profile-${i}-atSec`} value={p.atSec} apply={setPoint(i, 'atSec')} />
          <InputField type="number" label="Rate" unit="req/s" path={`workload.profile[${i}].ratePerSec`} testId={`profile-${i}-ratePerSec`} value={p.ratePerSec} apply={setPoint(i, 'ratePerSec')} />
          <button
            type="button"
            className="ls-icon-button"
            aria-label={`Remove profile point ${i + 1}`}
            onClick={() => store.getState().edit(setProfile(points.length > 1 ? points.filter((_, j) => j !== i) : null))}
          >
            ×
          </button>
        </div>
      ))}
      </Collapsible>
      <button type="button" className="ls-button" onClick={add}>
        Add profile point
      </button>
    </div>
  );
}

export function PoolsEditor({ pools }: { pools: Pool[] }) {
  const store = useAppStoreApi();
  const setPool = (id: string, field: keyof Pool) => (v: string | number | null) => (d: Topology) => ({
    ...d,
    pools: d.pools.map((p) => (p.id === id ? { ...p, [field]: v } : p)),
  });
  const add = () =>
    store.getState().edit((d) => {
      const id = uniqueId('pool', new Set(d.pools.map((p) => p.id)));
      return { ...d, pools: [...d.pools, { id, label: id, servers: 1, costPerHour: 0, replicas: 1, balancer: 'pooled', unit: null, hardware: null }] };
    });
  const remove = (id: string) =>
    store.getState().edit((d) => ({
      ...d,
      pools: d.pools.filter((p) => p.id !== id),
      nodes: d.nodes.map((n) => (n.pool === id ? { ...n, pool: null } : n)),
    }));
  return (
    <Section title="Shared server pools">
      <p className="ls-hint">Nodes in a pool queue for the same servers; their own replicas are ignored.</p>
      {pools.map((p, i) => (
        <div className="ls-list-row" key={p.id}>
          <div className="ls-row">
            <InputField type="text" label="Pool label" path={`pools[${i}].label`} testId={`pool-${i}-label`} value={p.label} apply={setPool(p.id, 'label')} />
            <button type="button" className="ls-icon-button" aria-label={`Remove pool ${p.label}`} onClick={() => remove(p.id)}>
              ×
            </button>
          </div>
          <div className="ls-row">
            <InputField type="number" label="Servers" path={`pools[${i}].servers`} testId={`pool-${i}-servers`} value={p.servers} apply={setPool(p.id, 'servers')} />
            <InputField type="number" label="Cost" unit="$/h" path={`pools[${i}].costPerHour`} testId={`pool-${i}-costPerHour`} value={p.costPerHour} apply={setPool(p.id, 'costPerHour')} />
          </div>
        </div>
      ))}
      <button type="button" className="ls-button" onClick={add}>
        Add pool
      </button>
    </Section>
  );
}
