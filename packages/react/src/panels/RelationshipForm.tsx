/** Inspector form for one relationship: every field, kind-specific ones first, validated before writing. */
import { useState } from "react";
import { RELATIONSHIP_KINDS, RELATIONSHIP_KIND_INFO, type Relationship } from "@powermap/core";
import { useEditor } from "../context.ts";
import { editRelationship } from "../map/edit.ts";
import { parseList, parseOptionalNumber } from "../map/validate.ts";
import * as P from "../state/producers.ts";
import { SelectField, TextField, type Option } from "./fields.tsx";
import { KeyValueField } from "./KeyValueField.tsx";
import { SourcesEditor } from "./SourcesEditor.tsx";

const KIND_OPTIONS: Option[] = RELATIONSHIP_KINDS.map((k) => ({ value: k, label: RELATIONSHIP_KIND_INFO[k].label }));
const STRENGTH_OPTIONS: Option[] = [{ value: "", label: "Default (3)" }, ...[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }))];
const TRI: Option[] = [
  { value: "", label: "Unknown" },
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];
const tri = (v: boolean | undefined) => (v === undefined ? "" : String(v));
const fromTri = (v: string) => (v === "" ? undefined : v === "true");

type KindField = "title" | "isBoard" | "isExecutive" | "percentage" | "amount" | "currency" | "date";
const ALL_KIND_FIELDS: KindField[] = ["title", "isBoard", "isExecutive", "percentage", "amount", "currency", "date"];

export function RelationshipForm({ rel }: { rel: Relationship }) {
  const { map, ui, readOnly } = useEditor();
  const [showAll, setShowAll] = useState(false);
  const id = rel.id;
  const edit = (patch: Partial<Relationship>, field: string) => editRelationship(map, id, patch, field);
  const info = RELATIONSHIP_KIND_INFO[rel.kind];
  const g = map.graph;
  // Actor pickers: sorted by name. For very large maps a select is heavy, so fall back to id inputs.
  const actorOptions: Option[] | null =
    g.order <= 3000 ? g.mapNodes((n, a) => ({ value: n, label: a.name })).sort((a, b) => a.label.localeCompare(b.label)) : null;
  const str = (key: "label" | "title" | "currency" | "startDate" | "endDate" | "date" | "notes", label: string, multiline = false, hint?: string) => (
    <TextField
      key={key}
      label={label}
      hint={hint}
      multiline={multiline}
      readOnly={readOnly}
      testId={`rel-${key}`}
      value={rel[key] ?? ""}
      onCommit={(v) => edit({ [key]: v.trim() === "" ? undefined : key === "currency" ? v.trim().toUpperCase() : v.trim() }, key)}
    />
  );
  const num = (key: "percentage" | "amount", label: string) => (
    <TextField
      key={key}
      label={label}
      readOnly={readOnly}
      testId={`rel-${key}`}
      value={rel[key] === undefined ? "" : String(rel[key])}
      onCommit={(v) => {
        const n = parseOptionalNumber(v);
        if (n !== undefined && Number.isNaN(n)) return "expected a number";
        return edit({ [key]: n }, key);
      }}
    />
  );
  const bool = (key: "isBoard" | "isExecutive" | "current", label: string) => (
    <SelectField key={key} label={label} testId={`rel-${key}`} disabled={readOnly} value={tri(rel[key])} options={TRI} onCommit={(v) => edit({ [key]: fromTri(v) }, key)} />
  );
  const kindField = (f: KindField) =>
    f === "title"
      ? str("title", "Title / position")
      : f === "isBoard"
        ? bool("isBoard", "Board seat")
        : f === "isExecutive"
          ? bool("isExecutive", "Executive")
          : f === "percentage"
            ? num("percentage", "Percentage owned")
            : f === "amount"
              ? num("amount", "Amount")
              : f === "currency"
                ? str("currency", "Currency", false, "ISO code, e.g. USD")
                : str("date", "Date", false, "YYYY, YYYY-MM or YYYY-MM-DD");
  const relevant = ALL_KIND_FIELDS.filter((f) => info.fields.includes(f) || rel[f] !== undefined);
  const others = ALL_KIND_FIELDS.filter((f) => !relevant.includes(f));
  const endpoint = (key: "from" | "to", label: string) => (
    <div className="pm-endpoint">
      {actorOptions ? (
        <SelectField label={label} testId={`rel-${key}`} disabled={readOnly} value={rel[key]} options={actorOptions} onCommit={(v) => edit({ [key]: v }, key)} />
      ) : (
        <TextField label={`${label} (actor id)`} testId={`rel-${key}`} readOnly={readOnly} value={rel[key]} onCommit={(v) => edit({ [key]: v.trim() }, key)} />
      )}
      <button type="button" className="pm-linkbtn" aria-label={`Select ${label.toLowerCase()} actor`} onClick={() => ui.update(P.selectOnly({ actors: [rel[key]] }))}>
        Go to {g.hasNode(rel[key]) ? g.getNodeAttribute(rel[key], "name") : rel[key]}
      </button>
    </div>
  );

  return (
    <form className="pm-form" data-testid="relationship-form" aria-label="Relationship" onSubmit={(e) => e.preventDefault()}>
      <p className="pm-sentence">
        {g.hasNode(rel.from) ? g.getNodeAttribute(rel.from, "name") : rel.from} <em>{rel.label ?? info.verb}</em>{" "}
        {g.hasNode(rel.to) ? g.getNodeAttribute(rel.to, "name") : rel.to}
      </p>
      <SelectField label="Kind" testId="rel-kind" disabled={readOnly} value={rel.kind} options={KIND_OPTIONS} onCommit={(v) => edit({ kind: v as Relationship["kind"] }, "kind")} />
      {endpoint("from", "From")}
      {endpoint("to", "To")}
      {str("label", "Label", false, `shown instead of "${info.verb}"`)}
      <div className="pm-row">
        <SelectField
          label="Strength"
          testId="rel-strength"
          disabled={readOnly}
          value={rel.strength === undefined ? "" : String(rel.strength)}
          options={STRENGTH_OPTIONS}
          onCommit={(v) => edit({ strength: v === "" ? undefined : Number(v) }, "strength")}
        />
        {bool("current", "Current")}
      </div>
      <div className="pm-row">
        {str("startDate", "Start date", false, "YYYY[-MM[-DD]]")}
        {str("endDate", "End date", false, "YYYY[-MM[-DD]]")}
      </div>
      {relevant.map(kindField)}
      {others.length > 0 && (
        <button type="button" className="pm-linkbtn" aria-expanded={showAll} onClick={() => setShowAll(!showAll)} data-testid="rel-more-fields">
          {showAll ? "Fewer fields" : `More fields (${others.length})`}
        </button>
      )}
      {showAll && others.map(kindField)}
      <TextField
        label="Tags (comma separated)"
        readOnly={readOnly}
        testId="rel-tags"
        value={(rel.tags ?? []).join(", ")}
        onCommit={(v) => edit({ tags: parseList(v) }, "tags")}
      />
      {str("notes", "Notes", true)}
      <KeyValueField label="External ids" testId="rel-externalIds" readOnly={readOnly} value={rel.externalIds} onCommit={(v) => edit({ externalIds: v as Relationship["externalIds"] }, "externalIds")} />
      <KeyValueField label="Custom fields" testId="rel-custom" readOnly={readOnly} value={rel.custom} onCommit={(v) => edit({ custom: v }, "custom")} />
      <SourcesEditor sources={rel.sources ?? []} readOnly={readOnly} onCommit={(v, field) => edit({ sources: v }, field)} />
    </form>
  );
}
