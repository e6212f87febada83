import type { Actor, PowerMapDocument, Relationship } from "../../schema/index.ts";
import { flatColumns, flatValue } from "./records-flat.ts";
import type { Column } from "./records-flat.ts";

/**
 * A Cypher string literal. Every character that could end the literal or confuse a reader is
 * escaped (backslash, both quotes, control characters as \uXXXX), so hostile text stays data.
 */
export function cypherString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += "\\u" + c.toString(16).padStart(4, "0");
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd"; // a lone surrogate cannot be encoded
    else out += ch;
  }
  return out + "'";
}

/** A backquoted Cypher name (label, type, property key); a backquote inside is doubled. */
export function cypherName(s: string): string {
  return "`" + s.replace(/`/g, "``") + "`";
}

/** A Cypher literal for a property value. */
export function cypherValue(v: string | number | boolean | string[]): string {
  if (Array.isArray(v)) return "[" + v.map(cypherString).join(", ") + "]";
  if (typeof v === "string") return cypherString(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  return v ? "true" : "false";
}

/** The node label for an actor kind: "government_body" → "GovernmentBody". */
export function kindLabel(kind: string): string {
  return kind.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

/** The relationship type for a kind: "donation" → "DONATION". */
export function relType(kind: string): string {
  return kind.toUpperCase();
}

/** Neo4j property map of a record: lists stay lists (Neo4j stores string arrays), sources are JSON text. */
export function neo4jProps(rec: Actor | Relationship, cols: Column[]): [string, string | number | boolean | string[]][] {
  const out: [string, string | number | boolean | string[]][] = [];
  for (const c of cols) {
    const raw: unknown = rec[c.name];
    if (c.type === "list" && Array.isArray(raw)) out.push([c.name, raw as string[]]);
    else {
      const v = flatValue(rec, c);
      if (v !== undefined) out.push([c.name, v]);
    }
  }
  return out;
}

const BATCH = 500;

/**
 * A Cypher script that builds the map in Neo4j: a uniqueness constraint, then `UNWIND` batches of
 * literal rows that `MERGE` actors by id (label `Actor` plus one per kind) and relationships by id
 * (type per kind). Re-running it updates instead of duplicating. Run with `cypher-shell -f`.
 */
export function exportCypher(doc: PowerMapDocument): string {
  const out: string[] = [
    "// powermap export: run with  cypher-shell -f map.cypher",
    "CREATE CONSTRAINT powermap_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;",
  ];
  const aCols = flatColumns(doc.actors, "actor");
  const rowOf = (id: string, props: [string, string | number | boolean | string[]][]) =>
    `{id: ${cypherString(id)}, props: {${props.map(([k, v]) => `${cypherName(k)}: ${cypherValue(v)}`).join(", ")}}}`;
  for (const [kind, actors] of groupBy(doc.actors, (a) => a.kind)) {
    for (let i = 0; i < actors.length; i += BATCH) {
      const rows = actors.slice(i, i + BATCH).map((a) => {
        const props: [string, string | number | boolean | string[]][] = [["name", a.name], ...neo4jProps(a, aCols)];
        if (a.position) props.push(["x", a.position.x], ["y", a.position.y]);
        return "  " + rowOf(a.id, props);
      });
      out.push(`UNWIND [\n${rows.join(",\n")}\n] AS row\nMERGE (a:Actor {id: row.id})\nSET a += row.props, a:${cypherName(kindLabel(kind))};`);
    }
  }
  const rCols = flatColumns(doc.relationships, "relationship");
  for (const [kind, rels] of groupBy(doc.relationships, (r) => r.kind)) {
    for (let i = 0; i < rels.length; i += BATCH) {
      const rows = rels.slice(i, i + BATCH).map((r) => `  {from: ${cypherString(r.from)}, to: ${cypherString(r.to)}, ${rowOf(r.id, neo4jProps(r, rCols)).slice(1)}`);
      out.push(
        `UNWIND [\n${rows.join(",\n")}\n] AS row\nMATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})\nMERGE (a)-[r:${cypherName(relType(kind))} {id: row.id}]->(b)\nSET r += row.props;`,
      );
    }
  }
  return out.join("\n") + "\n";
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
