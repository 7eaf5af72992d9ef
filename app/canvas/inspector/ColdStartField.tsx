/**
 * A cold start (provisioning, image pull, model load), seconds: the
 * service-time distributions in `Sec`. Absent in the document = the default
 * (a node's: its kind's, with the source; the monolith's: its heaviest
 * component's), shown in the fields until edited.
 */
import { coldStartMeanSec, defaultColdStart } from '../../../workers/engine/autoscale/coldStart';
import type { ColdStart } from '../../../workers/engine/autoscale/schema';
import type { Topology } from '../../../workers/engine/schema';
import { useAppStoreApi } from '../../store/react';
import { DistributionField } from './ServiceTimeField';

type Edit = (doc: Topology) => Topology;

function coldStartText(c: ColdStart): string {
  const mean = `${coldStartMeanSec(c)} s`;
  return c.dist === 'lognormal' || c.dist === 'gamma' ? `${c.dist}, mean ${mean}, CV ${c.cv}` : `${c.dist}, mean ${mean}`;
}

interface Props {
  path: string;
  kind: string;
  value: ColdStart | null;
  apply: (c: ColdStart | null) => Edit;
  /** The default when not the kind's (the monolith: its heaviest component's). */
  defaultValue?: ColdStart;
  defaultNote?: string;
  testIdPrefix?: string;
}

export function ColdStartField({ path, kind, value, apply, defaultValue, defaultNote, testIdPrefix = 'coldStart-' }: Props) {
  const store = useAppStoreApi();
  const d = defaultValue ?? defaultColdStart(kind);
  const source =
    defaultNote ??
    (kind === 'model-server'
      ? 'Default for a model server: a GPU node scale-up plus model load takes over 2 min (KServe users)'
      : 'Default for this kind: Knative cold starts measure from about 2 s to 15 s');
  return (
    <>
      <DistributionField label="Cold start distribution" path={path} value={value ?? d} suffix="Sec" testIdPrefix={testIdPrefix} apply={(c) => apply(c)} />
      <p className="ls-hint" data-testid={`${testIdPrefix}hint`}>
        {value === null ? `${source}: ${coldStartText(d)}.` : `Default: ${coldStartText(d)}.`} A new replica takes traffic once ready; one being removed stops taking
        requests and finishes those it holds.
      </p>
      {value !== null && (
        <button type="button" className="ls-button ls-small" onClick={() => store.getState().edit(apply(null))} data-testid={`${testIdPrefix}reset`}>
          Use the default cold start
        </button>
      )}
    </>
  );
}
