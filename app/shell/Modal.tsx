/**
 * A modal dialog on Radix UI's Dialog: focus moves into it (the first button,
 * usually Close) and is trapped there, Escape or a click on the dimmed
 * background closes it, the focus goes back to what opened it, and the rest of
 * the page is hidden from screen readers while it is open.
 */
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export function Modal(props: { title: ReactNode; testId: string; className?: string; closeTestId?: string; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="ls-overlay">
          <Dialog.Content className={`ls-dialog${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId} aria-describedby={undefined}>
            <div className="ls-dialog-head">
              <Dialog.Title>{props.title}</Dialog.Title>
              <Dialog.Close className="ls-icon-button" aria-label="Close" data-testid={props.closeTestId}>
                ×
              </Dialog.Close>
            </div>
            {props.children}
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
