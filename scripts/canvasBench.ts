/**
 * Canvas benchmark (prints numbers; not a test). Builds the studio, serves it
 * with `vite preview`, opens a generated 300-node document in Chromium
 * through a share link, and prints the time to first render and frame-time
 * statistics while panning, zooming and dragging a node.
 *
 *   npm run bench:canvas [-- --nodes 300 --no-build]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { largeDocument } from '../app/canvas/largeDocument';
import { encodeShareLink } from '../app/persist/shareLink';

const args = process.argv.slice(2);
const nodeCount = Number(args[args.indexOf('--nodes') + 1]) || 300;
const PORT = Number(process.env.LOADSKETCH_CANVAS_BENCH_PORT ?? 4287);
const BASE = `http://localhost:${PORT}/`;
const executablePath = process.env.LOADSKETCH_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// The same flags as playwright.config.ts.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function waitForServer(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

type Stats = { frames: number; meanMs: number; p50Ms: number; p95Ms: number; maxMs: number; over50: number; cpu?: Cpu };
/** Renderer main-thread time (ms) spent during an action, from the Chrome DevTools Protocol. */
type Cpu = { task: number; script: number; layout: number; style: number };
function stats(deltas: number[]): Stats {
  const s = [...deltas].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { frames: s.length, meanMs: mean, p50Ms: q(0.5), p95Ms: q(0.95), maxMs: s[s.length - 1] ?? Number.NaN, over50: s.filter((d) => d > 50).length };
}

/** Records requestAnimationFrame deltas while `action` runs. */
const sessions = new WeakMap<Page, CDPSession>();
async function cpuNow(page: Page): Promise<Cpu> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    sessions.set(page, cdp);
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? 0) * 1000;
  return { task: m('TaskDuration'), script: m('ScriptDuration'), layout: m('LayoutDuration'), style: m('RecalcStyleDuration') };
}

async function frameTimes(page: Page, action: () => Promise<void>): Promise<Stats> {
  const cpu0 = await cpuNow(page);
  // A string, not a function: tsx would inject helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  const deltas = (await page.evaluate('window.__recording = false, window.__frames.slice(1)')) as number[];
  const cpu1 = await cpuNow(page);
  const cpu = { task: cpu1.task - cpu0.task, script: cpu1.script - cpu0.script, layout: cpu1.layout - cpu0.layout, style: cpu1.style - cpu0.style };
  return { ...stats(deltas), cpu };
}

async function pan(page: Page, dx: number, dy: number, steps: number) {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  const x = box.x + box.width * 0.5;
  const y = box.y + box.height * 0.1;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  for (let i = steps - 1; i >= 0; i--) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  await page.mouse.up();
}

async function measureDoc(page: Page, label: string, url: string) {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { state: 'visible', timeout: 60_000 });
  const firstNodeMs = Date.now() - t0;
  await page.waitForFunction(
    `[...document.querySelectorAll('.react-flow__node')].every((n) => n.style.visibility !== 'hidden')`,
  );
  const allMeasuredMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const rendered = await page.locator('.react-flow__node').count();
  const rows: [string, Stats][] = [];
  rows.push(['pan, fit view', await frameTimes(page, () => pan(page, 400, 200, 60))]);
  await page.mouse.move(700, 400);
  rows.push([
    'wheel zoom in/out',
    await frameTimes(page, async () => {
      for (let i = 0; i < 15; i++) await page.mouse.wheel(0, -120);
      for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 120);
    }),
  ]);
  // Zoom to 100% around the entry, where a user edits.
  await page.getByTestId('fit-view').click();
  const zoomIn = page.locator('.react-flow__controls-zoomin');
  for (let i = 0; i < 4; i++) await zoomIn.click();
  await page.waitForTimeout(300);
  rows.push(['pan, zoomed in', await frameTimes(page, () => pan(page, 500, 250, 60))]);
  const node = page.locator('.react-flow__node').first();
  const box = await node.boundingBox();
  if (box) {
    rows.push([
      'drag a node',
      await frameTimes(page, async () => {
        await page.mouse.move(box.x + 20, box.y + 10);
        await page.mouse.down();
        for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + 20 + i * 4, box.y + 10 + i * 2);
        await page.mouse.up();
      }),
    ]);
  }
  console.log(`\n${label}: first node visible ${firstNodeMs} ms, all rendered nodes measured ${allMeasuredMs} ms, ${rendered} node elements in the DOM`);
  console.log('  action              frames  mean ms  p50 ms  p95 ms  max ms  >50ms | main thread per frame: task  script  layout  style (ms)');
  for (const [name, s] of rows) {
    const f = (v: number) => v.toFixed(1).padStart(7);
    console.log(`  ${name.padEnd(18)} ${String(s.frames).padStart(7)} ${f(s.meanMs)} ${f(s.p50Ms)} ${f(s.p95Ms)} ${f(s.maxMs)} ${String(s.over50).padStart(6)} | ${perFrame(s)}`);
  }
  return rows;
}

function perFrame(s: Stats): string {
  if (!s.cpu || !s.frames) return '';
  const f = (v: number) => (v / s.frames).toFixed(1).padStart(6);
  return `${f(s.cpu.task)} ${f(s.cpu.script)} ${f(s.cpu.layout)} ${f(s.cpu.style)}`;
}

async function main() {
  if (!args.includes('--no-build')) {
    const b = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  let exited = false;
  server.on('exit', () => {
    exited = true;
  });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    if (exited) throw new Error(`vite preview could not start on port ${PORT} (in use? set LOADSKETCH_CANVAS_BENCH_PORT)`);
    await waitForServer(BASE, 30_000);
    const browser = await chromium.launch({ executablePath, args: FLAGS });
    const doc = largeDocument(nodeCount);
    const { url } = encodeShareLink(doc, BASE);
    console.log(`Generated document: ${doc.nodes.length} nodes, ${doc.edges.length} edges (link ${url.length} chars)`);
    // A fresh context each time: empty IndexedDB, a real page load.
    const runs = [
      ['Default template', BASE],
      [`${nodeCount}-node document`, url],
    ];
    for (const [label, target] of args.includes('--large-only') ? runs.slice(1) : runs) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await measureDoc(await context.newPage(), label, target);
      await context.close();
    }
    await browser.close();
  } finally {
    if (server.pid && !exited) process.kill(-server.pid);
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
