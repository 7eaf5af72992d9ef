import { describe, expect, it } from 'vitest';
import type { TopologyNode } from '../../workers/engine/schema';
import { GAUGE_ABOVE_PX, GAUGE_BELOW_PX, MAX_SPREAD, NO_SPREAD, presentSpread } from './presentSpread';

const at = (id: string, x: number, y: number) => ({ id, position: { x, y } }) as TopologyNode;
const size = (w: number, h: number) => ({ width: w, height: h });

describe('presentSpread', () => {
  it('leaves a roomy drawing as it is', () => {
    expect(presentSpread([at('a', 0, 0), at('b', 400, 0), at('c', 0, 400)], {})).toEqual(NO_SPREAD);
  });

  it('stretches a column so the upper box and both gauges fit between the tops', () => {
    // The RAG template's column: 160 px apart, nodes 140 px tall when presenting.
    const nodes = [at('e', 560, -240), at('v', 560, -80), at('r', 560, 80)];
    const measured = { e: size(180, 140), v: size(180, 100), r: size(180, 140) };
    const { sx, sy } = presentSpread(nodes, measured);
    expect(sx).toBe(1);
    expect(sy).toBeCloseTo((140 + GAUGE_BELOW_PX + GAUGE_ABOVE_PX + 10) / 160, 12);
    // After the stretch the boxes plus gauges no longer overlap.
    expect(160 * sy - 140).toBeGreaterThanOrEqual(GAUGE_ABOVE_PX + GAUGE_BELOW_PX);
  });

  it('stretches a row so wide boxes stand side by side', () => {
    const { sx, sy } = presentSpread([at('a', 0, 0), at('b', 150, 10)], { a: size(240, 90), b: size(240, 90) });
    expect(sy).toBe(1);
    expect(sx).toBeCloseTo(250 / 150, 12);
  });

  it('never stretches beyond the cap, even for stacked nodes', () => {
    const s = presentSpread([at('a', 0, 0), at('b', 0, 1)], {});
    expect(s.sy).toBe(MAX_SPREAD);
  });
});
