#!/usr/bin/env node
// The loadsketch command: a thin launcher that lets Node run the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../workers/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
