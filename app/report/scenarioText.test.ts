/**
 * The report words and colours a scenario as the studio does: its copies in workers/report (the report cannot
 * import app/) must equal the studio's kind names, effect lines, fault colours (light theme) and blast-radius
 * card, or this test fails.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../workers/engine/resilience/scenarioSchema';
import type { RunResult } from '../../workers/engine/results';
import { runPoint } from '../../workers/engine/run';
import { recoveryCell, recoverySentences, recoveryText as reportRecoveryText } from '../../workers/report/blastRadius';
import { describeEffect as reportEffect, eventName as reportName, FAULT_COLOR, KIND_LABEL as REPORT_KIND } from '../../workers/report/scenarioText';
import { shortRankerGpuLoss } from '../../workers/report/testing';
import { ResilienceCard, recoveryText } from '../results/ResilienceCard';
import { FAULT_COLOUR } from '../scenario/faultColours';
import { describeEffect, eventName, KIND_LABEL } from '../scenario/scenarioDoc';

const EVENTS: ScenarioEvent[] = [
  { kind: 'crash', atSec: 1, durationSec: 2, target: 'a', replicas: 1 },
  { kind: 'crash', atSec: 1, durationSec: 2, target: 'a', fraction: 0.25, label: '  ' },
  { kind: 'latency', atSec: 1, durationSec: 2, target: 'a', factor: 4, addMs: 50, label: 'slow' },
  { kind: 'latency', atSec: 1, durationSec: 2, target: 'a', addMs: 12.5 },
  { kind: 'capacity', atSec: 1, durationSec: 2, target: 'a', percent: 30 },
  { kind: 'errors', atSec: 1, durationSec: 2, target: 'a', fraction: 0.1 },
  { kind: 'partition', atSec: 1, durationSec: 2, target: 'e', mode: 'hang' },
  { kind: 'partition', atSec: 1, durationSec: 2, target: 'e', mode: 'fail' },
  { kind: 'outage', atSec: 1, durationSec: 2, target: 'a' },
  { kind: 'cacheFlush', atSec: 1, durationSec: 0, target: 'c', warmSec: 10 },
];

describe('the report’s scenario wording equals the studio’s', () => {
  it('kind names, effect lines, event names and light-theme colours', () => {
    expect(REPORT_KIND).toEqual(KIND_LABEL);
    expect(FAULT_COLOR).toEqual(FAULT_COLOUR.light);
    for (const e of EVENTS) {
      expect(reportEffect(e)).toBe(describeEffect(e));
      expect(reportName(e)).toBe(eventName(e));
    }
  });

  describe('the blast radius: the card’s sentence and its time-to-recover cells', () => {
    let point: RunResult;
    const doc = shortRankerGpuLoss();
    const events = doc.scenario!.events;
    beforeAll(() => {
      point = runPoint(doc, { ratePerSec: 420 });
    });
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
    const cases = (): [string, RunResult, readonly ScenarioEvent[]][] => {
      const stuck = (p: RunResult): RunResult => ({ ...p, monolith: { ...p.monolith, recovered: false, recoverySec: null } });
      const both = (p: RunResult): RunResult => ({ ...stuck(p), microservices: { ...p.microservices, recovered: false, recoverySec: null } });
      const late = events.map((e) => ({ ...e, atSec: 29, durationSec: 10 }));
      return [
        ['recovered', point, events],
        ['monolith metastable', stuck(point), events],
        ['both metastable', both(point), events],
        ['too soon to tell', stuck(point), late],
        ['both too soon to tell', both(point), late],
      ];
    };

    it.each([0, 1, 2, 3, 4])('case %i', (i) => {
      const [, p, ev] = cases()[i];
      const html = renderToStaticMarkup(createElement(ResilienceCard, { point: p, events: ev }));
      const sentence = text(html.match(/<p[^>]*data-testid="resilience-sentence"[^>]*>([\s\S]*?)<\/p>/)![1]);
      const r = recoverySentences(p, ev);
      expect(sentence).toBe([r.summary, r.tooShort, r.metastable].filter(Boolean).join(' '));
      for (const d of ['microservices', 'monolith'] as const) {
        expect(text(html.match(new RegExp(`data-testid="recovery-${d}"[^>]*>([^<]*)<`))![1])).toBe(recoveryCell(p[d]));
        expect(reportRecoveryText(p[d])).toBe(recoveryText(p[d]));
      }
    });
  });
});
