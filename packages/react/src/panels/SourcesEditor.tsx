/** Sources of a claim: list, edit, add (url/title/publisher/accessed/published/quote), remove. */
import { useState } from "react";
import type { Source } from "@powermap/core";
import { SafeLink, TextField } from "./fields.tsx";

interface Props {
  sources: readonly Source[];
  /** Commits the whole list; `field` is the path to report ("sources.2.url"). Returns a message or null. */
  onCommit(next: Source[] | undefined, field: string): string | null;
  readOnly?: boolean;
}

const FIELDS: { key: keyof Source & string; label: string; multiline?: boolean }[] = [
  { key: "url", label: "URL" },
  { key: "title", label: "Title" },
  { key: "publisher", label: "Publisher" },
  { key: "accessed", label: "Accessed (YYYY-MM-DD)" },
  { key: "published", label: "Published (YYYY-MM-DD)" },
  { key: "quote", label: "Quote", multiline: true },
];

function setField(s: Source, key: string, text: string): Source {
  const out = { ...s } as Record<string, unknown>;
  if (text.trim() === "") delete out[key];
  else out[key] = key === "url" ? text.trim() : text;
  return out as Source;
}

export function SourcesEditor({ sources, onCommit, readOnly }: Props) {
  const [draft, setDraft] = useState<{ url: string; title: string } | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);

  const addDraft = () => {
    if (!draft) return;
    const s = setField(setField({}, "url", draft.url), "title", draft.title);
    const err = onCommit([...sources, s], `sources.${sources.length}`);
    setDraftError(err);
    if (!err) setDraft(null);
  };

  return (
    <fieldset className="pm-field pm-sources" data-testid="sources">
      <legend className="pm-label">Sources ({sources.length})</legend>
      {sources.map((s, i) => (
        <details className="pm-source" key={i} data-testid={`source-${i}`}>
          <summary>
            {s.url ? <SafeLink href={s.url}>{s.title || s.url}</SafeLink> : <span>{s.title}</span>}
            {s.accessed && <span className="pm-muted"> · accessed {s.accessed}</span>}
          </summary>
          {FIELDS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              multiline={f.multiline}
              readOnly={readOnly}
              testId={`source-${i}-${f.key}`}
              value={typeof s[f.key] === "string" ? (s[f.key] as string) : ""}
              onCommit={(text) => onCommit(sources.map((x, j) => (j === i ? setField(x, f.key, text) : x)), `sources.${i}.${f.key}`)}
            />
          ))}
          {!readOnly && (
            <button
              type="button"
              className="pm-btn pm-btn-danger pm-btn-small"
              data-testid={`source-${i}-remove`}
              aria-label={`Remove source ${s.title || s.url || i + 1}`}
              onClick={() => onCommit(sources.length > 1 ? sources.filter((_, j) => j !== i) : undefined, "sources")}
            >
              Remove source
            </button>
          )}
        </details>
      ))}
      {!readOnly &&
        (draft ? (
          <div className="pm-source-new">
            <input
              className="pm-input"
              aria-label="New source URL"
              data-testid="source-new-url"
              placeholder="https://…"
              value={draft.url}
              onChange={(e) => setDraft({ ...draft, url: e.target.value })}
            />
            <input
              className="pm-input"
              aria-label="New source title"
              data-testid="source-new-title"
              placeholder="Title"
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              onKeyDown={(e) => e.key === "Enter" && addDraft()}
            />
            <div className="pm-row">
              <button type="button" className="pm-btn pm-btn-primary pm-btn-small" data-testid="source-new-save" onClick={addDraft}>
                Add source
              </button>
              <button type="button" className="pm-btn pm-btn-small" onClick={() => (setDraft(null), setDraftError(null))}>
                Cancel
              </button>
            </div>
            {draftError && (
              <div className="pm-error" role="alert" data-testid="field-error">
                {draftError}
              </div>
            )}
          </div>
        ) : (
          <button type="button" className="pm-btn pm-btn-small" data-testid="source-add" onClick={() => setDraft({ url: "", title: "" })}>
            + Add source
          </button>
        ))}
    </fieldset>
  );
}
