/** Inspector form for one actor: every field of the Actor schema, validated before it is written. */
import { useEffect } from "react";
import { ACTOR_KINDS, ACTOR_ROLES, POWER_SOURCES, RELATIONSHIP_KIND_INFO, type Actor } from "@powermap/core";
import { useEditor } from "../context.ts";
import { useUi } from "../hooks/useUi.ts";
import { editActor } from "../map/edit.ts";
import { parseList } from "../map/validate.ts";
import * as P from "../state/producers.ts";
import { STANCE_LABELS } from "../sigma/colors.ts";
import { CheckGroup, SelectField, TextField, optionsOf } from "./fields.tsx";
import { KeyValueField } from "./KeyValueField.tsx";
import { SourcesEditor } from "./SourcesEditor.tsx";

const STANCE_OPTIONS = [{ value: "", label: "Unknown" }, ...[-2, -1, 0, 1, 2].map((v) => ({ value: String(v), label: `${v > 0 ? "+" : ""}${v} ${STANCE_LABELS[String(v)]}` }))];
const POWER_OPTIONS = [{ value: "", label: "Unknown" }, ...[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `${v}${v === 1 ? " (little)" : v === 5 ? " (decides)" : ""}` }))];

export function ActorForm({ actor }: { actor: Actor }) {
  const { map, ui, readOnly } = useEditor();
  const focusField = useUi((s) => s.focusField);
  const id = actor.id;
  const edit = (patch: Partial<Actor>, field: string) => editActor(map, id, patch, field);
  const text = (key: "name" | "title" | "description" | "notes" | "selfInterest", label: string, multiline = false) => (
    <TextField
      label={label}
      value={actor[key] ?? ""}
      multiline={multiline}
      readOnly={readOnly}
      testId={`actor-${key}`}
      autoFocus={focusField === key}
      onCommit={(v) => edit({ [key]: key === "name" ? v : v === "" ? undefined : v }, key)}
    />
  );
  // The requested field got focus in its own effect (children run first); clear the request.
  useEffect(() => {
    if (focusField !== null) ui.update(P.requestFocus(null));
  }, [focusField, ui]);

  return (
    <form className="pm-form" data-testid="actor-form" aria-label={`Actor ${actor.name}`} onSubmit={(e) => e.preventDefault()}>
      {text("name", "Name")}
      <SelectField label="Kind" testId="actor-kind" disabled={readOnly} value={actor.kind} options={optionsOf(ACTOR_KINDS)} onCommit={(v) => edit({ kind: v as Actor["kind"] }, "kind")} />
      <div className="pm-row">
        <SelectField
          label="Stance"
          testId="actor-stance"
          disabled={readOnly}
          value={actor.stance === undefined ? "" : String(actor.stance)}
          options={STANCE_OPTIONS}
          onCommit={(v) => edit({ stance: v === "" ? undefined : Number(v) }, "stance")}
        />
        <SelectField
          label="Power"
          testId="actor-power"
          disabled={readOnly}
          value={actor.power === undefined ? "" : String(actor.power)}
          options={POWER_OPTIONS}
          onCommit={(v) => edit({ power: v === "" ? undefined : Number(v) }, "power")}
        />
      </div>
      <CheckGroup
        label="Roles"
        testId="actor-roles"
        disabled={readOnly}
        values={actor.roles ?? []}
        options={optionsOf(ACTOR_ROLES)}
        onCommit={(v) => edit({ roles: v.length ? (v as Actor["roles"]) : undefined }, "roles")}
      />
      <CheckGroup
        label="Power sources"
        testId="actor-powerSources"
        disabled={readOnly}
        values={actor.powerSources ?? []}
        options={optionsOf(POWER_SOURCES)}
        onCommit={(v) => edit({ powerSources: v.length ? (v as Actor["powerSources"]) : undefined }, "powerSources")}
      />
      {text("selfInterest", "Self-interest (what it cares about)", true)}
      {text("title", "Title")}
      <TextField
        label="Aliases (one per line)"
        multiline
        readOnly={readOnly}
        testId="actor-aliases"
        value={(actor.aliases ?? []).join("\n")}
        onCommit={(v) => edit({ aliases: parseList(v, /\n/) }, "aliases")}
      />
      <TextField
        label="Tags (comma separated)"
        readOnly={readOnly}
        testId="actor-tags"
        value={(actor.tags ?? []).join(", ")}
        onCommit={(v) => edit({ tags: parseList(v) }, "tags")}
      />
      {text("description", "Description", true)}
      {text("notes", "Notes", true)}
      <KeyValueField
        label="External ids"
        testId="actor-externalIds"
        keyPlaceholder="littlesis, wikidata…"
        readOnly={readOnly}
        value={actor.externalIds}
        onCommit={(v) => edit({ externalIds: v as Actor["externalIds"] }, "externalIds")}
      />
      <KeyValueField label="Custom fields" testId="actor-custom" readOnly={readOnly} value={actor.custom} onCommit={(v) => edit({ custom: v }, "custom")} />
      <SourcesEditor sources={actor.sources ?? []} readOnly={readOnly} onCommit={(v, field) => edit({ sources: v }, field)} />
      <ActorRelationships id={id} />
    </form>
  );
}

/** The actor's relationships; clicking one selects it. */
function ActorRelationships({ id }: { id: string }) {
  const { map, ui } = useEditor();
  const g = map.graph;
  const rows: { rel: string; text: string; other: string }[] = [];
  g.forEachOutEdge(id, (e, r, _s, t) => rows.push({ rel: e, text: `${r.label ?? RELATIONSHIP_KIND_INFO[r.kind]?.verb ?? r.kind} →`, other: g.getNodeAttribute(t, "name") }));
  g.forEachInEdge(id, (e, r, s) => rows.push({ rel: e, text: `← ${r.label ?? RELATIONSHIP_KIND_INFO[r.kind]?.verb ?? r.kind}`, other: g.getNodeAttribute(s, "name") }));
  return (
    <section className="pm-field" aria-label="Relationships" data-testid="actor-relationships">
      <div className="pm-label">Relationships ({rows.length})</div>
      {rows.length === 0 && <p className="pm-muted">None yet. Shift-drag from this actor to another to connect them.</p>}
      <ul className="pm-rel-list">
        {rows.map((r) => (
          <li key={r.rel}>
            <button type="button" className="pm-linkbtn" data-testid={`actor-rel-${r.rel}`} onClick={() => ui.update(P.selectOnly({ relationships: [r.rel] }))}>
              <span className="pm-muted">{r.text}</span> {r.other}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
