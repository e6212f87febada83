import type { Actor, PowerMapDocument, Relationship } from "../../schema/index.ts";
import { parseCsvTable, restoreFormula, writeCsv } from "./csv-parse.ts";
import type { CsvTable } from "./csv-parse.ts";
import { detectCsvMapping, looksLikeRelationshipSheet } from "./csv-mapping.ts";
import type { CsvHeaderOptions, CsvMapping } from "./csv-mapping.ts";
import { ACTOR_HEADER_NAMES, RELATIONSHIP_HEADER_NAMES, actorFromRaw, emptyRaw, headerKey, relationshipFromRaw } from "./records-fields.ts";
import type { ActorField, RawRecord, RelationshipField } from "./records-fields.ts";
import { DocumentAssembler, slug, uniqueId } from "./records.ts";
import { ReportBuilder, isUnsafeKey } from "./report.ts";
import { listCell } from "./records-coerce.ts";
import type { ImportResult } from "./report.ts";

export type { CsvHeaderOptions } from "./csv-mapping.ts";

/** The two sheets organizers keep. Either may be missing (a relationships-only sheet is an edge list). */
export interface CsvSheets {
  actors?: string;
  relationships?: string;
  /** File names used in the report (default actors.csv / relationships.csv). */
  actorsName?: string;
  relationshipsName?: string;
}

/**
 * Import an actors sheet and a relationships sheet. Columns are matched by common names (see the
 * README table) unless `options` names them. Relationship endpoints are actor ids or names
 * (case-insensitive, aliases too); with no actors sheet, actors are created from the names used.
 * Unknown columns go to `custom`. Every problem is reported by file, line and field.
 */
export function importCsv(sheets: CsvSheets | string, options: CsvHeaderOptions = {}): ImportResult {
  const rb = new ReportBuilder("csv");
  let input: CsvSheets = typeof sheets === "string" ? {} : sheets;
  if (typeof sheets === "string") {
    const t = parseCsvTable(sheets, options.delimiter);
    input = looksLikeRelationshipSheet(t.header) ? { relationships: sheets } : { actors: sheets };
  }
  const asm = new DocumentAssembler(rb);
  const index = new NameIndex();
  const aName = input.actorsName ?? "actors.csv";
  const rName = input.relationshipsName ?? "relationships.csv";
  if (input.actors !== undefined) readActors(parseCsvTable(input.actors, options.delimiter), aName, options, rb, asm, index);
  if (input.relationships !== undefined) {
    readRelationships(parseCsvTable(input.relationships, options.delimiter), rName, options, rb, asm, index, input.actors === undefined);
  }
  if (input.actors === undefined && input.relationships === undefined) rb.skip("input", "no actors or relationships sheet given");
  return asm.finish();
}

/** Lower-cased names and aliases → actor ids, for resolving relationship endpoints. */
class NameIndex {
  readonly ids = new Set<string>();
  private readonly byName = new Map<string, string[]>();
  add(id: string, names: (string | undefined)[]): void {
    this.ids.add(id);
    for (const n of names) {
      if (!n) continue;
      const k = n.trim().toLowerCase();
      const list = this.byName.get(k) ?? [];
      if (!list.includes(id)) list.push(id);
      this.byName.set(k, list);
    }
  }
  resolve(v: string): string[] {
    if (this.ids.has(v)) return [v];
    return this.byName.get(v.trim().toLowerCase()) ?? [];
  }
}

function tableProblems(t: CsvTable, file: string, rb: ReportBuilder): void {
  if (t.unterminatedQuoteAt !== undefined) rb.change(`${file} line ${t.unterminatedQuoteAt}`, "a quoted field is never closed; the rest of the file was read as one field");
  for (const r of t.ragged) rb.warn(`${file} line ${r.line}`, `row has ${r.cells} cells but the header has ${t.header.length}`);
}

