/** Test helper: runs the CLI in process and captures what it prints. */
import type { CliIO } from './io';
import { main } from './main';

/** Runs `loadsketch ARGV…` through main(argv, io); returns the exit code, stdout and stderr text. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}
