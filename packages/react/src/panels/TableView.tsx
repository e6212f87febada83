/**
 * The table view: actors and relationships as sortable tables with editable cells, an accessible
 * alternative to the canvas. Edits go through the same validated commands as the inspector.
 */
import { useMemo, useState } from "react";
import { ACTOR_KINDS, RELATIONSHIP_KINDS, RELATIONSHIP_KIND_INFO, type Actor, type Relationship, type RelationshipKind } from "@powermap/core";
import { useEditor } from "../context.ts";
import { useMapVersion } from "../hooks/useMapVersion.ts";
import { useUi } from "../hooks/useUi.ts";
import { addActorAt, connect } from "../map/commands.ts";
import { editActor, editRelationship } from "../map/edit.ts";
import { parseList } from "../map/validate.ts";
import { fold } from "../map/search.ts";
import * as P from "../state/producers.ts";
import { DataTable, type Column } from "./DataTable.tsx";
import { SelectField, TextField, optionsOf, type Option } from "./fields.tsx";

const STANCES: Option[] = [{ value: "", label: "?" }, ...[-2, -1, 0, 1, 2].map((v) => ({ value: String(v), label: v > 0 ? `+${v}` : String(v) }))];
const POWERS: Option[] = [{ value: "", label: "?" }, ...[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }))];
const STRENGTHS: Option[] = [{ value: "", label: "–" }, ...[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }))];
const REL_KINDS: Option[] = RELATIONSHIP_KINDS.map((k) => ({ value: k, label: RELATIONSHIP_KIND_INFO[k].label }));

export function TableView() {
  const [tab, setTab] = useState<"actors" | "relationships">("actors");
  const [filter, setFilter] = useState("");
  return (
    <div className="pm-tableview" data-testid="table-view">
      <div className="pm-row pm-table-head">
        <div role="tablist" aria-label="Tables" className="pm-tabs">
          {(["actors", "relationships"] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`table-tab-${t}`} className="pm-tab" onClick={() => setTab(t)}>
              {t === "actors" ? "Actors" : "Relationships"}
            </button>
          ))}
        </div>
        <input className="pm-input" type="search" aria-label="Filter rows" placeholder="Filter rows…" data-testid="table-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div role="tabpanel">{tab === "actors" ? <ActorsTable filter={filter} /> : <RelationshipsTable filter={filter} />}</div>
    </div>
  );
}

