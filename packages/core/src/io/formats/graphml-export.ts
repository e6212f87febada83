import type { PowerMapDocument } from "../../schema/index.ts";
import { flatColumns, flatValue, graphIsUndirected, isUndirected } from "./records-flat.ts";
import type { Column } from "./records-flat.ts";
import { xmlAttrs, xmlEscape } from "./xml.ts";

const GRAPHML_TYPE: Record<Column["type"], string> = { string: "string", list: "string", integer: "int", double: "double", boolean: "boolean" };

/**
 * Export GraphML with one declared key per field (`attr.name` = our field name, so Gephi, yEd and
 * networkx show named columns): the actor name as `label`, position as `x`/`y`, strength also as
 * `weight` (what Gephi and networkx use). Undirected relationships get `directed="false"`.
 */
export function exportGraphml(doc: PowerMapDocument): string {
  const undirected = graphIsUndirected(doc);
  const keyLines: string[] = [];
  let n = 0;
  const declare = (forWhat: string, cols: Column[]): { col: Column; id: string }[] =>
    cols.map((col) => {
      const id = `d${n++}`;
      keyLines.push(`  <key${xmlAttrs({ id, for: forWhat, "attr.name": col.name, "attr.type": GRAPHML_TYPE[col.type] })}/>`);
      return { col, id };
    });
  const graphKeys = declare(
    "graph",
    ["title", "description", "campaign", "author", "created", "updated"].filter((k) => typeof doc.meta[k] === "string").map((name): Column => ({ name, type: "string" })),
  );
  const hasPos = doc.actors.some((a) => a.position);
  const nodeKeys = declare("node", [{ name: "label", type: "string" }, ...flatColumns(doc.actors, "actor"), ...(hasPos ? ([{ name: "x", type: "double" }, { name: "y", type: "double" }] as Column[]) : [])]);
  const hasStrength = doc.relationships.some((r) => r.strength !== undefined);
  const edgeKeys = declare("edge", [...flatColumns(doc.relationships, "relationship"), ...(hasStrength ? ([{ name: "weight", type: "double" }] as Column[]) : [])]);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines,
    `  <graph id="G" edgedefault="${undirected ? "undirected" : "directed"}">`,
  ];
  for (const { col, id } of graphKeys) out.push(`    <data key="${id}">${xmlEscape(String(doc.meta[col.name]))}</data>`);
  for (const a of doc.actors) {
    const data = nodeKeys.flatMap(({ col, id }) => {
      const v = col.name === "label" ? a.name : col.name === "x" ? a.position?.x : col.name === "y" ? a.position?.y : flatValue(a, col);
      return v === undefined ? [] : [`<data key="${id}">${xmlEscape(String(v))}</data>`];
    });
    out.push(`    <node${xmlAttrs({ id: a.id })}>${data.join("")}</node>`);
  }
  for (const r of doc.relationships) {
    const data = edgeKeys.flatMap(({ col, id }) => {
      const v = col.name === "weight" ? r.strength : flatValue(r, col);
      return v === undefined ? [] : [`<data key="${id}">${xmlEscape(String(v))}</data>`];
    });
    const directed = !undirected && isUndirected(r) ? "false" : undefined;
    out.push(`    <edge${xmlAttrs({ id: r.id, source: r.from, target: r.to, directed })}>${data.join("")}</edge>`);
  }
  out.push("  </graph>", "</graphml>");
  return out.join("\n") + "\n";
}
