/** Header controls: the presentation-mode button and the Lessons menu (shipped lessons, open a lesson file). */
import { useMemo, useRef } from 'react';
import { LESSONS, loadLesson, parseLessonText } from '../../workers/lessons';
import { Menu, MenuItem } from '../shell/Menu';
import { Tooltip } from '../shell/Tooltip';
import { useAppStore, useAppStoreApi } from '../store/react';

export function ClassroomMenu() {
  const store = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  const lessons = useMemo(() => LESSONS.map((l) => loadLesson(l.id)), []);
  const file = useRef<HTMLInputElement>(null);
  const openFile = async (f: File) => {
    const r = parseLessonText(await f.text());
    if (r.ok) store.getState().openLesson(r.lesson);
    else store.getState().openDialog({ kind: 'errors', title: `${f.name} is not a lesson Loadsketch can open`, errors: r.errors });
  };
  return (
    <>
      <Menu label="Lessons" testId="lesson-menu" wide>
        {lessons.map((l, i) => (
          <MenuItem key={LESSONS[i].id} className="ls-template-item" testId={`lesson-${LESSONS[i].id}`} onSelect={() => store.getState().openLesson(l)}>
            <span className="ls-template-name">{l.title}</span>
            <span className="ls-template-desc">{l.summary}</span>
          </MenuItem>
        ))}
        <MenuItem className="ls-template-item" testId="lesson-open-file" onSelect={() => file.current?.click()}>
          <span className="ls-template-name">Open a lesson file…</span>
          <span className="ls-template-desc">A .json lesson a teacher wrote (see docs/lessons.md).</span>
        </MenuItem>
      </Menu>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="lesson-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openFile(f);
        }}
      />
      <Tooltip content="Presentation mode (P; Esc to leave)">
        <button type="button" className="ls-button" aria-pressed={presenting} onClick={() => store.getState().setPresenting(!presenting)} data-testid="present">
          Present
        </button>
      </Tooltip>
    </>
  );
}