function ActorsTable({ filter }: { filter: string }) {
  const { map, ui, readOnly } = useEditor();
  const version = useMapVersion(map);
  const selected = useUi((s) => s.selection.actors);
  const rows = useMemo(() => {
    const q = fold(filter.trim());
    return map.graph.mapNodes((_id, a) => a).filter((a) => !q || fold(a.name).includes(q) || a.tags?.some((t) => fold(t).includes(q)));
  }, [map, version, filter]);
  const edit = (a: Actor, patch: Partial<Actor>, field: string) => editActor(map, a.id, patch, field);
  const columns: Column<Actor>[] = [
    {
      key: "name",
      label: "Name",
      sortValue: (a) => a.name.toLowerCase(),
      cell: (a) => (
        <div className="pm-cell-name">
          <button type="button" className="pm-btn pm-btn-icon" aria-label={`Select ${a.name}`} data-testid={`table-select-${a.id}`} onClick={() => ui.update(P.selectOnly({ actors: [a.id] }))}>
            ◎
          </button>
          <TextField compact label={`Name of ${a.name}`} testId={`cell-${a.id}-name`} readOnly={readOnly} value={a.name} onCommit={(v) => edit(a, { name: v }, "name")} />
        </div>
      ),
    },
    {
      key: "kind",
      label: "Kind",
      sortValue: (a) => a.kind,
      cell: (a) => <SelectField compact label={`Kind of ${a.name}`} testId={`cell-${a.id}-kind`} disabled={readOnly} value={a.kind} options={optionsOf(ACTOR_KINDS)} onCommit={(v) => edit(a, { kind: v as Actor["kind"] }, "kind")} />,
    },
    {
      key: "roles",
      label: "Roles",
      sortValue: (a) => (a.roles ?? []).join(","),
      cell: (a) => (
        <TextField
          compact
          label={`Roles of ${a.name}`}
          testId={`cell-${a.id}-roles`}
          readOnly={readOnly}
          value={(a.roles ?? []).join(", ")}
          onCommit={(v) => edit(a, { roles: parseList(v)?.map((r) => r.toLowerCase().replace(/\s+/g, "_")) as Actor["roles"] }, "roles")}
        />
      ),
    },
    {
      key: "stance",
      label: "Stance",
      sortValue: (a) => a.stance ?? -99,
      cell: (a) => (
        <SelectField compact label={`Stance of ${a.name}`} testId={`cell-${a.id}-stance`} disabled={readOnly} value={a.stance === undefined ? "" : String(a.stance)} options={STANCES} onCommit={(v) => edit(a, { stance: v === "" ? undefined : Number(v) }, "stance")} />
      ),
    },
    {
      key: "power",
      label: "Power",
      sortValue: (a) => a.power ?? 0,
      cell: (a) => (
        <SelectField compact label={`Power of ${a.name}`} testId={`cell-${a.id}-power`} disabled={readOnly} value={a.power === undefined ? "" : String(a.power)} options={POWERS} onCommit={(v) => edit(a, { power: v === "" ? undefined : Number(v) }, "power")} />
      ),
    },
    {
      key: "tags",
      label: "Tags",
      sortValue: (a) => (a.tags ?? []).join(","),
      cell: (a) => <TextField compact label={`Tags of ${a.name}`} testId={`cell-${a.id}-tags`} readOnly={readOnly} value={(a.tags ?? []).join(", ")} onCommit={(v) => edit(a, { tags: parseList(v) }, "tags")} />,
    },
    { key: "degree", label: "Ties", sortValue: (a) => (map.graph.hasNode(a.id) ? map.graph.degree(a.id) : 0), cell: (a) => (map.graph.hasNode(a.id) ? map.graph.degree(a.id) : 0) },
    { key: "sources", label: "Sources", sortValue: (a) => a.sources?.length ?? 0, cell: (a) => a.sources?.length ?? 0 },
  ];
  return (
    <>
      {!readOnly && (
        <button
          type="button"
          className="pm-btn pm-btn-small"
          data-testid="table-add-actor"
          onClick={() => {
            const id = addActorAt(map, { x: 0, y: 0 });
            ui.update(P.selectOnly({ actors: [id] }));
            ui.update(P.requestFocus("name"));
          }}
        >
          + Add actor
        </button>
      )}
      <DataTable caption="Actors" testId="actors-table" rows={rows} rowKey={(a) => a.id} columns={columns} isSelected={(a) => selected.includes(a.id)} />
    </>
  );
}

