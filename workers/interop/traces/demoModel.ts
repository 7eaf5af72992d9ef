/**
 * The truth behind the shipped trace set (workers/interop/fixtures/traces):
 * a shop's recommendation request path. Regenerate the files with
 * `node --import tsx scripts/makeTraceFixtures.ts`.
 */
import type { TruthModel } from './generate';

export const DEMO_TRUTH: TruthModel = {
  entry: 'api-gateway',
  ratePerSec: 40,
  services: [
    {
      name: 'api-gateway',
      selfMeanMs: 2,
      selfCv: 0.3,
      calls: [
        { to: 'auth', stage: 0, probability: 1, count: 1, networkMs: 0.4 },
        { to: 'recommender', stage: 1, probability: 1, count: 1, networkMs: 0.6 },
        { to: 'cart', stage: 1, probability: 0.7, count: 1, networkMs: 0.5 },
        { to: 'click-events-kafka', stage: 0, probability: 1, count: 1, networkMs: 0.2, async: true },
      ],
    },
    { name: 'auth', selfMeanMs: 3, selfCv: 0.3, calls: [] },
    {
      name: 'recommender',
      selfMeanMs: 8,
      selfCv: 0.4,
      calls: [
        { to: 'feature-store', stage: 0, probability: 1, count: 1, networkMs: 0.3 },
        { to: 'candidate-cache', stage: 0, probability: 1, count: 1, networkMs: 0.2 },
        { to: 'ranking-model', stage: 1, probability: 1, count: 1, networkMs: 0.8 },
      ],
    },
    { name: 'feature-store', selfMeanMs: 3, selfCv: 0.4, calls: [] },
    { name: 'candidate-cache', selfMeanMs: 0.8, selfCv: 0.3, calls: [] },
    { name: 'ranking-model', selfMeanMs: 15, selfCv: 0.3, calls: [] },
    { name: 'cart', selfMeanMs: 5, selfCv: 0.3, calls: [{ to: 'cart-db', stage: 0, probability: 1, count: 2, networkMs: 0.5 }] },
    { name: 'cart-db', selfMeanMs: 4, selfCv: 0.3, calls: [] },
    { name: 'click-events-kafka', selfMeanMs: 0.5, selfCv: 0.2, calls: [] },
  ],
};
