/**
 * Tooltips on Radix UI's Tooltip (the WAI-ARIA tooltip pattern): the text
 * shows after a short hover (TOOLTIP_DELAY_MS; moving on to the next control
 * shows its tooltip at once) or as soon as the control gets the keyboard focus,
 * and goes on Escape, on blur, on a click or when the pointer leaves. While it
 * is open the control is described by it (aria-describedby); the control keeps
 * its own accessible name.
 *
 * Two studio rules on top of Radix: a press on the control (a click, or the
 * start of a drag on a canvas node or the splitter) hides the tooltip until
 * the pointer leaves, and focus moved by a script after a mouse action (Radix
 * putting the focus back on a dialog's button) does not show it; only focus
 * the browser would ring (:focus-visible) does.
 */
import * as RadixTooltip from '@radix-ui/react-tooltip';
import { type ReactElement, type ReactNode, useRef, useState } from 'react';
import './overlays.css';

/** Hover time before a tooltip shows (ms). */
export const TOOLTIP_DELAY_MS = 400;

/** The one provider, at the root of the studio (shares the delay between tooltips). */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={TOOLTIP_DELAY_MS} skipDelayDuration={300}>
      {children}
    </RadixTooltip.Provider>
  );
}

interface TooltipProps {
  /** What the tooltip says. */
  content: ReactNode;
  /** The control it explains: one element that takes a ref (a button, a focusable cell, a node's body). */
  children: ReactElement;
  side?: 'top' | 'right' | 'bottom' | 'left';
  /** Keep following a trigger that moves while the tooltip is open (a node on a canvas being panned). */
  follow?: boolean;
}

export function Tooltip({ content, children, side = 'bottom', follow = false }: TooltipProps) {
  const [open, setOpen] = useState(false);
  const pressed = useRef(false);
  return (
    <RadixTooltip.Root open={open} onOpenChange={(next) => setOpen(next && !pressed.current)}>
      <RadixTooltip.Trigger
        asChild
        onPointerDown={() => {
          pressed.current = true;
          setOpen(false);
        }}
        onPointerLeave={() => {
          pressed.current = false;
        }}
        onFocus={(e) => {
          // Radix skips its own handler when this one prevents the default.
          if (!e.currentTarget.matches(':focus-visible')) e.preventDefault();
        }}
      >
        {children}
      </RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content
          className="ls-tooltip"
          side={side}
          sideOffset={6}
          collisionPadding={8}
          updatePositionStrategy={follow ? 'always' : 'optimized'}
        >
          {content}
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}
