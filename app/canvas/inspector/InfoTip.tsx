/** A small “?” button beside a section title whose tooltip explains where its numbers come from. */
import type { ReactNode } from 'react';
import { Tooltip } from '../../shell/Tooltip';

export function InfoTip({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Tooltip content={<div className="ls-info-tip">{children}</div>} side="left">
      <button type="button" className="ls-info" aria-label={label} data-testid={testId}>
        ?
      </button>
    </Tooltip>
  );
}

