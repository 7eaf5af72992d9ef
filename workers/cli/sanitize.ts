/**
 * Terminal safety: the CLI prints user text (a document's name, node ids,
 * labels, file names, values quoted in errors). Raw control characters in it
 * could clear the screen, write the clipboard (OSC 52), forge hyperlinks
 * (OSC 8) or reorder the line (bidi overrides). Every character of that kind
 * is printed as a visible `\u001b`-style escape instead; newline and tab stay.
 * In JSON output the escape is the same character (JSON reads `\u001b` back).
 */
import type { CliIO } from './io';

/** C0 controls but \t and \n, DEL, C1 controls (U+0080–U+009F, e.g. U+009B CSI), and the bidi embedding/override/isolate controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character (see CONTROL) replaced by its `\uXXXX` escape. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same output channels, each escaping control characters before writing. */
export function safeIO(io: CliIO): CliIO {
  return { out: (t) => io.out(escapeControls(t)), err: (t) => io.err(escapeControls(t)) };
}
