/**
 * Writes the shipped synthetic trace set from the documented generator
 * (workers/interop/traces/generate.ts) and its truth (demoModel.ts):
 * 300 traces as OTLP JSON (seed 1) and 300 as Jaeger JSON (seed 2).
 * Run: node --import tsx scripts/makeTraceFixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEMO_TRUTH } from '../workers/interop/traces/demoModel';
import { generateTraces, toJaegerJson, toOtlpJson } from '../workers/interop/traces/generate';

const dir = new URL('../workers/interop/fixtures/traces/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('shop.otlp.json', dir), JSON.stringify(toOtlpJson(generateTraces(DEMO_TRUTH, 300, 1))));
writeFileSync(new URL('shop.jaeger.json', dir), JSON.stringify(toJaegerJson(generateTraces(DEMO_TRUTH, 300, 2))));
