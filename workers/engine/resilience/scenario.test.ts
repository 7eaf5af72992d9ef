import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioEventSchema, ScenarioSchema, type ScenarioEvent, lastEventEndSec } from './scenarioSchema';
import { scenarioForMonolith } from './scenarioMonolith';
import {
  PARTITION_HANG,
  cacheHitScale,
  compileScenario,
  errorFractionAt,
  outageAt,
  partitionAt,
  replicasDownAt,
  faultedConcurrency,
  faultedServiceMs,
  nodeFaulted,
  segmentAt,
} from './scenarioTimeline';
import { validateScenario } from './scenarioValidate';

const ev = (raw: unknown): ScenarioEvent => ScenarioEventSchema.parse(raw);
const model = { nodeIds: ['gw', 'ranker', 'cache', 'db'], edgeIds: ['gw-ranker', 'ranker-cache', 'cache-db'], replicas: [2, 8, 1, 3] };
const targets = {
  nodeIds: model.nodeIds,
  edgeIds: model.edgeIds,
  cacheIds: ['cache'],
  replicasById: new Map([
    ['gw', 2],
    ['ranker', 8],
    ['cache', 1],
    ['db', 3],
  ]),
  runDurationSec: 120,
};

describe('scenario schema', () => {
  it('parses every kind and fills the partition mode', () => {
    const s = ScenarioSchema.parse({
      events: [
        { atSec: 10, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 2 },
        { atSec: 10, durationSec: 5, kind: 'latency', target: 'db', factor: 3 },
        { atSec: 10, durationSec: 5, kind: 'capacity', target: 'gw', percent: 50 },
        { atSec: 10, durationSec: 5, kind: 'errors', target: 'gw', fraction: 0.1 },
        { atSec: 10, durationSec: 5, kind: 'partition', target: 'cache-db' },
        { atSec: 10, durationSec: 5, kind: 'outage', target: 'db' },
        { atSec: 10, durationSec: 0, kind: 'cacheFlush', target: 'cache', warmSec: 30 },
      ],
    });
    expect(s.events).toHaveLength(7);
    expect(s.events[4]).toMatchObject({ mode: 'fail' });
    expect(ScenarioSchema.parse({}).events).toEqual([]);
  });

  it('refuses bad fields, naming them', () => {
    const r = ScenarioEventSchema.safeParse({ atSec: 1, durationSec: 1, kind: 'crash', target: 'x', replicas: 1, fraction: 0.5 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['replicas']);
    const l = ScenarioEventSchema.safeParse({ atSec: 1, durationSec: 1, kind: 'latency', target: 'x' });
    expect(l.error?.issues[0].message).toBe('give factor, addMs or both');
    const e = ScenarioEventSchema.safeParse({ atSec: 1, durationSec: 1, kind: 'errors', target: 'x', fraction: 1.5 });
    expect(e.error?.issues[0].path).toEqual(['fraction']);
    expect(ScenarioEventSchema.safeParse({ atSec: -1, durationSec: 1, kind: 'outage', target: 'x' }).success).toBe(false);
    expect(ScenarioEventSchema.safeParse({ atSec: 1, durationSec: 1, kind: 'outage', target: 'x', extra: 1 }).success).toBe(false);
  });

  it('the last event ends at the end of its duration, plus the warm-up of a flush', () => {
    expect(lastEventEndSec([])).toBeNull();
    expect(
      lastEventEndSec([
        ev({ atSec: 10, durationSec: 5, kind: 'outage', target: 'db' }),
        ev({ atSec: 12, durationSec: 1, kind: 'cacheFlush', target: 'cache', warmSec: 20 }),
      ]),
    ).toBe(33);
  });
});

describe('validateScenario', () => {
  it('accepts a sound scenario', () => {
    const events = [
      ev({ atSec: 10, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 4 }),
      ev({ atSec: 12, durationSec: 5, kind: 'crash', target: 'ranker', fraction: 0.5 }),
      ev({ atSec: 10, durationSec: 5, kind: 'partition', target: 'cache-db', mode: 'hang' }),
      ev({ atSec: 14, durationSec: 5, kind: 'partition', target: 'cache-db', mode: 'hang' }),
    ];
    expect(validateScenario(events, targets)).toEqual([]);
  });

  it('names the field of each problem', () => {
    const errors = validateScenario(
      [
        ev({ atSec: 1, durationSec: 1, kind: 'partition', target: 'ranker' }),
        ev({ atSec: 1, durationSec: 1, kind: 'outage', target: 'gw-ranker' }),
        ev({ atSec: 1, durationSec: 0, kind: 'cacheFlush', target: 'db', warmSec: 3 }),
        ev({ atSec: 1, durationSec: 0, kind: 'latency', target: 'db', factor: 2 }),
        ev({ atSec: 200, durationSec: 1, kind: 'outage', target: 'db' }),
        ev({ atSec: 1, durationSec: 1, kind: 'crash', target: 'gw', replicas: 3 }),
      ],
      targets,
    );
    expect(errors.map((e) => e.path)).toEqual([
      'scenario.events[0].target',
      'scenario.events[1].target',
      'scenario.events[2].target',
      'scenario.events[3].durationSec',
      'scenario.events[4].atSec',
      'scenario.events[5].replicas',
    ]);
    expect(errors[5].message).toBe("must be at most the node's 2 replicas");
  });

  it('finds overlapping partitions of one edge with different modes, not disjoint ones', () => {
    const a = ev({ atSec: 10, durationSec: 5, kind: 'partition', target: 'cache-db', mode: 'fail' });
    const b = ev({ atSec: 14, durationSec: 5, kind: 'partition', target: 'cache-db', mode: 'hang' });
    const c = ev({ atSec: 15, durationSec: 5, kind: 'partition', target: 'cache-db', mode: 'hang' });
    expect(validateScenario([a, b], targets).map((e) => e.path)).toEqual(['scenario.events[1].mode']);
    expect(validateScenario([a, c], targets)).toEqual([]);
  });

  it('sums overlapping crashes at the busiest instant only', () => {
    // 5 + 4 overlap during [12, 15): 9 > 8. 5 and 4 that only touch end-to-start never add up.
    const a = ev({ atSec: 10, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 5 });
    const b = ev({ atSec: 12, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 4 });
    const c = ev({ atSec: 15, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 4 });
    expect(validateScenario([a, b], targets).map((e) => e.path)).toEqual(['scenario.events[1].replicas']);
    expect(validateScenario([a, c], targets)).toEqual([]);
    // b and e both overlap a long crash d but not each other: peak 3 + 4 = 7 ≤ 8; with c (overlapping b) 11 > 8.
    const d = ev({ atSec: 0, durationSec: 60, kind: 'crash', target: 'ranker', replicas: 3 });
    const e = ev({ atSec: 17, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 4 });
    expect(validateScenario([d, b, e], targets)).toEqual([]);
    expect(validateScenario([d, b, c], targets)[0].message).toContain('takes 11 replicas down');
  });
});

describe('compileScenario', () => {
  const events = [
    ev({ atSec: 10, durationSec: 10, kind: 'latency', target: 'db', factor: 2 }),
    ev({ atSec: 15, durationSec: 10, kind: 'latency', target: 'db', factor: 3, addMs: 5 }),
    ev({ atSec: 10, durationSec: 10, kind: 'capacity', target: 'gw', percent: 50 }),
    ev({ atSec: 12, durationSec: 10, kind: 'capacity', target: 'gw', percent: 50 }),
    ev({ atSec: 10, durationSec: 10, kind: 'errors', target: 'gw', fraction: 0.5 }),
    ev({ atSec: 12, durationSec: 10, kind: 'errors', target: 'gw', fraction: 0.2 }),
    ev({ atSec: 10, durationSec: 10, kind: 'crash', target: 'ranker', fraction: 0.3 }),
    ev({ atSec: 30, durationSec: 5, kind: 'outage', target: 'db' }),
    ev({ atSec: 30, durationSec: 5, kind: 'partition', target: 'gw-ranker', mode: 'hang' }),
    ev({ atSec: 40, durationSec: 2, kind: 'cacheFlush', target: 'cache', warmSec: 10 }),
  ];
  const cs = compileScenario(events, model);
  const at = (sec: number) => segmentAt(cs, sec * 1000);

  it('cuts the run at every start and end', () => {
    expect([...cs.timesMs]).toEqual([0, 10_000, 12_000, 15_000, 20_000, 22_000, 25_000, 30_000, 35_000, 40_000, 52_000]);
    expect(at(0)).toBe(0);
    expect(at(9.999)).toBe(0);
    expect(at(10)).toBe(1);
    expect(at(1e6)).toBe(10);
  });

  it('combines overlapping events as independent causes', () => {
    expect(faultedServiceMs(cs, at(11), 3, 10)).toBe(20);
    expect(faultedServiceMs(cs, at(16), 3, 10)).toBe(65); // 10 × 2 × 3 + 5
    expect(faultedServiceMs(cs, at(21), 3, 10)).toBe(35);
    expect(faultedServiceMs(cs, at(26), 3, 10)).toBe(10);
    expect(faultedConcurrency(cs, at(13), 0, 100)).toBe(25);
    expect(faultedConcurrency(cs, at(13), 0, 8)).toBe(2);
    expect(faultedConcurrency(cs, at(13), 0, 2)).toBe(1); // at least one server
    expect(errorFractionAt(cs, at(13), 0)).toBeCloseTo(1 - 0.5 * 0.8, 15);
    expect(replicasDownAt(cs, at(11), 1)).toBe(3); // ⌈0.3 × 8⌉
    expect(replicasDownAt(cs, at(31), 3)).toBe(3); // outage: all of db's replicas
    expect(outageAt(cs, at(31), 3)).toBe(true);
    expect(outageAt(cs, at(11), 3)).toBe(false);
    expect(partitionAt(cs, at(31), 0)).toBe(PARTITION_HANG);
    expect(partitionAt(cs, at(36), 0)).toBe(0);
    expect(partitionAt(cs, at(31), 2)).toBe(0);
    // Only targeted nodes and edges get a column; the edges ranker-cache and cache-db are not targeted.
    expect([...cs.nodeColumn]).toEqual([1, 2, 3, 0]); // in order of first event: db, gw, ranker, cache
    expect([...cs.edgeColumn]).toEqual([0, -1, -1]);
  });

  it('a flushed cache is empty, then warms linearly', () => {
    const s = at(41);
    expect(cacheHitScale(cs, s, 2, 41_000)).toBe(0);
    expect(cacheHitScale(cs, s, 2, 42_000)).toBe(0);
    expect(cacheHitScale(cs, s, 2, 47_000)).toBeCloseTo(0.5, 15);
    expect(cacheHitScale(cs, at(53), 2, 53_000)).toBe(1);
    expect(cacheHitScale(cs, 0, 2, 1000)).toBe(1);
  });

  it('a later flush restarts the warm-up', () => {
    const c2 = compileScenario(
      [
        ev({ atSec: 0, durationSec: 0, kind: 'cacheFlush', target: 'cache', warmSec: 10 }),
        ev({ atSec: 5, durationSec: 0, kind: 'cacheFlush', target: 'cache', warmSec: 10 }),
      ],
      model,
    );
    expect(cacheHitScale(c2, segmentAt(c2, 4000), 2, 4000)).toBeCloseTo(0.4, 15);
    expect(cacheHitScale(c2, segmentAt(c2, 6000), 2, 6000)).toBeCloseTo(0.1, 15);
  });

  it('no events: one segment that changes nothing', () => {
    const c0 = compileScenario([], model);
    expect([...c0.timesMs]).toEqual([0]);
    expect([c0.nodeColumns, c0.edgeColumns, c0.latencyFactor.length]).toEqual([0, 0, 0]);
    for (let i = 0; i < 4; i++) {
      expect(nodeFaulted(c0, 0, i)).toBe(false);
      expect(faultedServiceMs(c0, 0, i, 7)).toBe(7);
      expect(faultedConcurrency(c0, 0, i, 7)).toBe(7);
      expect(cacheHitScale(c0, 0, i, 1)).toBe(1);
    }
    expect(nodeFaulted(cs, at(11), 1)).toBe(true);
  });

  it('property: a segment holds exactly the events active at its start', () => {
    const arbEvent = fc.record({
      atSec: fc.integer({ min: 0, max: 50 }),
      durationSec: fc.integer({ min: 1, max: 30 }),
      fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 12 }), fc.integer({ min: 0, max: 100 }), (raw, tSec) => {
        const evs = raw.map((r) => ev({ ...r, kind: 'errors', target: 'db' }));
        const c = compileScenario(evs, model);
        const seg = segmentAt(c, tSec * 1000);
        let ok = 1;
        for (const e of evs) if (e.atSec <= tSec && tSec < e.atSec + e.durationSec && e.kind === 'errors') ok *= 1 - e.fraction;
        expect(errorFractionAt(c, seg, 3)).toBeCloseTo(1 - ok, 12);
        for (let k = 1; k < c.timesMs.length; k++) expect(c.timesMs[k]).toBeGreaterThan(c.timesMs[k - 1]);
      }),
    );
  });
});