function rawFromRow(t: CsvTable, cells: string[], mapping: CsvMapping<string>): RawRecord {
  const raw = emptyRaw();
  const mapped = new Map<number, string>();
  for (const [field, idx] of Object.entries(mapping) as [string, number][]) mapped.set(idx, field);
  t.header.forEach((h, i) => {
    const cell = restoreFormula(cells[i] ?? "");
    const field = mapped.get(i);
    if (field !== undefined) raw.fields[field] = cell;
    else if (cell.trim() !== "" && h !== "") {
      const m = /^(custom|externalids)[.:](.+)$/i.exec(h);
      if (m?.[2] && !isUnsafeKey(m[2])) (m[1]?.toLowerCase() === "custom" ? raw.custom : raw.externalIds)[m[2]] = cell;
      else if (!isUnsafeKey(h)) raw.custom[h] = cell;
    }
  });
  return raw;
}

function missingColumn(file: string, field: string, names: string[], rb: ReportBuilder): void {
  rb.skip(file, `missing required column "${field}" (looked for: ${names.join(", ")}); no row of this sheet was read`, field);
}

function readActors(t: CsvTable, file: string, options: CsvHeaderOptions, rb: ReportBuilder, asm: DocumentAssembler, index: NameIndex): void {
  tableProblems(t, file, rb);
  const { mapping, unmatched } = detectCsvMapping<ActorField>(t.header, "actors", options.actors);
  for (const u of unmatched) rb.warn(file, `header mapping names column "${u.column}", which is not in the sheet`, u.field);
  if (mapping.name === undefined) return missingColumn(file, "name", ACTOR_HEADER_NAMES.name, rb);
  const taken = new Set<string>();
  for (const row of t.rows) {
    const ref = `${file} line ${row.line}`;
    const raw = rawFromRow(t, row.cells, mapping);
    const name = String(raw.fields.name ?? "").trim();
    if (name === "") {
      rb.skip(ref, "actor has no name", "name");
      continue;
    }
    const given = String(raw.fields.id ?? "").trim();
    const id = given !== "" ? given : uniqueId(slug(name), taken);
    taken.add(id);
    const cand = actorFromRaw(raw, { rb, ref }, id, name);
    const kept = asm.addActor(cand, ref);
    if (kept !== undefined) index.add(kept, [name, ...((cand.aliases as string[] | undefined) ?? [])]);
  }
}

function readRelationships(
  t: CsvTable,
  file: string,
  options: CsvHeaderOptions,
  rb: ReportBuilder,
  asm: DocumentAssembler,
  index: NameIndex,
  createActors: boolean,
): void {
  tableProblems(t, file, rb);
  const { mapping, unmatched } = detectCsvMapping<RelationshipField>(t.header, "relationships", options.relationships);
  for (const u of unmatched) rb.warn(file, `header mapping names column "${u.column}", which is not in the sheet`, u.field);
  let ok = true;
  for (const f of ["from", "to"] as const) {
    if (mapping[f] === undefined) {
      missingColumn(file, f, RELATIONSHIP_HEADER_NAMES[f], rb);
      ok = false;
    }
  }
  if (!ok) return;
  if (mapping.kind === undefined && t.rows.length) rb.warn(file, 'no relationship kind column; every relationship is "influence"', "kind");
  const taken = new Set<string>();
  const created = new Set<string>();
  for (const row of t.rows) {
    const ref = `${file} line ${row.line}`;
    const raw = rawFromRow(t, row.cells, mapping);
    const ends: string[] = [];
    for (const f of ["from", "to"] as const) {
      const v = String(raw.fields[f] ?? "").trim();
      if (v === "") {
        rb.skip(ref, `relationship has no "${f}" actor`, f);
        break;
      }
      let ids = index.resolve(v);
      if (ids.length === 0 && createActors) {
        const id = uniqueId(slug(v), index.ids);
        index.ids.delete(id);
        if (asm.addActor({ id, name: v, kind: "other" }, ref) !== undefined) {
          index.add(id, [v]);
          created.add(id);
        }
        ids = index.resolve(v);
      }
      if (ids.length > 1) {
        rb.skip(ref, `"${v}" matches several actors (${ids.join(", ")}); use the actor id`, f);
        break;
      }
      ends.push(ids[0] ?? v); // an unresolved name stays and is reported as dangling
    }
    if (ends.length < 2) continue;
    const given = String(raw.fields.id ?? "").trim();
    const id = given !== "" ? given : uniqueId(`r${row.line}`, taken);
    taken.add(id);
    asm.addRelationship(relationshipFromRaw(raw, { rb, ref }, id, ends[0] as string, ends[1] as string, false), ref);
  }
  if (created.size) rb.warn(file, `no actors sheet: ${created.size} actors were created from the names used, with kind "other"`);
}

