import { ReportBuilder, emptyDocument } from "./report.ts";
import { relationshipKindOf } from "./records-kinds.ts";
import type { ImportResult } from "./report.ts";
import { assembleGraph, metaFromNamed } from "./records-graph.ts";
import type { GraphEdgeIn, GraphNodeIn } from "./records-graph.ts";
import { attr, edgeEnds, kid, kids, parseXml, textOf, typedValue } from "./xml.ts";
import type { XmlNode } from "./xml.ts";

export { exportGraphml } from "./graphml-export.ts";

interface KeyDef {
  name?: string;
  type?: string;
  default?: string;
  /** yEd graphics keys (yfiles.type nodegraphics / edgegraphics) carry the label and geometry. */
  yfiles?: string;
}

/**
 * Import GraphML (as written by networkx, Gephi, yEd and powermap). Data keys are matched by
 * `attr.name` (data elements reference them by key id), with defaults; `label`/`name` is the
 * actor name, `x`/`y` the position, `weight` a weight; yEd's graphics keys give the label
 * (y:NodeLabel / y:EdgeLabel) and position (y:Geometry). `edgedefault="undirected"` or
 * `directed="false"` make undirected edges. Only the first <graph> is read; nested graphs and
 * hyperedges are ignored.
 */
export function importGraphml(text: string): ImportResult {
  const rb = new ReportBuilder("graphml");
  const xml = parseXml(text, rb, ["key", "graph", "node", "edge", "data"]);
  if (!xml) return rb.finish(emptyDocument());
  const root = kid(xml, "graphml");
  const graph = kid(root, "graph");
  if (!root || !graph) {
    rb.skip("file", "not a GraphML file: no <graphml><graph> element; nothing imported");
    return rb.finish(emptyDocument());
  }
  const keys: Record<"node" | "edge" | "graph", Map<string, KeyDef>> = { node: new Map(), edge: new Map(), graph: new Map() };
  for (const k of kids(root, "key")) {
    const id = attr(k, "id");
    if (id === undefined) continue;
    const def: KeyDef = { name: attr(k, "attr.name"), type: attr(k, "attr.type"), default: textOf(kid(k, "default") ?? k.default), yfiles: attr(k, "yfiles.type") };
    const forWhat = attr(k, "for") ?? "all";
    for (const cls of ["node", "edge", "graph"] as const) if (forWhat === cls || forWhat === "all") keys[cls].set(id, def);
  }
  const undirectedDefault = attr(graph, "edgedefault") === "undirected";
  const nodes: GraphNodeIn[] = [];
  for (const [i, n] of kids(graph, "node").entries()) {
    const id = attr(n, "id");
    const ref = `node ${i + 1}` + (id !== undefined ? ` (id ${JSON.stringify(id)})` : "");
    if (id === undefined || id === "") {
      rb.skip(ref, "node has no id", "id");
      continue;
    }
    const named = values(n, keys.node, rb, ref);
    nodes.push({ ref, id, named });
  }
  const edges: GraphEdgeIn[] = [];
  for (const [i, e] of kids(graph, "edge").entries()) {
    const ends = edgeEnds(e, i, rb);
    if (!ends) continue;
    const { id, ref, source, target } = ends;
    const { weight, edgelabel, yedEdgeLabel, ...named } = values(e, keys.edge, rb, ref);
    if (edgelabel !== undefined && named.label === undefined) named.label = edgelabel;
    // yEd users write the relationship type on the edge: use it as the kind when it is one we know
    if (typeof yedEdgeLabel === "string") {
      if (named.kind === undefined && relationshipKindOf(yedEdgeLabel)) named.kind = yedEdgeLabel;
      else if (named.label === undefined) named.label = yedEdgeLabel;
    }
    const directed = attr(e, "directed");
    const undirected = directed === undefined ? undirectedDefault : directed === "false";
    const w = typeof weight === "number" ? weight : typeof weight === "string" ? Number(weight) : undefined;
    edges.push({ ref, id, source, target, undirected, named, weight: w });
  }
  const graphNamed = values(graph, keys.graph, rb, "graph");
  return assembleGraph(rb, nodes, edges, metaFromNamed(graphNamed), undirectedDefault && edges.every((e) => e.undirected));
}

function values(el: XmlNode, keys: Map<string, KeyDef>, rb: ReportBuilder, ref: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of keys.values()) if (d.name !== undefined && d.default !== undefined) out[d.name] = typedValue(d.default, d.type);
  for (const data of kids(el, "data")) {
    const keyId = attr(data, "key");
    if (keyId === undefined) continue;
    const d = keys.get(keyId);
    if (d?.yfiles || (d === undefined && hasYedGraphics(data))) {
      yedGraphics(data, out);
      continue;
    }
    const value = textOf(data);
    if (value === undefined) continue;
    if (d === undefined) rb.warn(ref, `data refers to undeclared key ${JSON.stringify(keyId)}; kept under that name`, keyId);
    out[d?.name ?? keyId] = typedValue(value, d?.type);
  }
  return out;
}

function hasYedGraphics(data: XmlNode): boolean {
  return Object.keys(data).some((k) => /Node$|Edge$/.test(k));
}

/** Pull the label and geometry out of yEd's <y:ShapeNode>, <y:GenericNode>, <y:PolyLineEdge> … */
function yedGraphics(data: XmlNode, out: Record<string, unknown>): void {
  for (const [k, g] of Object.entries(data)) {
    if (typeof g !== "object" || g === null || !/Node$|Edge$/.test(k)) continue;
    const nodeLabel = textOf(kid(g, "NodeLabel") ?? (g as XmlNode).NodeLabel)?.trim();
    if (nodeLabel && out.label === undefined && out.name === undefined) out.label = nodeLabel;
    const edgeLabel = textOf(kid(g, "EdgeLabel") ?? (g as XmlNode).EdgeLabel)?.trim();
    if (edgeLabel) out.yedEdgeLabel = edgeLabel;
    const geo = kid(g, "Geometry");
    if (geo && out.x === undefined && out.y === undefined) {
      out.x = attr(geo, "x");
      out.y = attr(geo, "y");
    }
  }
}

/** True for text whose root element is <graphml>. */
export function detectGraphml(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<graphml[\s>]/.test(text.slice(0, 4096).replace(/^\uFEFF/, ""));
}
