/**
 * Child-process body for the deep-chain test (workers/engine/simulate.depth.test.ts):
 * simulates a chain of `argv[2]` nodes, each calling the next synchronously,
 * and prints the completed count and mean (or the error) as JSON.
 */
import { simulateDesign } from '../engine/run';
import { chainDoc } from '../engine/testing/chain';

const nodes = Number(process.argv[2]);
try {
  const r = simulateDesign(chainDoc(nodes), { durationSec: 2, warmupSec: 0, replications: 1, seed: 1 });
  console.log(JSON.stringify({ completed: r.endToEnd.completed, meanMs: r.endToEnd.meanMs }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e) }));
}
