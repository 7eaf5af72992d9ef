// Builds the CLI into one JavaScript file, build/cli/main.mjs, so `loadsketch` starts without compiling
// TypeScript. Run by `npm install` / `npm ci` ("prepare"), by `npm run build:cli`, and by bin/loadsketch.mjs
// when the bundle is missing or older than a source file.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUTDIR = fileURLToPath(new URL('../build/cli', import.meta.url));

export async function buildCli() {
  rmSync(OUTDIR, { recursive: true, force: true });
  await build({
    entryPoints: [fileURLToPath(new URL('../workers/cli/main.ts', import.meta.url))],
    outdir: OUTDIR,
    outExtension: { '.js': '.mjs' },
    // One chunk per command: `--version` and help load only the dispatcher.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    // Loaded only by `report --pdf`, from node_modules at run time (7 MB we would otherwise parse on every start).
    external: ['playwright-core'],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
