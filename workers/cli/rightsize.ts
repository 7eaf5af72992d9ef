/** `loadsketch rightsize FILE --rate R [--duration S] [--seed N] [--replications N] [--json]`: the cheapest configuration of each design meeting the SLO. */
import type { RightSizedDesign, RightSizeResult } from '../engine/rightsize';
import { rightSize } from '../engine/rightsize';
import { parseArgs } from './args';
import { type Command, EXIT, UsageError } from './io';
import { toJsonText } from './json';
import { loadDocument } from './readDocument';
import { withOptionErrors } from './run';

const USAGE = 'usage: loadsketch rightsize FILE --rate R [--duration S] [--seed N] [--replications N] [--json]';

const money = (v: number) => `$${v.toFixed(2)}/h`;

function designLines(name: string, d: RightSizedDesign, slo: RightSizeResult['slo']): string[] {
  const lines = [`${name}: ${d.found ? money(d.costPerHour) : 'no configuration found within the limits'}`];
  if (d.unitReplicas !== undefined) lines.push(`  ${d.unitReplicas} replica${d.unitReplicas === 1 ? '' : 's'} of ${d.hardware ?? 'the unit (no machine type)'}`);
  const reps = Object.entries(d.replicas);
  if (reps.length) lines.push(`  ${reps.map(([id, r]) => `${id} ×${r}`).join(', ')}`);
  const sim = d.simulatedMs === null ? 'not simulated' : `simulated ${slo.percentile} ${d.simulatedMs.toFixed(1)} ms (${d.confirmed ? 'meets' : 'MISSES'} the SLO)`;
  lines.push(`  ${sim}, ${d.simulations} simulation${d.simulations === 1 ? '' : 's'}`);
  return lines;
}

/** The text report of a right-size result. */
export function formatRightSize(name: string, r: RightSizeResult): string {
  const head = `${name}: cheapest configuration meeting ${r.slo.percentile} ≤ ${r.slo.thresholdMs} ms at ${r.ratePerSec} req/s`;
  return `${[head, ...designLines('microservices', r.microservices, r.slo), ...designLines('monolith', r.monolith, r.slo)].join('\n')}\n`;
}

export const rightsize: Command = async (args, io) => {
  const a = parseArgs(args, { rate: 'number', duration: 'number', seed: 'number', replications: 'number', json: 'boolean' });
  if (a.positional.length !== 1) throw new UsageError(USAGE);
  if (a.numbers.rate === undefined) throw new UsageError(`--rate is required\n${USAGE}`);
  const doc = await loadDocument(a.positional[0], io);
  if (typeof doc === 'number') return doc;
  const n = a.numbers;
  const rate = n.rate;
  const result = withOptionErrors(() => {
    if (!(rate > 0)) throw new RangeError(`--rate must be greater than 0 (got ${rate})`);
    return rightSize(doc, rate, { durationSec: n.duration, seed: n.seed, replications: n.replications });
  });
  io.out(a.booleans.has('json') ? toJsonText(result) : formatRightSize(doc.name, result));
  return EXIT.ok;
};
