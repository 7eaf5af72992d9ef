/** Renders report HTML to PDF in Chromium through Playwright (the CLI's `--pdf`). */
import { existsSync } from 'node:fs';

/** Chromium flags for a headless, offline, sandbox-free render. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A failure to make the PDF, with a message for the user. */
export class PdfError extends Error {}

/** The Chromium executable: $LOADSKETCH_CHROMIUM, else /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOADSKETCH_CHROMIUM || '/usr/bin/chromium';
}

/** Prints `html` to an A4 PDF at `outFile` (the report's own print stylesheet paginates it). */
export async function renderPdf(html: string, outFile: string, executablePath = chromiumPath()): Promise<void> {
  if (!existsSync(executablePath)) {
    throw new PdfError(
      `no Chromium at ${executablePath}: install Chromium (Debian: apt-get install chromium) or set LOADSKETCH_CHROMIUM to its path`,
    );
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfError('playwright-core is not installed (npm install in the project, or npm install playwright-core)');
  }
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new PdfError(`Chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    const page = await browser.newPage();
    // The report loads nothing from the network; block any request anyway.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: outFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
