/**
 * The studio's blast-radius card says what the report says: its sentence is the shared builder's
 * (workers/report/blastRadius.ts, with the overloaded / too-soon / metastable endings) and its time-to-recover
 * cells are the report's, on a real run of ranker-gpu-loss and on variants of it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../workers/engine/resilience/scenarioSchema';
import type { RunResult } from '../../workers/engine/results';
import { runPoint } from '../../workers/engine/run';
import { recoveryCell, recoverySentences } from '../../workers/report/blastRadius';
import { shortRankerGpuLoss } from '../../workers/report/testing';
import { ResilienceCard } from '../results/ResilienceCard';

describe('the studio’s blast-radius card and the report say the same', () => {
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
      const html = renderToStaticMarkup(createElement(ResilienceCard, { point: p, events: ev, warmupSec: doc.run.warmupSec }));
      const sentence = text(html.match(/<p[^>]*data-testid="resilience-sentence"[^>]*>([\s\S]*?)<\/p>/)![1]);
      const r = recoverySentences(p, ev, doc.run.warmupSec);
      expect(sentence).toBe([r.summary, r.overloaded, r.tooShort, r.metastable].filter(Boolean).join(' '));
      for (const d of ['microservices', 'monolith'] as const) {
        expect(text(html.match(new RegExp(`data-testid="recovery-${d}"[^>]*>([^<]*)<`))![1])).toBe(recoveryCell(p[d]));
      }
    });
  });
});
