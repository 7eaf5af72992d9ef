/**
 * Inspector inputs. A field keeps what the user types as a draft and commits
 * it on Enter or blur through the store's validated `edit`: a value the
 * engine's parser rejects shows its message under the field and leaves the
 * document unchanged. Current document problems under the field's JSON path
 * are shown too.
 */
import { type ReactNode, useId, useState } from 'react';
import type { TopologyError } from '../../../workers/engine/parse';
import type { Topology } from '../../../workers/engine/schema';
import { useAppStoreApi } from '../../store/react';
import { useSettledDoc } from '../../store/useSettledDoc';
import { documentErrors, pathIsUnder } from '../../store/validation';

type Edit = (doc: Topology) => Topology;
/** Problems of the current document under `path`, read once the document has settled (useSettledDoc). */
function useFieldProblems(path: string): TopologyError[] {
  const doc = useSettledDoc();
  return documentErrors(doc).filter((e) => pathIsUnder(e.path, path));
}

function useCommit(path: string) {
  const store = useAppStoreApi();
  const [rejected, setRejected] = useState<TopologyError[]>([]);
  const commit = (edit: Edit): boolean => {
    const problems = store.getState().edit(edit);
    const here = problems.filter((p) => pathIsUnder(p.path, path));
    setRejected(here.length ? here : problems);
    return problems.length === 0;
  };
  return { rejected, commit, clear: () => setRejected([]) };
}

function Messages({ id, errors, testId }: { id: string; errors: TopologyError[]; testId: string }) {
  if (!errors.length) return null;
  return (
    <div className="ls-field-error" id={id} role="alert" data-testid={`error-${testId}`}>
      {errors.map((e) => (
        <div key={`${e.path}:${e.message}`}>{e.message}</div>
      ))}
    </div>
  );
}

interface InputFieldProps {
  label: string;
  /** JSON path of the value, e.g. `nodes[2].replicas`. */
  path: string;
  testId: string;
  value: string | number | null;
  unit?: string;
  /** 'number': the text becomes a number (an empty box is null when `nullable`, else NaN, which the schema rejects). */
  type: 'number' | 'text' | 'textarea';
  nullable?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  apply: (value: string | number | null) => Edit;
}

export function InputField({ label, path, testId, value, unit, type, nullable, placeholder, hint, apply }: InputFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { rejected, commit, clear } = useCommit(path);
  const problems = useFieldProblems(path);
  const shown = value === null ? '' : String(value);
  const text = draft ?? shown;

  const save = () => {
    if (draft === null) return;
    let v: string | number | null = draft;
    if (type === 'number') v = draft.trim() === '' ? (nullable ? null : Number.NaN) : Number(draft.trim());
    if (v === value) {
      setDraft(null);
      clear();
      return;
    }
    if (commit(apply(v))) setDraft(null);
  };
  const errors = rejected.length ? rejected : problems;
  const common = {
    id,
    value: text,
    'aria-invalid': errors.length > 0,
    'aria-describedby': errors.length ? `${id}-err` : undefined,
    'data-testid': `field-${testId}`,
    placeholder,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: save,
  };
  return (
    <div className={`ls-field${errors.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {unit && <span className="ls-unit"> ({unit})</span>}
      </label>
      {type === 'textarea' ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={type === 'number' ? 'decimal' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            if (e.key === 'Escape') {
              setDraft(null);
              clear();
            }
          }}
        />
      )}
      {hint && <div className="ls-hint">{hint}</div>}
      <Messages id={`${id}-err`} errors={errors} testId={testId} />
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  path: string;
  testId: string;
  value: T;
  options: readonly (T | { value: T; label: string })[];
  apply: (value: T) => Edit;
}

export function SelectField<T extends string>({ label, path, testId, value, options, apply }: SelectFieldProps<T>) {
  const id = useId();
  const { rejected, commit } = useCommit(path);
  const problems = useFieldProblems(path);
  const errors = rejected.length ? rejected : problems;
  return (
    <div className={`ls-field${errors.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={`field-${testId}`} onChange={(e) => commit(apply(e.target.value as T))}>
        {options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={opt.value} value={opt.value}>
              {opt.label}
            </option>
          );
        })}
      </select>
      <Messages id={`${id}-err`} errors={errors} testId={testId} />
    </div>
  );
}

export function CheckField(props: { label: string; path: string; testId: string; value: boolean; apply: (v: boolean) => Edit }) {
  const id = useId();
  const { rejected, commit } = useCommit(props.path);
  return (
    <div className="ls-field ls-check">
      <input
        id={id}
        type="checkbox"
        checked={props.value}
        data-testid={`field-${props.testId}`}
        onChange={(e) => commit(props.apply(e.target.checked))}
      />
      <label htmlFor={id}>{props.label}</label>
      <Messages id={`${id}-err`} errors={rejected} testId={props.testId} />
    </div>
  );
}

/** A titled group of fields; `info` (an InfoTip) sits at the title's right. */
export function Section({ title, info, testId, children }: { title: string; info?: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section className="ls-section" data-testid={testId}>
      <h3 className={info ? 'ls-title-info' : undefined}>
        {info ? <span>{title}</span> : title}
        {info}
      </h3>
      {children}
    </section>
  );
}
