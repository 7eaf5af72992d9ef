/**
 * The engine's API as the Web Worker exposes it (through comlink) and as the
 * CLI calls it. Every function is pure: plain data in, plain data out.
 */
import { type ParseResult, parseTopology } from './parse';

/** Validates any value as a document (the worker's answer to "is this runnable?"). */
function validate(raw: unknown): ParseResult {
  return parseTopology(raw);
}

export const engineApi = { validate };
/** The API type the app's comlink proxy is typed with. */
export type EngineApi = typeof engineApi;
