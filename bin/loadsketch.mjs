#!/usr/bin/env node
// The loadsketch command. Runs the CLI bundle (build/cli/main.mjs, built by `npm install` / `npm ci`
// through "prepare", or `npm run build:cli`), so start-up compiles no TypeScript. When the bundle is
// missing or older than a source file under workers/ (a fresh checkout, an edit), it is rebuilt first;
// where esbuild is not installed, the TypeScript runs through tsx as before.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'build/cli/main.mjs');

function newestSourceMs(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSourceMs(p));
    else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  try {
    return built >= newestSourceMs(join(root, 'workers'));
  } catch {
    return true; // an installed package without its sources: the bundle is all there is
  }
}

/** Rebuilds the bundle under a lock directory, so several commands started at once (a test run) build it once. */
async function rebuild() {
  const lock = join(root, 'build/.cli-lock');
  mkdirSync(join(root, 'build'), { recursive: true });
  let locked = false;
  for (let i = 0; i < 400 && !locked; i++) {
    try {
      mkdirSync(lock);
      locked = true;
    } catch {
      if (bundleIsFresh()) return; // another process built it
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    if (!bundleIsFresh()) await (await import('../scripts/buildCli.mjs')).buildCli();
  } finally {
    if (locked) rmSync(lock, { recursive: true, force: true });
  }
}

async function loadMain() {
  if (process.env.LOADSKETCH_CLI_TSX !== '1') {
    if (bundleIsFresh()) return (await import(pathToFileURL(bundle).href)).main;
    try {
      await rebuild();
      return (await import(`${pathToFileURL(bundle).href}?${Date.now()}`)).main;
    } catch {
      // no esbuild here (or no write access): fall through to tsx
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../workers/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
