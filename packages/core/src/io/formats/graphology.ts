import type { PowerMapDocument } from "../../schema/index.ts";
import { assembleGraph, metaFromNamed } from "./records-graph.ts";
import type { GraphEdgeIn, GraphNodeIn } from "./records-graph.ts";
import { ReportBuilder, emptyDocument } from "./report.ts";
import type { ImportResult } from "./report.ts";
import { graphIsUndirected, isUndirected } from "./records-flat.ts";

/** graphology's own serialisation (`graph.export()` / `Graph.from(data)`). */
export interface SerializedGraphology {
  attributes: Record<string, unknown>;
  options: { type: "directed" | "undirected" | "mixed"; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown>; undirected?: true }[];
}
/**
 * Import graphology JSON. Node attributes named like our fields (or their common synonyms:
 * label → name, x/y → position) fill the actor; other attributes go to `custom`. Edges of an
 * undirected graph (options.type "undirected", or `undirected: true`) become one relationship each,
 * kind "social" unless the edge names a valid kind, marked `custom.undirected = true`; a wholly
 * undirected graph also gets `meta.custom.graphType = "undirected"` so metrics can take the undirected view.
 */
export function importGraphology(input: string | unknown): ImportResult {
  const rb = new ReportBuilder("graphology");
  let data: unknown = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (e) {
      rb.skip("file", `not valid JSON (${(e as Error).message}); nothing imported`);
      return rb.finish(emptyDocument());
    }
  }
  if (!isObj(data) || !Array.isArray(data.nodes)) {
    rb.skip("file", 'not a graphology export: expected an object with a "nodes" array; nothing imported', "nodes");
    return rb.finish(emptyDocument());
  }
  const options = isObj(data.options) ? data.options : {};
  const graphUndirected = options.type === "undirected";
  const nodes: GraphNodeIn[] = [];
  data.nodes.forEach((node: unknown, i: number) => {
    const ref = `nodes[${i}]` + (isObj(node) && node.key !== undefined ? ` (key ${JSON.stringify(node.key)})` : "");
    if (!isObj(node) || (typeof node.key !== "string" && typeof node.key !== "number") || node.key === "") return rb.skip(ref, "node has no key", "key");
    nodes.push({ ref, id: String(node.key), named: isObj(node.attributes) ? node.attributes : {} });
  });
  const edges: GraphEdgeIn[] = [];
  (Array.isArray(data.edges) ? data.edges : []).forEach((edge: unknown, i: number) => {
    const ref = `edges[${i}]` + (isObj(edge) && edge.key !== undefined ? ` (key ${JSON.stringify(edge.key)})` : "");
    if (!isObj(edge)) return rb.skip(ref, "edge is not an object");
    const { source, target, key } = edge;
    if (typeof source !== "string" && typeof source !== "number") return rb.skip(ref, "edge has no source", "source");
    if (typeof target !== "string" && typeof target !== "number") return rb.skip(ref, "edge has no target", "target");
    const id = typeof key === "string" || typeof key === "number" ? String(key) : undefined;
    const attrs = isObj(edge.attributes) ? edge.attributes : {};
    const { weight, ...named } = attrs;
    edges.push({ ref, id, source: String(source), target: String(target), undirected: graphUndirected || edge.undirected === true, named, weight: typeof weight === "number" ? weight : undefined });
  });
  return assembleGraph(rb, nodes, edges, metaFromNamed(isObj(data.attributes) ? data.attributes : {}), graphUndirected);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Export as graphology serialisation: every actor field becomes a node attribute (position as
 * sigma's `x`/`y`), every relationship field an edge attribute; a multi graph that allows self loops.
 * Relationships marked `custom.undirected` are written as undirected edges.
 */
export function exportGraphology(doc: PowerMapDocument): SerializedGraphology {
  const allUndirected = graphIsUndirected(doc);
  const anyUndirected = doc.relationships.some(isUndirected);
  return {
    attributes: { ...doc.meta },
    options: { type: allUndirected ? "undirected" : anyUndirected ? "mixed" : "directed", multi: true, allowSelfLoops: true },
    nodes: doc.actors.map(({ id, position, ...rest }) => ({ key: id, attributes: position ? { ...rest, x: position.x, y: position.y } : { ...rest } })),
    edges: doc.relationships.map((r) => {
      const { id, from, to, ...rest } = r;
      const edge: SerializedGraphology["edges"][number] = { key: id, source: from, target: to, attributes: { ...rest } };
      if (!allUndirected && isUndirected(r)) edge.undirected = true;
      return edge;
    }),
  };
}

/** `exportGraphology` as JSON text. */
export function exportGraphologyJson(doc: PowerMapDocument): string {
  return JSON.stringify(exportGraphology(doc), null, 2) + "\n";
}

/** True for a value shaped like graphology's serialisation. */
export function detectGraphology(value: unknown): boolean {
  return isObj(value) && Array.isArray(value.nodes) && (value.edges === undefined || Array.isArray(value.edges)) &&
    (isObj(value.options) || (value.nodes as unknown[]).some((n) => isObj(n) && "key" in n));
}
