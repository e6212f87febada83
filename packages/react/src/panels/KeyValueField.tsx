/** Editor for a string-keyed record (external ids, custom fields): rows of key + value. */
import { useEffect, useState } from "react";

type Value = string | number | boolean | null;

interface Props {
  label: string;
  value: Record<string, Value> | undefined;
  /** Commit the whole record (undefined when empty); returns an error message or null. */
  onCommit(next: Record<string, Value> | undefined): string | null;
  testId: string;
  readOnly?: boolean;
  keyPlaceholder?: string;
}

const toRows = (v: Record<string, Value> | undefined) => Object.entries(v ?? {}).map(([k, x]) => ({ k, v: x === null ? "" : String(x) }));

/** Keeps the type an existing value had (number, boolean) when the new text still reads as one. */
function typed(text: string, before: Value | undefined): Value {
  if (typeof before === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (typeof before === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

export function KeyValueField({ label, value, onCommit, testId, readOnly, keyPlaceholder }: Props) {
  const [rows, setRows] = useState(() => toRows(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(toRows(value));
    setError(null);
  }, [value]);

  const commit = (next: { k: string; v: string }[]) => {
    const filled = next.filter((r) => r.k.trim() !== "" || r.v.trim() !== "");
    if (filled.some((r) => r.k.trim() === "")) return setError("every value needs a name");
    const keys = filled.map((r) => r.k.trim());
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) return setError(`"${dup}" appears twice`);
    const rec: Record<string, Value> = {};
    for (const r of filled) rec[r.k.trim()] = typed(r.v, value?.[r.k.trim()]);
    const unchanged = JSON.stringify(rec) === JSON.stringify(value ?? {});
    setError(unchanged ? null : onCommit(filled.length ? rec : undefined));
  };

  return (
    <fieldset className="pm-field pm-kv" data-testid={testId}>
      <legend className="pm-label">{label}</legend>
      {rows.map((r, i) => (
        <div className="pm-kv-row" key={i}>
          <input
            className="pm-input"
            aria-label={`${label} ${i + 1} name`}
            placeholder={keyPlaceholder ?? "name"}
            value={r.k}
            readOnly={readOnly}
            onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, k: e.target.value } : x)))}
            onBlur={() => commit(rows)}
          />
          <input
            className="pm-input"
            aria-label={`${label} ${i + 1} value`}
            placeholder="value"
            value={r.v}
            readOnly={readOnly}
            onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, v: e.target.value } : x)))}
            onBlur={() => commit(rows)}
          />
          {!readOnly && (
            <button
              type="button"
              className="pm-btn pm-btn-icon"
              aria-label={`Remove ${label} ${r.k || i + 1}`}
              onClick={() => {
                const next = rows.filter((_, j) => j !== i);
                setRows(next);
                commit(next);
              }}
            >
              ×
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" className="pm-btn pm-btn-small" data-testid={`${testId}-add`} onClick={() => setRows([...rows, { k: "", v: "" }])}>
          + Add
        </button>
      )}
      {error && (
        <div className="pm-error" role="alert" data-testid="field-error">
          {error}
        </div>
      )}
    </fieldset>
  );
}
