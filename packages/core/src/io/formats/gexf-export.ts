import type { PowerMapDocument } from "../../schema/index.ts";
import { flatColumns, flatValue, graphIsUndirected, isUndirected } from "./records-flat.ts";
import type { Column } from "./records-flat.ts";
import { xmlAttrs, xmlEscape } from "./xml.ts";

const GEXF_TYPE: Record<Column["type"], string> = { string: "string", list: "string", integer: "integer", double: "double", boolean: "boolean" };

/**
 * Export GEXF 1.3 for Gephi: actor and relationship fields as declared attribute columns (kind,
 * roles, stance, power, tags … so Gephi can filter and colour by them), name as node label,
 * position as `viz:position`, relationship kind as the edge `kind` (parallel edges of different
 * kinds stay apart), strength as `weight`. Lists are joined with "; ", sources are JSON text.
 */
export function exportGexf(doc: PowerMapDocument): string {
  const nodeCols = flatColumns(doc.actors, "actor");
  const edgeCols = flatColumns(doc.relationships, "relationship", ["kind", "label"]);
  const undirected = graphIsUndirected(doc);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  out.push(`  <meta${xmlAttrs({ lastmodifieddate: doc.meta.updated?.slice(0, 10) })}>`);
  out.push("    <creator>powermap</creator>");
  if (doc.meta.title) out.push(`    <title>${xmlEscape(doc.meta.title)}</title>`);
  if (doc.meta.description) out.push(`    <description>${xmlEscape(doc.meta.description)}</description>`);
  out.push("  </meta>");
  out.push(`  <graph mode="static" defaultedgetype="${undirected ? "undirected" : "directed"}">`);
  for (const [cls, cols] of [["node", nodeCols], ["edge", edgeCols]] as const) {
    if (!cols.length) continue;
    out.push(`    <attributes class="${cls}">`);
    for (const c of cols) out.push(`      <attribute${xmlAttrs({ id: c.name, title: c.name, type: GEXF_TYPE[c.type] })}/>`);
    out.push("    </attributes>");
  }
  out.push("    <nodes>");
  for (const a of doc.actors) {
    const vals = attvalues(a, nodeCols);
    const pos = a.position ? `<viz:position${xmlAttrs({ x: a.position.x, y: a.position.y, z: 0 })}/>` : "";
    out.push(`      <node${xmlAttrs({ id: a.id, label: a.name })}>${vals}${pos}</node>`);
  }
  out.push("    </nodes>");
  out.push("    <edges>");
  for (const r of doc.relationships) {
    const type = !undirected && isUndirected(r) ? "undirected" : undefined;
    const attrs = xmlAttrs({ id: r.id, source: r.from, target: r.to, kind: r.kind, label: r.label, weight: r.strength, type });
    out.push(`      <edge${attrs}>${attvalues(r, edgeCols)}</edge>`);
  }
  out.push("    </edges>");
  out.push("  </graph>");
  out.push("</gexf>");
  return out.join("\n") + "\n";
}

function attvalues(rec: Parameters<typeof flatValue>[0], cols: Column[]): string {
  const vals = cols.flatMap((c) => {
    const v = flatValue(rec, c);
    return v === undefined ? [] : [`<attvalue${xmlAttrs({ for: c.name, value: v })}/>`];
  });
  return vals.length ? `<attvalues>${vals.join("")}</attvalues>` : "";
}
