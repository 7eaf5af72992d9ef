/** A batch's cost: affine (alpha) or a measured table "size:ms" per line, interpolated between points. */
import type { BatchCost, Batching, TopologyNode } from '../../../workers/engine/schema';
import { updateNode } from '../../store/docOps';
import { InputField, SelectField } from './fields';

/** "1:234\n8:329.5" → [{size, ms}], or null when a line does not read as size:ms. */
export function parseCostTable(text: string): { size: number; ms: number }[] | null {
  const lines = text.split(/[\n,;]+/).map((l) => l.trim()).filter(Boolean);
  const points = lines.map((l) => {
    const m = /^(\d+)\s*[:=]\s*([0-9.eE+-]+)\s*(ms)?$/.exec(l);
    return m ? { size: Number(m[1]), ms: Number(m[2]) } : null;
  });
  return points.length && points.every((p) => p !== null && Number.isFinite(p.ms)) ? (points as { size: number; ms: number }[]) : null;
}

export const formatCostTable = (cost: BatchCost) => ('table' in cost ? cost.table.map((p) => `${p.size}:${p.ms}`).join('\n') : '');

export function BatchCostField({ node, at, b }: { node: TopologyNode; at: string; b: Batching }) {
  const isTable = 'table' in b.cost;
  const setCost = (cost: BatchCost) => (doc: Parameters<typeof updateNode>[0]) => updateNode(doc, node.id, { batching: { ...b, cost } });
  return (
    <>
      <SelectField
        label="Batch cost"
        path={`${at}.batching.cost`}
        testId="batchCostKind"
        value={isTable ? 'table' : 'alpha'}
        options={[
          { value: 'alpha', label: 'Affine: service time × (1 + α(b − 1))' },
          { value: 'table', label: 'Measured table (batch size : ms)' },
        ]}
        apply={(v) => setCost(v === 'table' ? { table: [{ size: 1, ms: node.serviceTime.dist === 'uniform' ? node.serviceTime.maxMs : node.serviceTime.meanMs }] } : { alpha: 0.1 })}
      />
      {'alpha' in b.cost ? (
        <InputField type="number" label="α" path={`${at}.batching.cost.alpha`} testId="batchAlpha" value={b.cost.alpha} apply={(v) => setCost({ alpha: Number(v) })} />
      ) : (
        <InputField
          type="textarea"
          label="Batch latency table"
          hint="One point per line, size:ms (e.g. 1:234, 8:329.5, as perf_analyzer measures); interpolated between points."
          path={`${at}.batching.cost.table`}
          testId="batchTable"
          value={formatCostTable(b.cost)}
          apply={(v) => (doc) => {
            const table = parseCostTable(String(v ?? ''));
            return table ? setCost({ table })(doc) : doc;
          }}
        />
      )}
    </>
  );
}
