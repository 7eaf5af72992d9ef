/** The autoscale fields in documents: defaults filled on parse, errors naming the field, untouched documents stay as they were. */
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../templates';
import { parseTopology, serializeTopology } from '../parse';

const base = {
  format: 'loadsketch',
  version: 2,
  nodes: [{ id: 'api', kind: 'service', concurrency: 4, replicas: 2 }],
  workload: { entry: 'api' },
};
const withNode = (extra: object) => ({ ...base, nodes: [{ ...base.nodes[0], ...extra }] });

describe('autoscale in the document', () => {
  it('fills the policy defaults and leaves the key out when not given', () => {
    const r = parseTopology(withNode({ autoscale: { policy: 'kpa', maxReplicas: 10 } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes[0].autoscale).toMatchObject({ policy: 'kpa', metric: 'concurrency', target: 4, minReplicas: 0, targetUtilization: 0.7 });
    expect(r.doc.nodes[0].coldStart).toBeUndefined();
    const plain = parseTopology(base);
    expect(plain.ok && 'autoscale' in plain.doc.nodes[0]).toBe(false);
    expect(plain.ok && 'autoscale' in plain.doc.monolith).toBe(false);
  });

  it('a template reads and writes exactly as before (no new keys)', () => {
    const doc = loadTemplate('netflix');
    const again = parseTopology(JSON.parse(serializeTopology(doc)));
    expect(again.ok && serializeTopology(again.doc)).toBe(serializeTopology(doc));
    expect(serializeTopology(doc)).not.toContain('autoscale');
  });

  it('errors name the field', () => {
    const paths = (x: object) => {
      const r = parseTopology(x);
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    expect(paths(withNode({ autoscale: { policy: 'hpa', maxReplicas: 4, minReplicas: 5 } }))).toContain('nodes[0].autoscale.minReplicas');
    expect(paths(withNode({ autoscale: { policy: 'hpa', maxReplicas: 4, metric: 'rps' } }))).toContain('nodes[0].autoscale.target');
    expect(paths(withNode({ autoscale: { policy: 'kpa', maxReplicas: 4, metric: 'utilization', target: 0.5 } }))).toContain('nodes[0].autoscale.metric');
    expect(paths(withNode({ autoscale: { policy: 'hpa' } }))).toContain('nodes[0].autoscale.maxReplicas');
    expect(paths(withNode({ coldStart: { dist: 'uniform', minSec: 9, maxSec: 3 } }))).toContain('nodes[0].coldStart.maxSec');
    expect(paths({ ...base, monolith: { autoscale: { policy: 'hpa', maxReplicas: 2, minReplicas: 0 } } })).toContain('monolith.autoscale.minReplicas');
  });
});
