/** New from template: every shipped template, with its description. */
import { useMemo } from 'react';
import { loadTemplate, TEMPLATES } from '../../workers/templates';
import { useAppStoreApi } from '../store/react';
import { Menu } from './Menu';

export function TemplateMenu() {
  const store = useAppStoreApi();
  const items = useMemo(() => TEMPLATES.map((t) => ({ id: t.id, group: t.group, doc: loadTemplate(t.id) })), []);
  return (
    <Menu label="Templates" testId="template-menu" wide>
      {(close) =>
        items.map(({ id, group, doc }) => (
          <button
            type="button"
            role="menuitem"
            key={id}
            className="ls-template-item"
            data-testid={`template-${id}`}
            onClick={() => {
              close();
              store.getState().loadDocument(loadTemplate(id));
            }}
          >
            <span className="ls-template-name">
              {doc.name} <span className="ls-hint">· {group}</span>
            </span>
            <span className="ls-template-desc">{doc.description}</span>
          </button>
        ))
      }
    </Menu>
  );
}
