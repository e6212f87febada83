import type { Actor, PowerMapDocument, Relationship } from "../../schema/index.ts";
import { listCell } from "./records-coerce.ts";

/**
 * The flat column model shared by the attribute-table exports (GEXF, GraphML, Neo4j CSV): every
 * record field becomes one typed scalar column; lists are joined with "; ", sources are JSON text,
 * `externalIds.<k>` and `custom.<k>` become one column per key.
 */
export type ColumnType = "string" | "integer" | "double" | "boolean" | "list";
export interface Column {
  name: string;
  type: ColumnType;
}

const ACTOR_COLUMNS: Column[] = [
  { name: "kind", type: "string" },
  { name: "roles", type: "list" },
  { name: "stance", type: "integer" },
  { name: "power", type: "integer" },
  { name: "powerSources", type: "list" },
  { name: "selfInterest", type: "string" },
  { name: "aliases", type: "list" },
  { name: "title", type: "string" },
  { name: "description", type: "string" },
  { name: "tags", type: "list" },
  { name: "notes", type: "string" },
  { name: "sources", type: "string" },
];

const REL_COLUMNS: Column[] = [
  { name: "kind", type: "string" },
  { name: "label", type: "string" },
  { name: "strength", type: "integer" },
  { name: "startDate", type: "string" },
  { name: "endDate", type: "string" },
  { name: "current", type: "boolean" },
  { name: "title", type: "string" },
  { name: "isBoard", type: "boolean" },
  { name: "isExecutive", type: "boolean" },
  { name: "percentage", type: "double" },
  { name: "amount", type: "double" },
  { name: "currency", type: "string" },
  { name: "date", type: "string" },
  { name: "tags", type: "list" },
  { name: "notes", type: "string" },
  { name: "sources", type: "string" },
];

type Rec = Actor | Relationship;
export type FlatValue = string | number | boolean;

/** Columns used by at least one record (fixed ones first, then externalIds.*, then custom.*). */
export function flatColumns(records: readonly Rec[], which: "actor" | "relationship", skip: readonly string[] = []): Column[] {
  const fixed = (which === "actor" ? ACTOR_COLUMNS : REL_COLUMNS).filter(
    (c) => !skip.includes(c.name) && records.some((r) => r[c.name] !== undefined),
  );
  const ext = new Set<string>();
  const custom = new Map<string, ColumnType | "mixed">();
  for (const r of records) {
    for (const k of Object.keys(r.externalIds ?? {})) ext.add(k);
    for (const [k, v] of Object.entries(r.custom ?? {})) {
      if (v === null) continue;
      const t: ColumnType = typeof v === "boolean" ? "boolean" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "double") : "string";
      const prev = custom.get(k);
      custom.set(k, prev === undefined || prev === t ? t : (prev === "integer" && t === "double") || (prev === "double" && t === "integer") ? "double" : "mixed");
    }
  }
  return [
    ...fixed,
    ...[...ext].sort().map((k) => ({ name: `externalIds.${k}`, type: "string" as const })),
    ...[...custom].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, t]) => ({ name: `custom.${k}`, type: t === "mixed" ? ("string" as const) : t })),
  ];
}

/** A record's value for a flat column, or undefined when it has none. */
export function flatValue(r: Rec, col: Column): FlatValue | undefined {
  if (col.name.startsWith("externalIds.")) return r.externalIds?.[col.name.slice(12)];
  if (col.name.startsWith("custom.")) {
    const v = r.custom?.[col.name.slice(7)];
    if (v === null || v === undefined) return undefined;
    return col.type === "string" ? String(v) : v;
  }
  const v: unknown = r[col.name];
  if (v === undefined) return undefined;
  if (col.name === "sources") return JSON.stringify(v);
  if (col.type === "list") return listCell(v as string[]);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

/** Whether every relationship is undirected (imported from an undirected graph). */
export function graphIsUndirected(doc: PowerMapDocument): boolean {
  const custom = (doc.meta as { custom?: { graphType?: unknown } }).custom;
  return custom?.graphType === "undirected";
}

/** Whether one relationship came from an undirected edge. */
export function isUndirected(r: Relationship): boolean {
  return r.custom?.undirected === true;
}
