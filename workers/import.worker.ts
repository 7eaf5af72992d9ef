// The import worker: exposes the pure importers over comlink, nothing else, so
// a large or hostile file is parsed off the page's thread.
import { expose } from 'comlink';
import { readCalibration } from './interop/calibration';
import { detectFormat } from './interop/detect';
import { importText } from './interop/importText';

/** What the studio may ask the import worker. */
export const importApi = { importText, detectFormat, readCalibration };
export type ImportApi = typeof importApi;

expose(importApi);
