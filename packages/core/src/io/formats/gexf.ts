import { ReportBuilder, emptyDocument } from "./report.ts";
import type { ImportResult } from "./report.ts";
import { assembleGraph, metaFromNamed } from "./records-graph.ts";
import type { GraphEdgeIn, GraphNodeIn } from "./records-graph.ts";
import { RELATIONSHIP_HEADER_NAMES, headerKey } from "./records-fields.ts";
import { attr, edgeEnds, kid, kids, parseXml, textOf, typedValue } from "./xml.ts";
import type { XmlNode } from "./xml.ts";

export { exportGexf } from "./gexf-export.ts";

interface AttrDef {
  name: string;
  type?: string;
  default?: string;
}

/**
 * Import GEXF (1.1–1.3, as written by Gephi, networkx and powermap). Attribute columns are
 * matched by title (attvalues reference them by id); node `label` is the name, `viz:position`
 * the position, edge `kind` (1.3) or a kind column the relationship kind, `type="undirected"` or
 * `defaultedgetype="undirected"|"mutual"` an undirected edge. Colours, sizes, dynamics (spells) and
 * nested nodes are not read.
 */
export function importGexf(text: string): ImportResult {
  const rb = new ReportBuilder("gexf");
  const xml = parseXml(text, rb, ["attributes", "attribute", "node", "edge", "attvalue", "nodes", "edges"]);
  if (!xml) return rb.finish(emptyDocument());
  const root = kid(xml, "gexf");
  const graph = kid(root, "graph");
  if (!root || !graph) {
    rb.skip("file", "not a GEXF file: no <gexf><graph> element; nothing imported");
    return rb.finish(emptyDocument());
  }
  const defs: Record<"node" | "edge", Map<string, AttrDef>> = { node: new Map(), edge: new Map() };
  for (const block of kids(graph, "attributes")) {
    const cls = attr(block, "class") === "edge" ? "edge" : attr(block, "class") === "node" ? "node" : undefined;
    if (!cls) continue;
    for (const a of kids(block, "attribute")) {
      const id = attr(a, "id");
      if (id === undefined) continue;
      const def = textOf(kid(a, "default") ?? a.default);
      defs[cls].set(id, { name: attr(a, "title") ?? id, type: attr(a, "type"), default: def });
    }
  }
  const defaultUndirected = ["undirected", "mutual"].includes(attr(graph, "defaultedgetype") ?? "");
  const nodes: GraphNodeIn[] = [];
  for (const [i, n] of kids(kid(graph, "nodes"), "node").entries()) {
    const id = attr(n, "id");
    const ref = `node ${i + 1}` + (id !== undefined ? ` (id ${JSON.stringify(id)})` : "");
    if (id === undefined || id === "") {
      rb.skip(ref, "node has no id", "id");
      continue;
    }
    const named = values(n, defs.node);
    const label = attr(n, "label");
    if (label !== undefined && named.name === undefined && named.label === undefined) named.label = label;
    const pos = kid(n, "position");
    if (pos && named.x === undefined && named.y === undefined) {
      named.x = attr(pos, "x");
      named.y = attr(pos, "y");
    }
    nodes.push({ ref, id, named });
  }
  const edges: GraphEdgeIn[] = [];
  for (const [i, e] of kids(kid(graph, "edges"), "edge").entries()) {
    const ends = edgeEnds(e, i, rb);
    if (!ends) continue;
    const { id, ref, source, target } = ends;
    const named = values(e, defs.edge);
    const label = attr(e, "label");
    if (label !== undefined && named.label === undefined) named.label = label;
    // the 1.3 edge `kind` attribute, unless a column already gives the relationship type
    const kind = attr(e, "kind");
    const kindNames = RELATIONSHIP_HEADER_NAMES.kind;
    if (kind !== undefined && !Object.keys(named).some((k) => kindNames.includes(headerKey(k)))) named.kind = kind;
    const type = attr(e, "type");
    const undirected = type === undefined ? defaultUndirected : type === "undirected" || type === "mutual";
    const w = attr(e, "weight");
    edges.push({ ref, id, source, target, undirected, named, weight: w === undefined ? undefined : Number(w) });
  }
  const meta = kid(root, "meta");
  const metaNamed: Record<string, unknown> = {};
  const modified = meta ? attr(meta, "lastmodifieddate") : undefined;
  if (modified && /^\d{4}-\d{2}-\d{2}$/.test(modified)) metaNamed.updated = modified;
  const graphName = attr(graph, "name");
  if (graphName?.trim()) metaNamed.name = graphName.trim();
  for (const k of ["title", "description"]) {
    const v = textOf(kid(meta, k) ?? meta?.[k]);
    if (v?.trim()) metaNamed[k] = v.trim();
  }
  return assembleGraph(rb, nodes, edges, metaFromNamed(metaNamed), defaultUndirected && edges.every((e) => e.undirected));
}

/** Column values of one node/edge: defaults first, then attvalues (by attribute id, else by the name used). */
function values(el: XmlNode, defs: Map<string, AttrDef>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of defs.values()) if (d.default !== undefined) out[d.name] = typedValue(d.default, d.type);
  for (const av of kids(kid(el, "attvalues"), "attvalue")) {
    const key = attr(av, "for") ?? attr(av, "id");
    const value = attr(av, "value");
    if (key === undefined || value === undefined) continue;
    const d = defs.get(key);
    out[d?.name ?? key] = typedValue(value, d?.type);
  }
  return out;
}

/** True for text whose root element is <gexf>. */
export function detectGexf(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<gexf[\s>]/.test(text.slice(0, 4096).replace(/^\uFEFF/, ""));
}
