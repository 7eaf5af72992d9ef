/** Machine types: lookup and shadowing, prices, and the validation of machines and model memory (each error names its field). */
import { describe, expect, it } from 'vitest';
import { BUILTIN_HARDWARE, findHardware, KIND_HARDWARE, replicaPricePerHour, withResolvedPrices } from './hardware';
import { parseTopology } from './parse';
import { NODE_KINDS } from './schema';

const doc = (nodes: unknown[], extra: Record<string, unknown> = {}) => ({
  format: 'loadsketch',
  version: 2,
  nodes,
  workload: { entry: (nodes[0] as { id: string }).id },
  ...extra,
});

function errorsOf(raw: unknown) {
  const r = parseTopology(raw);
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.errors.map((e) => [e.path, e.message]);
}

describe('machine types', () => {
  it('resolve from the document first, then the built-in catalogue', () => {
    const d = parseTopology(doc([{ id: 'm', kind: 'model-server', hardware: 'g5.xlarge' }], { hardware: [{ id: 'g5.xlarge', gpus: 1, gpuMemoryGb: 24, costPerHour: 0.5 }] }));
    if (!d.ok) throw new Error('invalid');
    expect(findHardware(d.doc, 'g5.xlarge')!.costPerHour).toBe(0.5);
    expect(findHardware(d.doc, 'p4d.24xlarge')!.gpus).toBe(8);
    expect(findHardware(d.doc, null)).toBeNull();
  });

  it('price a replica at costPerReplicaHour where given, else at its machine’s price', () => {
    const d = parseTopology(doc([
      { id: 'a', kind: 'service', hardware: 'm7i.xlarge' },
      { id: 'b', kind: 'service', hardware: 'm7i.xlarge', costPerReplicaHour: 0.3 },
      { id: 'c', kind: 'service' },
    ]));
    if (!d.ok) throw new Error('invalid');
    const [a, b, c] = d.doc.nodes;
    expect(a.costPerReplicaHour).toBeNull();
    expect(replicaPricePerHour(d.doc, a)).toBe(0.2016);
    expect(replicaPricePerHour(d.doc, b)).toBe(0.3);
    expect(replicaPricePerHour(d.doc, c)).toBe(0.2); // no machine: the kind's default price
    expect(withResolvedPrices(d.doc).nodes.map((n) => n.costPerReplicaHour)).toEqual([0.2016, 0.3, 0.2]);
  });

  it('every kind’s default machine is in the catalogue, and model servers default to a GPU', () => {
    for (const k of NODE_KINDS) {
      const id = KIND_HARDWARE[k];
      if (id !== null) expect(BUILTIN_HARDWARE.some((h) => h.id === id)).toBe(true);
    }
    expect(BUILTIN_HARDWARE.find((h) => h.id === KIND_HARDWARE['model-server'])!.gpus).toBeGreaterThan(0);
  });

  it('have unique ids and sane numbers', () => {
    expect(new Set(BUILTIN_HARDWARE.map((h) => h.id)).size).toBe(BUILTIN_HARDWARE.length);
    for (const h of BUILTIN_HARDWARE) {
      expect(h.costPerHour).toBeGreaterThan(0);
      expect(h.gpus === 0).toBe(h.gpuMemoryGb === 0);
    }
  });
});

describe('validation of machines', () => {
  it('names an unknown machine type', () => {
    expect(errorsOf(doc([{ id: 's', kind: 'service', hardware: 'x9.huge' }]))).toEqual([
      ['nodes[0].hardware', 'Node "s": machine type "x9.huge" is neither one of the document\'s hardware nor a built-in type (e.g. c7i.large, c7i.xlarge, c7i.4xlarge; see docs/hardware.md)'],
    ]);
    expect(errorsOf(doc([{ id: 's', kind: 'service' }], { monolith: { hardware: 'nope' } }))[0][0]).toBe('monolith.hardware');
  });

  it('allows modelMemoryGb only on model servers', () => {
    expect(errorsOf(doc([{ id: 's', kind: 'service', modelMemoryGb: 4 }]))).toEqual([['nodes[0].modelMemoryGb', 'Node "s": modelMemoryGb applies only to model-server nodes']]);
  });

  it('refuses a model that does not fit its machine’s GPU memory, and says what fits', () => {
    const [[path, message]] = errorsOf(doc([{ id: 'llm', kind: 'model-server', hardware: 'g6.xlarge', modelMemoryGb: 40 }]));
    expect(path).toBe('nodes[0].modelMemoryGb');
    expect(message).toBe(
      'Node "llm": the model needs 40 GB of GPU memory but "g6.xlarge" has 24 GB (1 × 24 GB); it fits on a2-highgpu-1g (1× 40 GB GPU, $3.6733/h), g6.12xlarge (4× 24 GB GPU, $4.6016/h), g5.12xlarge (4× 24 GB GPU, $5.672/h)',
    );
  });

  it('refuses a GPU-less machine for a model server that declares its GPU memory', () => {
    const [[path, message]] = errorsOf(doc([{ id: 'llm', kind: 'model-server', hardware: 'c7i.large', modelMemoryGb: 16 }]));
    expect(path).toBe('nodes[0].hardware');
    expect(message).toMatch(/^Node "llm": machine type "c7i.large" has no GPU, but the model needs 16 GB of GPU memory \(modelMemoryGb\); pick a GPU type; it fits on g2-standard-4/);
  });

  it('says when no machine holds the model', () => {
    const [[, message]] = errorsOf(doc([{ id: 'llm', kind: 'model-server', hardware: 'p5.48xlarge', modelMemoryGb: 1000 }]));
    expect(message).toMatch(/no known machine type holds it$/);
  });

  it('accepts a model that fits across its machine’s GPUs', () => {
    expect(parseTopology(doc([{ id: 'llm', kind: 'model-server', hardware: 'p4d.24xlarge', modelMemoryGb: 140 }])).ok).toBe(true);
  });
});
