/** Page object of the studio: what a user sees and does, by data-testid. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export interface ExportedDoc {
  name: string;
  nodes: { id: string; kind: string; label: string; position: { x: number; y: number }; replicas: number; role: string }[];
  edges: { id: string; source: string; target: string; mode: string; probability: number }[];
  workload: { entry: string; ratePerSec: number };
  [k: string]: unknown;
}

export class StudioPage {
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly workerStatus: Locator;
  readonly saveStatus: Locator;
  readonly docName: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.nodes = page.locator('.react-flow__node');
    this.edges = page.locator('.react-flow__edge');
    this.workerStatus = page.getByTestId('worker-status');
    this.saveStatus = page.getByTestId('save-status');
    this.docName = page.getByTestId('doc-name');
    this.inspector = page.getByTestId('inspector');
  }

  async open(url = '/') {
    await this.page.goto(url);
    await expect(this.page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  field(name: string): Locator {
    return this.page.getByTestId(`field-${name}`);
  }

  async fileMenu(item: 'file-new' | 'file-open' | 'file-save' | 'file-share') {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId(item).click();
  }

  async newBlank() {
    await this.fileMenu('file-new');
    await expect(this.nodes).toHaveCount(0);
  }

  async openTemplate(id: string) {
    await this.page.getByTestId('template-menu').click();
    await this.page.getByTestId(`template-${id}`).click();
  }

  /** Saves the document through File → Save as JSON and returns the file's text. */
  async exportText(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.fileMenu('file-save');
    const path = await (await download).path();
    return readFileSync(path, 'utf8');
  }

  async exportDoc(): Promise<ExportedDoc> {
    return JSON.parse(await this.exportText());
  }

  async importText(text: string, name = 'topology.json') {
    await this.page.getByTestId('open-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Drags a palette item onto the canvas at (x, y) relative to the canvas' top-left corner. */
  async dragFromPalette(kind: string, x: number, y: number) {
    await this.page.getByTestId(`palette-${kind}`).dragTo(this.page.getByTestId('canvas'), { targetPosition: { x, y } });
  }

  /** Draws a call by dragging from the source node's right handle to the target node's left handle. */
  async connect(sourceId: string, targetId: string) {
    const from = await this.handleCentre(sourceId, 'source');
    const to = await this.handleCentre(targetId, 'target');
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  private async handleCentre(nodeId: string, type: 'source' | 'target') {
    const box = await this.node(nodeId).locator(`.react-flow__handle.${type}`).boundingBox();
    if (!box) throw new Error(`no ${type} handle on ${nodeId}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Selects a node by clicking its label. */
  async selectNode(id: string) {
    await this.node(id).getByTestId('node-label').click();
    await expect(this.page.getByTestId('node-id')).toHaveText(id);
  }

  /** Selects a call by clicking its line on the canvas. */
  async selectEdge(id: string) {
    await this.page.locator(`.react-flow__edge[data-id="${id}"]`).click({ force: true });
    await expect(this.page.getByTestId('edge-inspector')).toContainText(id);
  }

  /** Shows the document inspector (clears the selection). */
  async selectDocument() {
    await this.clickPane();
    await expect(this.page.getByTestId('document-inspector')).toBeVisible();
  }

  /** Reloads the page once the autosave has written the document, and waits for the studio. */
  async reloadAfterSave() {
    await this.waitSaved();
    await this.page.reload();
    await expect(this.page.locator('.ls-app[data-ready="true"]')).toBeVisible();
  }

  /** Types into an inspector field and commits it with Enter. */
  async setField(name: string, value: string) {
    await this.field(name).fill(value);
    await this.field(name).press('Enter');
  }

  /** Clicks an empty spot of the canvas (clears the selection and focuses the canvas). */
  async clickPane() {
    const box = (await this.page.getByTestId('canvas').boundingBox())!;
    await this.page.mouse.click(box.x + 12, box.y + box.height - 12);
  }

  async waitSaved() {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved');
  }
}
