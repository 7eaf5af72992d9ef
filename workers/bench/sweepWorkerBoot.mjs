// Worker-thread entry: Node 20 does not apply `--import tsx` to a worker's own .ts entry, so register tsx here first.
import { register } from 'tsx/esm/api';

register();
await import('./sweepWorker.ts');