function RelationshipsTable({ filter }: { filter: string }) {
  const { map, ui, readOnly } = useEditor();
  const version = useMapVersion(map);
  const selected = useUi((s) => s.selection.relationships);
  const g = map.graph;
  const name = (id: string) => (g.hasNode(id) ? g.getNodeAttribute(id, "name") : id);
  const actorOptions = useMemo(() => g.mapNodes((id, a) => ({ value: id, label: a.name })).sort((a, b) => a.label.localeCompare(b.label)), [g, version]);
  const rows = useMemo(() => {
    const q = fold(filter.trim());
    return g.mapEdges((_e, r) => r).filter((r) => !q || fold(name(r.from)).includes(q) || fold(name(r.to)).includes(q) || fold(r.label ?? "").includes(q) || r.kind.includes(q));
  }, [g, version, filter]);
  const edit = (r: Relationship, patch: Partial<Relationship>, field: string) => editRelationship(map, r.id, patch, field);
  const describe = (r: Relationship) => `${name(r.from)} ${r.kind} ${name(r.to)}`;
  const endpoint = (key: "from" | "to", label: string): Column<Relationship> => ({
    key,
    label,
    sortValue: (r) => name(r[key]).toLowerCase(),
    cell: (r) => <SelectField compact label={`${label} of ${describe(r)}`} testId={`cell-${r.id}-${key}`} disabled={readOnly} value={r[key]} options={actorOptions} onCommit={(v) => edit(r, { [key]: v }, key)} />,
  });
  const text = (key: "label" | "startDate" | "endDate", label: string): Column<Relationship> => ({
    key,
    label,
    sortValue: (r) => r[key] ?? "",
    cell: (r) => <TextField compact label={`${label} of ${describe(r)}`} testId={`cell-${r.id}-${key}`} readOnly={readOnly} value={r[key] ?? ""} onCommit={(v) => edit(r, { [key]: v.trim() === "" ? undefined : v.trim() }, key)} />,
  });
  const columns: Column<Relationship>[] = [
    {
      key: "select",
      label: "Select",
      sortValue: (r) => r.id,
      cell: (r) => (
        <button type="button" className="pm-btn pm-btn-icon" aria-label={`Select ${describe(r)}`} data-testid={`table-select-${r.id}`} onClick={() => ui.update(P.selectOnly({ relationships: [r.id] }))}>
          ◎
        </button>
      ),
    },
    endpoint("from", "From"),
    {
      key: "kind",
      label: "Kind",
      sortValue: (r) => r.kind,
      cell: (r) => <SelectField compact label={`Kind of ${describe(r)}`} testId={`cell-${r.id}-kind`} disabled={readOnly} value={r.kind} options={REL_KINDS} onCommit={(v) => edit(r, { kind: v as RelationshipKind }, "kind")} />,
    },
    endpoint("to", "To"),
    text("label", "Label"),
    {
      key: "strength",
      label: "Strength",
      sortValue: (r) => r.strength ?? 3,
      cell: (r) => (
        <SelectField compact label={`Strength of ${describe(r)}`} testId={`cell-${r.id}-strength`} disabled={readOnly} value={r.strength === undefined ? "" : String(r.strength)} options={STRENGTHS} onCommit={(v) => edit(r, { strength: v === "" ? undefined : Number(v) }, "strength")} />
      ),
    },
    text("startDate", "Start"),
    text("endDate", "End"),
    { key: "sources", label: "Sources", sortValue: (r) => r.sources?.length ?? 0, cell: (r) => r.sources?.length ?? 0 },
  ];
  return (
    <>
      {!readOnly && actorOptions.length >= 1 && <AddRelationship options={actorOptions} />}
      <DataTable caption="Relationships" testId="relationships-table" rows={rows} rowKey={(r) => r.id} columns={columns} isSelected={(r) => selected.includes(r.id)} />
    </>
  );
}

/** Keyboard-friendly way to connect two actors (the canvas needs a drag). */
function AddRelationship({ options }: { options: Option[] }) {
  const { map, ui } = useEditor();
  const [from, setFrom] = useState(options[0].value);
  const [to, setTo] = useState(options[Math.min(1, options.length - 1)].value);
  const [kind, setKind] = useState<RelationshipKind>("influence");
  return (
    <div className="pm-row pm-add-rel" data-testid="table-add-relationship" role="group" aria-label="Add relationship">
      <SelectField label="From" testId="add-rel-from" value={from} options={options} onCommit={(v) => (setFrom(v), null)} />
      <SelectField label="Kind" testId="add-rel-kind" value={kind} options={REL_KINDS} onCommit={(v) => (setKind(v as RelationshipKind), null)} />
      <SelectField label="To" testId="add-rel-to" value={to} options={options} onCommit={(v) => (setTo(v), null)} />
      <button
        type="button"
        className="pm-btn pm-btn-small"
        data-testid="add-rel-submit"
        onClick={() => {
          if (!map.graph.hasNode(from) || !map.graph.hasNode(to)) return;
          const id = connect(map, from, to, kind);
          ui.update(P.selectOnly({ relationships: [id] }));
        }}
      >
        + Add relationship
      </button>
    </div>
  );
}
