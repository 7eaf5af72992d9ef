/**
 * Header badge: the current document as checked by the engine in the real
 * Web Worker of its own (comlink → workers/sim.worker.ts → validate), so a
 * long trace or run can never hold a check up.
 */
import { useEffect, useState } from 'react';
import type { TopologyError } from '../../workers/engine/parse';
import { useAppStore, useAppStoreApi } from '../store/react';
import { checkWorker } from '../worker/engineClient';
import { Tooltip } from './Tooltip';

type Check = { state: 'checking' } | { state: 'valid' } | { state: 'invalid'; errors: TopologyError[] } | { state: 'failed'; message: string };

export function WorkerStatus() {
  const store = useAppStoreApi();
  const doc = useAppStore((s) => s.doc);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      checkWorker()
        .validate(doc)
        .then(
          (r) => live && setCheck(r.ok ? { state: 'valid' } : { state: 'invalid', errors: r.errors }),
          (err) => live && setCheck({ state: 'failed', message: String(err) }),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc]);

  const text =
    check.state === 'checking'
      ? 'checking…'
      : check.state === 'valid'
        ? '✓ valid'
        : check.state === 'invalid'
          ? `${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}`
          : 'checker unavailable';
  const title =
    check.state === 'failed'
      ? check.message
      : check.state === 'invalid'
        ? 'Checked by the simulation engine in a Web Worker: click to list the problems'
        : 'Checked by the simulation engine in a Web Worker';
  return (
    <Tooltip content={title}>
      <button
        type="button"
        className={`ls-status is-${check.state}`}
        data-testid="worker-status"
        data-state={check.state}
        aria-label={`Document check: ${text}`}
        disabled={check.state !== 'invalid'}
        onClick={() => {
          if (check.state === 'invalid') {
            store.getState().openDialog({ kind: 'errors', title: 'Problems in this document', errors: check.errors });
          }
        }}
      >
        {text}
      </button>
    </Tooltip>
  );
}
