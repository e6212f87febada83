import type { PowerMapDocument } from "../../schema/index.ts";
import { writeCsv } from "./csv-parse.ts";
import { flatColumns } from "./records-flat.ts";
import type { Column } from "./records-flat.ts";
import { exportCypher, kindLabel, neo4jProps, relType } from "./neo4j-cypher.ts";

export { exportCypher, cypherString, cypherName } from "./neo4j-cypher.ts";

const NEO4J_TYPE: Record<Column["type"], string> = { string: "", list: ":string[]", integer: ":int", double: ":double", boolean: ":boolean" };

/**
 * Neo4j export (export only: powermap does not read Neo4j dumps). Returns
 * - `map.cypher`: a Cypher script (see `exportCypher`),
 * - `actors.csv` / `relationships.csv` for `neo4j-admin database import full` (headers `id:ID`,
 *   typed columns such as `stance:int` and `tags:string[]`, `:LABEL` = `Actor;<Kind>`;
 *   `:START_ID`, `:END_ID`, `:TYPE` = the kind in upper case),
 * - `import.sh`: the matching neo4j-admin command line.
 */
export function exportNeo4j(doc: PowerMapDocument): Record<string, string> {
  return { "map.cypher": exportCypher(doc), ...exportNeo4jAdminCsv(doc), "import.sh": IMPORT_SH };
}

/** Only the two `neo4j-admin import` CSV files. */
export function exportNeo4jAdminCsv(doc: PowerMapDocument): { "actors.csv": string; "relationships.csv": string } {
  const aCols = flatColumns(doc.actors, "actor");
  const hasPos = doc.actors.some((a) => a.position);
  const aHeader = ["id:ID", "name", ...aCols.map(header), ...(hasPos ? ["x:double", "y:double"] : []), ":LABEL"];
  const aRows = doc.actors.map((a) => {
    const props = new Map(neo4jProps(a, aCols));
    return [
      a.id,
      a.name,
      ...aCols.map((c) => cell(props.get(c.name))),
      ...(hasPos ? [a.position ? String(a.position.x) : "", a.position ? String(a.position.y) : ""] : []),
      `Actor;${kindLabel(a.kind)}`,
    ];
  });
  const rCols = flatColumns(doc.relationships, "relationship");
  const rHeader = [":START_ID", ":END_ID", ":TYPE", "id", ...rCols.map(header)];
  const rRows = doc.relationships.map((r) => {
    const props = new Map(neo4jProps(r, rCols));
    return [r.from, r.to, relType(r.kind), r.id, ...rCols.map((c) => cell(props.get(c.name)))];
  });
  return { "actors.csv": writeCsvRaw(aHeader, aRows), "relationships.csv": writeCsvRaw(rHeader, rRows) };
}

function header(c: Column): string {
  return c.name.replace(/[:,"\r\n]/g, "_") + NEO4J_TYPE[c.type];
}

function cell(v: string | number | boolean | string[] | undefined): string {
  if (v === undefined) return "";
  return Array.isArray(v) ? v.join(";") : String(v);
}

// neo4j-admin reads cells literally (no spreadsheet formulas), so no "'" defusing here.
function writeCsvRaw(header: string[], rows: string[][]): string {
  return writeCsv(header, rows, ",", false);
}

const IMPORT_SH = `#!/bin/sh
# Bulk import into an empty database (stop Neo4j first). --multiline-fields is needed for notes with line breaks.
neo4j-admin database import full --nodes=actors.csv --relationships=relationships.csv \\
  --multiline-fields=true --array-delimiter=";" --overwrite-destination neo4j
`;
