/**
 * A node's cold start (provisioning, image pull, model load), seconds: the
 * service-time distributions in `Sec`. Empty in the document = the engine's
 * default for the kind, shown with its source.
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

export function ColdStartField({ path, kind, value, apply }: { path: string; kind: string; value: ColdStart | null; apply: (c: ColdStart | null) => Edit }) {
  const store = useAppStoreApi();
  const d = defaultColdStart(kind);
  const source =
    kind === 'model-server'
      ? 'a GPU node scale-up plus model load takes over 2 min (KServe users)'
      : 'Knative cold starts measure from about 2 s to 15 s';
  return (
    <>
      <DistributionField label="Cold start distribution" path={path} value={value ?? d} suffix="Sec" testIdPrefix="coldStart-" apply={(c) => apply(c)} />
      <p className="ls-hint" data-testid="coldStart-hint">
        {value === null ? `Default for this kind: ${coldStartText(d)}; ${source}.` : `Default for this kind: ${coldStartText(d)}.`}{' '}
        A new replica takes traffic once ready; one being removed finishes what it holds.
      </p>
      {value !== null && (
        <button type="button" className="ls-button ls-small" onClick={() => store.getState().edit(apply(null))} data-testid="coldStart-reset">
          Use the default cold start
        </button>
      )}
    </>
  );
}
