/** Page object of the run panel and results area: what a user sets, runs and reads, by data-testid. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface RunSettings {
  durationSec?: number;
  warmupSec?: number;
  seed?: number;
  replications?: number;
}

/** One row of the latency table: the rate and every exact value by column key. */
export type TableRow = Record<string, number | null>;

export class ResultsPanel {
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly error: Locator;
  readonly bottleneck: Locator;

  constructor(readonly page: Page) {
    this.runButton = page.getByTestId('run-button');
    this.cancelButton = page.getByTestId('cancel-run');
    this.status = page.getByTestId('run-status');
    this.progress = page.getByTestId('progress');
    this.error = page.getByTestId('run-error');
    this.bottleneck = page.getByTestId('bottleneck');
  }

  /** Sets the document's run settings from the panel (warm-up first, so a short duration stays valid). */
  async setRun(s: RunSettings) {
    const order: (keyof RunSettings)[] = ['warmupSec', 'durationSec', 'seed', 'replications'];
    for (const k of order) {
      if (s[k] === undefined) continue;
      const f = this.page.getByTestId(`field-panel-run-${k}`);
      await f.fill(String(s[k]));
      await f.press('Enter');
      await expect(f).toHaveValue(String(s[k]));
    }
  }

  async sweep(steps: number) {
    await this.page.getByTestId('mode-sweep').check();
    await this.page.getByTestId('sweep-auto').check();
    await this.page.getByTestId('run-form-steps').fill(String(steps));
  }

  /** Starts a run and waits until the studio shows it (running, or already finished when it was quick). */
  async run() {
    const before = (await this.status.count()) ? await this.status.getAttribute('data-run-id') : null;
    await this.runButton.click();
    await expect(this.status).not.toHaveAttribute('data-run-id', before ?? '');
    await expect(this.status).toHaveAttribute('data-status', /running|done/);
  }

  async waitDone(timeout = 120_000) {
    await expect(this.status).toHaveAttribute('data-status', 'done', { timeout });
  }

  async tab(id: 'curves' | 'capacity' | 'nodes' | 'distribution' | 'timeseries' | 'monolith') {
    await this.page.getByTestId(`tab-${id}`).click();
  }

  async pointsDone(): Promise<number> {
    return Number(await this.progress.getAttribute('data-points-done'));
  }

  /** Reads a chart's table view: one object per row, exact values from data-value. */
  async table(chart: 'chart-latency' | 'chart-throughput'): Promise<TableRow[]> {
    const frame = this.page.getByTestId(chart);
    const toggle = frame.getByTestId(`${chart}-table-toggle`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const rows = frame.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const row: Record<string, number | null> = {};
        for (const td of Array.from(tr.querySelectorAll('td[data-key]'))) {
          const v = td.getAttribute('data-value');
          row[td.getAttribute('data-key')!] = v === '' || v === null ? null : Number(v);
        }
        return row;
      }),
    );
  }
}
