/**
 * Form fields for the inspector and the table: each keeps a local draft, validates on commit
 * (blur, Enter, or change for selects) through `onCommit`, which returns an error message or null.
 * An invalid draft stays on screen with its message; the map is untouched.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export type Commit<T> = (value: T) => string | null;

interface FieldFrameProps {
  label: string;
  id: string;
  error: string | null;
  children: ReactNode;
  hint?: string;
  compact?: boolean;
}

export function FieldFrame({ label, id, error, children, hint, compact }: FieldFrameProps) {
  return (
    <div className={compact ? "pm-field pm-field-compact" : "pm-field"}>
      {!compact && (
        <label className="pm-label" htmlFor={id}>
          {label}
        </label>
      )}
      {children}
      {hint && !error && !compact && <div className="pm-hint">{hint}</div>}
      {error && (
        <div className="pm-error" id={`${id}-error`} role="alert" data-testid="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: Commit<string>;
  multiline?: boolean;
  testId?: string;
  placeholder?: string;
  hint?: string;
  compact?: boolean;
  readOnly?: boolean;
  autoFocus?: boolean;
  inputType?: "text" | "url" | "number";
}

/** A text input (or textarea) committed on blur / Enter; Escape restores the stored value. */
export function TextField(p: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(p.value);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The stored value changed (undo, another editor): drop the draft and its error.
  useEffect(() => {
    setDraft(p.value);
    setError(null);
  }, [p.value]);
  useEffect(() => {
    if (p.autoFocus) {
      ref.current?.focus();
      ref.current?.select();
    }
  }, [p.autoFocus]);
  const commit = () => {
    if (draft === p.value) return setError(null);
    setError(p.onCommit(draft));
  };
  const common = {
    id,
    ref,
    value: draft,
    "aria-label": p.label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    "data-testid": p.testId,
    placeholder: p.placeholder,
    readOnly: p.readOnly,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape") {
        setDraft(p.value);
        setError(null);
        e.stopPropagation();
      } else if (e.key === "Enter" && (!p.multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        commit();
      }
    },
  };
  return (
    <FieldFrame label={p.label} id={id} error={error} hint={p.hint} compact={p.compact}>
      {p.multiline ? <textarea className="pm-input" rows={3} {...common} /> : <input className="pm-input" type={p.inputType ?? "text"} {...common} />}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly Option[];
  onCommit: Commit<string>;
  testId?: string;
  compact?: boolean;
  disabled?: boolean;
}

/** A select committed on change. */
export function SelectField(p: SelectFieldProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [p.value]);
  return (
    <FieldFrame label={p.label} id={id} error={error} compact={p.compact}>
      <select
        id={id}
        className="pm-input"
        aria-label={p.label}
        aria-invalid={error ? true : undefined}
        data-testid={p.testId}
        value={p.value}
        disabled={p.disabled}
        onChange={(e) => setError(p.onCommit(e.target.value))}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckGroupProps {
  label: string;
  values: readonly string[];
  options: readonly Option[];
  onCommit: Commit<string[]>;
  testId?: string;
  disabled?: boolean;
}

/** A group of checkboxes for a multi-valued enum (roles, power sources); commits on each toggle. */
export function CheckGroup(p: CheckGroupProps) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <fieldset className="pm-field pm-checkgroup" data-testid={p.testId} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="pm-label">{p.label}</legend>
      <div className="pm-checks">
        {p.options.map((o) => (
          <label key={o.value} className="pm-check">
            <input
              type="checkbox"
              disabled={p.disabled}
              checked={p.values.includes(o.value)}
              data-testid={p.testId ? `${p.testId}-${o.value}` : undefined}
              onChange={(e) => {
                const next = e.target.checked ? [...p.values, o.value] : p.values.filter((v) => v !== o.value);
                setError(p.onCommit(next));
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <div className="pm-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </fieldset>
  );
}

/** A link that is only ever an http(s) URL, opened in a new tab without access to this page. */
export function SafeLink({ href, children }: { href: string; children: ReactNode }) {
  let ok = false;
  try {
    const u = new URL(href);
    ok = u.protocol === "http:" || u.protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) return <span className="pm-badlink">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="pm-link">
      {children}
    </a>
  );
}

/** Human label for an enum value: "government_body" → "Government body". */
export function humanize(v: string): string {
  const s = v.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const optionsOf = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: humanize(v) }));
