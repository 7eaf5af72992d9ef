/** Distribution picker with the chosen distribution's parameters. */
import type { ServiceTime, Topology } from '../../../workers/engine/schema';
import { updateNode } from '../../store/docOps';
import { meanServiceMs } from '../format';
import { InputField, SelectField } from './fields';

const DISTS: { value: ServiceTime['dist']; label: string }[] = [
  { value: 'exponential', label: 'Exponential (mean)' },
  { value: 'deterministic', label: 'Deterministic (fixed)' },
  { value: 'lognormal', label: 'Lognormal (mean, CV)' },
  { value: 'gamma', label: 'Gamma / Erlang (mean, CV)' },
  { value: 'uniform', label: 'Uniform (min, max)' },
];

/** The same mean (and CV where both have one) under another distribution. */
export function convertServiceTime(st: ServiceTime, dist: ServiceTime['dist']): ServiceTime {
  const meanMs = meanServiceMs(st);
  const cv = 'cv' in st ? st.cv : 1;
  switch (dist) {
    case 'exponential':
    case 'deterministic':
      return { dist, meanMs };
    case 'lognormal':
    case 'gamma':
      return { dist, meanMs, cv };
    case 'uniform':
      return st.dist === 'uniform' ? st : { dist, minMs: 0, maxMs: 2 * meanMs };
  }
}

export function ServiceTimeField({ nodeId, path, st }: { nodeId: string; path: string; st: ServiceTime }) {
  const set =
    (field: string) =>
    (v: string | number | null) =>
    (doc: Topology): Topology =>
      updateNode(doc, nodeId, { serviceTime: { ...st, [field]: v } as ServiceTime });
  const num = (field: 'meanMs' | 'cv' | 'minMs' | 'maxMs', label: string, unit?: string) => (
    <InputField
      key={field}
      type="number"
      label={label}
      unit={unit}
      path={`${path}.${field}`}
      testId={field}
      value={(st as unknown as Record<string, number>)[field]}
      apply={set(field)}
    />
  );
  return (
    <>
      <SelectField
        label="Service time distribution"
        path={`${path}.dist`}
        testId="dist"
        value={st.dist}
        options={DISTS}
        apply={(d) => (doc) => updateNode(doc, nodeId, { serviceTime: convertServiceTime(st, d) })}
      />
      <div className="ls-row">
        {st.dist === 'uniform'
          ? [num('minMs', 'Min', 'ms'), num('maxMs', 'Max', 'ms')]
          : [num('meanMs', 'Mean', 'ms'), ...(st.dist === 'lognormal' || st.dist === 'gamma' ? [num('cv', 'CV')] : [])]}
      </div>
    </>
  );
}
