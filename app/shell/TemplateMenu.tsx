/** New from template: every shipped template, with its description. */
import { useMemo } from 'react';
import { loadTemplate, TEMPLATES } from '../../workers/templates';
import { useAppStoreApi } from '../store/react';
import { Menu, MenuItem } from './Menu';

export function TemplateMenu() {
  const store = useAppStoreApi();
  const items = useMemo(() => TEMPLATES.map((t) => ({ id: t.id, group: t.group, doc: loadTemplate(t.id) })), []);
  return (
    <Menu label="Templates" testId="template-menu" wide>
      {items.map(({ id, group, doc }) => (
        <MenuItem key={id} className="ls-template-item" testId={`template-${id}`} onSelect={() => store.getState().loadDocument(loadTemplate(id))}>
          <span className="ls-template-name">
            {doc.name} <span className="ls-hint">· {group}</span>
          </span>
          <span className="ls-template-desc">{doc.description}</span>
        </MenuItem>
      ))}
    </Menu>
  );
}
