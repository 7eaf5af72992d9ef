/**
 * Distribution picker with the chosen distribution's parameters: the service
 * time (ms) and the cold start (s) share it; only the unit suffix of the field
 * names differs (`meanMs` / `meanSec`).
 */
import type { ServiceTime, Topology } from '../../../workers/engine/schema';
import { updateNode } from '../../store/docOps';
import { InputField, SelectField } from './fields';

type DistName = ServiceTime['dist'];
type Suffix = 'Ms' | 'Sec';
/** A distribution record in either unit: `{dist, meanMs, cv}` or `{dist, meanSec, cv}`, `{dist: 'uniform', minMs, maxMs}` … */
type AnyDist = { dist: DistName } & Record<string, number | string>;

const DIST_LABEL: Record<DistName, string> = {
  exponential: 'Exponential (mean)',
  deterministic: 'Deterministic (fixed)',
  lognormal: 'Lognormal (mean, CV)',
  gamma: 'Gamma / Erlang (mean, CV)',
  uniform: 'Uniform (min, max)',
};
const DISTS = (Object.keys(DIST_LABEL) as DistName[]).map((value) => ({ value, label: DIST_LABEL[value] }));

/** The mean of a distribution record in its own unit. */
export function distMean(d: AnyDist, s: Suffix): number {
  return d.dist === 'uniform' ? ((d[`min${s}`] as number) + (d[`max${s}`] as number)) / 2 : (d[`mean${s}`] as number);
}

/** The same mean (and CV where both have one) under another distribution. */
export function convertDist(d: AnyDist, dist: DistName, s: Suffix): AnyDist {
  const mean = distMean(d, s);
  const cv = typeof d.cv === 'number' ? d.cv : 1;
  switch (dist) {
    case 'exponential':
    case 'deterministic':
      return { dist, [`mean${s}`]: mean };
    case 'lognormal':
    case 'gamma':
      return { dist, [`mean${s}`]: mean, cv };
    case 'uniform':
      return d.dist === 'uniform' ? d : { dist, [`min${s}`]: 0, [`max${s}`]: 2 * mean };
  }
}

/** The same mean (and CV where both have one) under another distribution. */
export const convertServiceTime = (st: ServiceTime, dist: DistName): ServiceTime => convertDist(st as unknown as AnyDist, dist, 'Ms') as unknown as ServiceTime;

interface DistributionFieldProps<D> {
  label: string;
  /** JSON path of the record, e.g. `nodes[2].serviceTime`. */
  path: string;
  value: D;
  suffix: Suffix;
  /** Prefix of the fields' test ids ('' for the service time: `field-meanMs`). */
  testIdPrefix?: string;
  apply: (d: D) => (doc: Topology) => Topology;
}

export function DistributionField<D extends { dist: DistName }>({ label, path, value, suffix, testIdPrefix = '', apply }: DistributionFieldProps<D>) {
  const v = value as unknown as AnyDist;
  const unit = suffix === 'Ms' ? 'ms' : 's';
  const num = (param: 'mean' | 'cv' | 'min' | 'max', text: string) => {
    const field = param === 'cv' ? 'cv' : `${param}${suffix}`;
    return (
      <InputField
        key={field}
        type="number"
        label={text}
        unit={param === 'cv' ? undefined : unit}
        path={`${path}.${field}`}
        testId={`${testIdPrefix}${field}`}
        value={v[field] as number}
        apply={(x) => apply({ ...v, [field]: x } as unknown as D)}
      />
    );
  };
  return (
    <>
      <SelectField
        label={label}
        path={`${path}.dist`}
        testId={`${testIdPrefix}dist`}
        value={v.dist}
        options={DISTS}
        apply={(d) => apply(convertDist(v, d, suffix) as unknown as D)}
      />
      <div className="ls-row">
        {v.dist === 'uniform'
          ? [num('min', 'Min'), num('max', 'Max')]
          : [num('mean', 'Mean'), ...(v.dist === 'lognormal' || v.dist === 'gamma' ? [num('cv', 'CV')] : [])]}
      </div>
    </>
  );
}

export function ServiceTimeField({ nodeId, path, st }: { nodeId: string; path: string; st: ServiceTime }) {
  return (
    <DistributionField
      label="Service time distribution"
      path={path}
      value={st}
      suffix="Ms"
      apply={(serviceTime) => (doc) => updateNode(doc, nodeId, { serviceTime })}
    />
  );
}
