/**
 * The header's dropdown menus, on Radix UI's DropdownMenu (WAI-ARIA menu
 * button): Enter/Space or ↓ on the button opens it, ↑/↓ Home/End and typing a
 * letter move between items, Escape closes it and the focus goes back to the
 * button, a click outside closes it (Tab stays in the open menu). Choosing an
 * item closes the menu.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';

export function Menu(props: { label: string; testId: string; wide?: boolean; onOpen?: () => void; children: ReactNode }) {
  return (
    <DropdownMenu.Root modal={false} onOpenChange={(open) => open && props.onOpen?.()}>
      <DropdownMenu.Trigger className="ls-button" data-testid={props.testId}>
        {props.label} ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className={`ls-menu-body${props.wide ? ' is-wide' : ''}`}
          aria-label={props.label}
          align="start"
          sideOffset={4}
          collisionPadding={12}
        >
          {props.children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** One menu item: a button (keeps its test id and class) that runs `onSelect` and closes the menu. */
export function MenuItem(props: { testId?: string; className?: string; onSelect: () => void; children: ReactNode }) {
  return (
    <DropdownMenu.Item asChild onSelect={props.onSelect}>
      <button type="button" className={props.className} data-testid={props.testId}>
        {props.children}
      </button>
    </DropdownMenu.Item>
  );
}

/** A heading between groups of items. */
export function MenuGroupLabel(props: { children: ReactNode }) {
  return <DropdownMenu.Label className="ls-menu-group">{props.children}</DropdownMenu.Label>;
}