const ACTOR_COLS = ["id", "name", "kind", "roles", "stance", "power", "powerSources", "selfInterest", "aliases", "title", "description", "tags", "notes", "sources"] as const;
const REL_COLS = ["id", "from", "to", "kind", "label", "strength", "startDate", "endDate", "current", "title", "isBoard", "isExecutive", "percentage", "amount", "currency", "date", "tags", "notes", "sources"] as const;

/**
 * Export the map as `{ "actors.csv", "relationships.csv" }` in the shape `importCsv` reads back.
 * Lists are joined with "; ", sources written as `Title <url>` entries, custom fields as their own
 * columns; cells that a spreadsheet would run as a formula get a leading "'".
 */
export function exportCsv(doc: PowerMapDocument): Record<string, string> {
  const hasPos = doc.actors.some((a) => a.position);
  const aExtra = extraColumns(doc.actors, ACTOR_HEADER_NAMES);
  const aHeader = [...ACTOR_COLS, ...(hasPos ? ["x", "y"] : []), ...aExtra.map((c) => c.header)];
  const aRows = doc.actors.map((a) => [
    ...ACTOR_COLS.map((c) => cell(a, c)),
    ...(hasPos ? [a.position ? String(a.position.x) : "", a.position ? String(a.position.y) : ""] : []),
    ...aExtra.map((c) => c.get(a)),
  ]);
  const rExtra = extraColumns(doc.relationships, RELATIONSHIP_HEADER_NAMES);
  const rHeader = [...REL_COLS, ...rExtra.map((c) => c.header)];
  const rRows = doc.relationships.map((r) => [...REL_COLS.map((c) => cell(r, c)), ...rExtra.map((c) => c.get(r))]);
  return { "actors.csv": writeCsv(aHeader, aRows), "relationships.csv": writeCsv(rHeader, rRows) };
}

function cell(r: Actor | Relationship, col: string): string {
  const v: unknown = r[col];
  if (v === undefined || v === null) return "";
  if (col === "sources") return (v as { url?: string; title?: string }[]).map((s) => (s.url && s.title ? `${s.title} <${s.url}>` : (s.url ?? s.title ?? ""))).join("; ");
  if (Array.isArray(v)) return listCell(v);
  return String(v);
}

function extraColumns(records: readonly (Actor | Relationship)[], names: Record<string, string[]>): { header: string; get: (r: Actor | Relationship) => string }[] {
  const known = new Set(Object.values(names).flat());
  const ext = new Set<string>();
  const custom = new Set<string>();
  for (const r of records) {
    Object.keys(r.externalIds ?? {}).forEach((k) => ext.add(k));
    Object.keys(r.custom ?? {}).forEach((k) => custom.add(k));
  }
  return [
    ...[...ext].sort().map((k) => ({ header: `externalIds.${k}`, get: (r: Actor | Relationship) => r.externalIds?.[k] ?? "" })),
    ...[...custom].sort().map((k) => ({
      // a custom key that looks like a known column or a prefix would be misread: prefix it
      header: known.has(headerKey(k)) || /^(custom|externalids)[.:]/i.test(k) ? `custom.${k}` : k,
      get: (r: Actor | Relationship) => {
        const v = r.custom?.[k];
        return v === undefined || v === null ? "" : String(v);
      },
    })),
  ];
}