describe('scenarioForMonolith', () => {
  const m = {
    merged: new Set(['gw', 'ranker']),
    replicasById: new Map([
      ['gw', 2],
      ['ranker', 8],
    ]),
    edgesById: new Map([
      ['gw-ranker', { source: 'gw', target: 'ranker' }],
      ['ranker-cache', { source: 'ranker', target: 'cache' }],
    ]),
    monolithId: 'monolith',
  };

  it('maps each fault the way it lands in production', () => {
    const events = [
      ev({ atSec: 1, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 2 }),
      ev({ atSec: 1, durationSec: 5, kind: 'outage', target: 'gw' }),
      ev({ atSec: 1, durationSec: 5, kind: 'capacity', target: 'ranker', percent: 30 }),
      ev({ atSec: 1, durationSec: 5, kind: 'latency', target: 'ranker', factor: 4 }),
      ev({ atSec: 1, durationSec: 5, kind: 'errors', target: 'ranker', fraction: 0.1 }),
      ev({ atSec: 1, durationSec: 5, kind: 'partition', target: 'gw-ranker' }),
      ev({ atSec: 1, durationSec: 5, kind: 'partition', target: 'ranker-cache', mode: 'hang' }),
      ev({ atSec: 1, durationSec: 0, kind: 'cacheFlush', target: 'cache', warmSec: 9 }),
      ev({ atSec: 1, durationSec: 5, kind: 'outage', target: 'db' }),
    ];
    const r = scenarioForMonolith(events, m);
    expect(r.events).toEqual([
      { atSec: 1, durationSec: 5, kind: 'crash', target: 'monolith', fraction: 0.25 },
      { atSec: 1, durationSec: 5, kind: 'outage', target: 'monolith' },
      { atSec: 1, durationSec: 5, kind: 'capacity', target: 'monolith', percent: 30 },
      events[3],
      events[4],
      events[6],
      events[7],
      events[8],
    ]);
    expect(r.notes).toHaveLength(4);
    expect(r.notes[3]).toContain('in-process');
    // The rewritten events are valid events again.
    for (const e of r.events) expect(ScenarioEventSchema.safeParse(e).success).toBe(true);
  });

  it('a crash by fraction keeps its rounded-up share', () => {
    const r = scenarioForMonolith([ev({ atSec: 1, durationSec: 5, kind: 'crash', target: 'gw', fraction: 0.3 })], m);
    expect(r.events[0]).toMatchObject({ target: 'monolith', fraction: 0.5 }); // ⌈0.3 × 2⌉ = 1 of 2
  });
});
