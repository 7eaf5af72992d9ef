/**
 * File → Import (and a file dropped on the canvas): Mermaid, draw.io, OTLP or
 * Jaeger traces become a new document; k6 or Locust results become measured
 * points on the latency chart. Parsing runs in the import worker; nothing
 * changes until Apply, so a bad file leaves the open document as it was.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CalibrationResult } from '../../workers/interop/calibration';
import { type DetectedFormat, IMPORT_FORMATS, type ImportFormat } from '../../workers/interop/detect';
import type { ImportResult } from '../../workers/interop/importText';
import { addCalibration } from '../interop/calibrationStore';
import { closeImport, importDialogStore, importWorker } from '../interop/importClient';
import { useAppStoreApi } from '../store/react';
import { FitTable } from './FitTable';
import { Modal } from './Modal';

const MAX_BYTES = 16 * 1024 * 1024;
const FORMAT_LABEL: Record<ImportFormat, string> = { mermaid: 'Mermaid flowchart', drawio: 'draw.io diagram', otlp: 'OpenTelemetry traces (OTLP JSON)', jaeger: 'Jaeger traces (JSON)' };

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'design'; result: ImportResult }
  | { kind: 'calibration'; result: CalibrationResult | { error: string } }
  | { kind: 'unreadable'; error: string };

export function ImportDialog() {
  const { open, file: initial, serial } = useStore(importDialogStore);
  const store = useAppStoreApi();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [detected, setDetected] = useState<DetectedFormat | null>(null);
  const [from, setFrom] = useState<ImportFormat | 'auto'>('auto');
  const [page, setPage] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = async (f: File) => {
    setFrom('auto');
    setPage(0);
    if (f.size > MAX_BYTES) {
      setFile(null);
      setOutcome({ kind: 'unreadable', error: `“${f.name}” is larger than 16 MB.` });
      return;
    }
    setFile({ name: f.name, text: await f.text() });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: serial restarts the dialog for a new open
  useEffect(() => {
    setFile(null);
    setDetected(null);
    setOutcome({ kind: 'idle' });
    if (initial) void choose(initial);
  }, [initial, serial]);

  useEffect(() => {
    if (!file) return;
    let live = true;
    setOutcome({ kind: 'busy' });
    const w = importWorker();
    void (async () => {
      const d = await w.detectFormat(file.text, file.name);
      if (!live) return;
      setDetected(d);
      if (from === 'auto' && (d === 'k6-summary' || d === 'locust-csv')) {
        const r = await w.readCalibration(file.text).catch((e: Error) => ({ error: e.message }));
        if (live) setOutcome({ kind: 'calibration', result: r });
        return;
      }
      const r = await w.importText(file.text, { from: from === 'auto' ? undefined : from, fileName: file.name, page });
      if (live) setOutcome({ kind: 'design', result: r });
    })().catch((e: Error) => live && setOutcome({ kind: 'unreadable', error: `The import worker failed: ${e.message}` }));
    return () => {
      live = false;
    };
  }, [file, from, page]);

  if (!open) return null;
  const result = outcome.kind === 'design' ? outcome.result : null;
  const calibration = outcome.kind === 'calibration' && 'points' in outcome.result ? outcome.result : null;
  const error = outcome.kind === 'unreadable' ? outcome.error : result && !result.ok ? result.error : outcome.kind === 'calibration' && 'error' in outcome.result ? outcome.result.error : null;
  const apply = () => {
    if (result?.ok) {
      store.getState().loadDocument(result.doc);
      store.getState().showToast(`Imported “${file?.name}”: ${result.doc.nodes.length} nodes, ${result.doc.edges.length} calls.`);
    } else if (calibration && file) {
      addCalibration(file.name, calibration.points);
      store.getState().showToast(`${calibration.points.length} measured point(s) from “${file.name}” are on the latency chart.`);
    }
    closeImport();
  };
  return (
    <Modal title="Import" testId="import-dialog" className="ls-import" onClose={closeImport}>
        <p className="ls-hint">A Mermaid flowchart, a draw.io file, OpenTelemetry (OTLP JSON) or Jaeger traces become a new document; a k6 summary or Locust stats CSV adds measured points to the latency chart.</p>
        <div className="ls-import-row">
          <button type="button" className="ls-button" onClick={() => input.current?.click()} data-testid="import-choose">
            Choose file…
          </button>
          <span data-testid="import-file-name">{file?.name ?? 'No file chosen'}</span>
          <input ref={input} type="file" hidden data-testid="import-file-input" aria-label="File to import" onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void choose(f);
            }} />
        </div>
        {file && (
          <div className="ls-import-row">
            <label>
              Format{' '}
              <select value={from} onChange={(e) => setFrom(e.target.value as ImportFormat | 'auto')} data-testid="import-format">
                <option value="auto">Detect{detected ? `: ${detected in FORMAT_LABEL ? FORMAT_LABEL[detected as ImportFormat] : detected}` : ''}</option>
                {IMPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABEL[f]}
                  </option>
                ))}
              </select>
            </label>
            {result?.ok && result.pages && result.pages.length > 1 && (
              <label>
                Page{' '}
                <select value={page} onChange={(e) => setPage(Number(e.target.value))} data-testid="import-page">
                  {result.pages.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: page names may repeat; the index is the page
                    <option key={`${i}:${p}`} value={i}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
        {outcome.kind === 'busy' && <p className="ls-hint">Reading…</p>}
        {error && (
          <p className="ls-import-error" role="alert" data-testid="import-error">
            {error} Nothing was changed.
          </p>
        )}
        {result?.ok && (
          <p data-testid="import-summary">
            {FORMAT_LABEL[result.format]}: <strong>{result.doc.nodes.length}</strong> nodes, <strong>{result.doc.edges.length}</strong> calls
            {result.fit ? `, from ${result.fit.traces} traces` : ''}. Apply opens it as a new document; the one open now stays in Recent documents.
          </p>
        )}
        {calibration && (
          <p data-testid="import-summary">
            {calibration.source === 'k6' ? 'k6 summary' : 'Locust stats'}: <strong>{calibration.points.length}</strong> measured point(s), drawn on the latency chart beside the simulated curve.
          </p>
        )}
        {result?.ok && result.warnings.length > 0 && (
          <details open className="ls-import-warnings">
            <summary>{result.warnings.length} warning(s): what was not imported as drawn</summary>
            <ul data-testid="import-warnings">
              {result.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings may repeat and never reorder
                <li key={`${i}:${w}`}>{w}</li>
              ))}
            </ul>
          </details>
        )}
        {result?.ok && result.fit && <FitTable fit={result.fit} />}
        <div className="ls-dialog-actions">
          <button type="button" className="ls-button" onClick={closeImport} data-testid="import-cancel">
            Cancel
          </button>
          <button type="button" className="ls-button primary" disabled={!result?.ok && !calibration} onClick={apply} data-testid="import-apply">
            Apply
          </button>
        </div>
    </Modal>
  );
}
