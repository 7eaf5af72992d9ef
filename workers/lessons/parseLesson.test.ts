import { describe, expect, it } from 'vitest';
import { LESSONS, loadLesson, parseLesson, parseLessonText } from './index';

const minimal = (step: object = {}) => ({
  format: 'loadsketch-lesson',
  version: 1,
  title: 'T',
  steps: [{ title: 'S', narrative: 'N', document: { template: 'mm1' }, run: { ratePerSec: 50, seed: 3 }, ...step }],
});

describe('parseLesson', () => {
  it('reads every shipped lesson (at least six) with its seed locked into each step', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    for (const { id } of LESSONS) {
      const l = loadLesson(id);
      for (const s of l.steps) expect(s.doc.run.seed).toBe(s.seed);
    }
  });

  it('builds a template step with overrides and locks the seed', () => {
    const r = parseLesson(minimal({ document: { template: 'mm1', overrides: { nodes: { server: { replicas: 3 } }, workload: { ratePerSec: 7 } } } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.lesson.steps[0];
    expect(s.doc.nodes[0].replicas).toBe(3);
    expect(s.doc.workload.ratePerSec).toBe(7);
    expect(s.doc.run.seed).toBe(3);
    expect(s.run).toEqual({ kind: 'single', ratePerSec: 50 });
    expect(s.animate).toEqual({ requests: 60, startSec: null });
  });

  it('names the path of each problem', () => {
    const bad = parseLesson({ ...minimal(), version: 2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].path).toBe('version');
    const cases: [object, string, RegExp][] = [
      [{ run: { ratePerSec: 50 } }, 'steps[0].run.seed', /seed is locked/],
      [{ run: { ratePerSec: 50, sweep: { fromPerSec: 1, toPerSec: 9, points: 3 }, seed: 1 } }, 'steps[0].run', /exactly one/],
      [{ run: { sweep: { fromPerSec: 9, toPerSec: 1, points: 3 }, seed: 1 } }, 'steps[0].run.sweep.toPerSec', /greater than fromPerSec/],
      [{ document: { template: 'nope' } }, 'steps[0].document.template', /no template "nope"/],
      [{ document: { template: 'mm1', overrides: { nodes: { ghost: { replicas: 2 } } } } }, 'steps[0].document.overrides.nodes.ghost', /no node "ghost"/],
      [{ document: { template: 'mm1', overrides: { nodes: { server: { replicas: 0 } } } } }, 'steps[0].document.nodes[0].replicas', /./],
      [{ focus: ['server', 'ghost'] }, 'steps[0].focus[1]', /names no node/],
      [{ animate: { requests: 500 } }, 'steps[0].animate.requests', /./],
      [{ colour: 'red' }, 'steps[0]', /unknown field: colour/],
    ];
    for (const [step, path, message] of cases) {
      const r = parseLesson(minimal(step));
      expect(r.ok, path).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0].path, JSON.stringify(r.errors)).toBe(path);
      expect(r.errors[0].message).toMatch(message);
    }
  });

  it('reads an inline document and reports its errors under the step', () => {
    const doc = { format: 'loadsketch', version: 1, nodes: [{ id: 'a', kind: 'service' }], workload: { entry: 'b' } };
    const r = parseLesson(minimal({ document: doc }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toMatch(/^steps\[0\]\.document\.workload\.entry/);
    const ok = parseLesson(minimal({ document: { ...doc, workload: { entry: 'a' } } }));
    expect(ok.ok).toBe(true);
  });

  it('turns broken JSON and hostile values into errors, never throws', () => {
    expect(parseLessonText('{"format":').ok).toBe(false);
    for (const v of [null, 1, 'x', [], { steps: null }, minimal({ narrative: 'x'.repeat(5000) })]) expect(parseLesson(v).ok).toBe(false);
  });
});
