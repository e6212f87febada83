import { ACTOR_HEADER_NAMES, ACTOR_OWN, REL_OWN, RELATIONSHIP_HEADER_NAMES, actorFromRaw, rawFromNamed, relationshipFromRaw } from "./records-fields.ts";
import { text } from "./records-coerce.ts";
import { DocumentAssembler, uniqueId } from "./records.ts";
import { isUnsafeKey } from "./report.ts";
import type { ImportResult, ReportBuilder } from "./report.ts";

/** A node read from a graph file: its id and its named values (attributes/columns). */
export interface GraphNodeIn {
  ref: string;
  id: string;
  named: Record<string, unknown>;
}

/** An edge read from a graph file. `weight` is the file's edge weight, if any. */
export interface GraphEdgeIn {
  ref: string;
  id?: string;
  source: string;
  target: string;
  undirected: boolean;
  named: Record<string, unknown>;
  weight?: number;
}

/**
 * Build the document from the nodes and edges of a graph format (graphology, GEXF, GraphML).
 * A node without name/label takes its id as name (warned). An edge weight becomes
 * `custom.weight` unless the edge has a strength or the weight is the default 1 (Gephi writes
 * weight="1.0" on every unweighted edge, which must not read as "weak tie").
 * A graph whose edges are all undirected gets `meta.custom.graphType = "undirected"` ("mixed" when some are).
 */
export function assembleGraph(
  rb: ReportBuilder,
  nodes: GraphNodeIn[],
  edges: GraphEdgeIn[],
  meta: Record<string, unknown>,
  graphUndirected: boolean,
): ImportResult {
  const asm = new DocumentAssembler(rb);
  for (const n of nodes) {
    const raw = rawFromNamed(n.named, ACTOR_OWN, ACTOR_HEADER_NAMES);
    const ctx = { rb, ref: n.ref };
    let name = text(raw.fields.name, ctx, "name")?.trim();
    if (!name) {
      rb.warn(n.ref, "node has no name or label; its id is used as the name", "name");
      name = n.id;
    }
    asm.addActor(actorFromRaw(raw, ctx, n.id, name), n.ref);
  }
  const taken = new Set(edges.flatMap((e) => (e.id ? [e.id] : [])));
  let undirected = 0;
  edges.forEach((e, i) => {
    const raw = rawFromNamed(e.named, REL_OWN, RELATIONSHIP_HEADER_NAMES);
    if (e.weight !== undefined && Number.isFinite(e.weight) && e.weight !== 1 && raw.fields.strength === undefined && raw.custom.weight === undefined) {
      raw.custom.weight = e.weight;
    }
    if (e.undirected) undirected++;
    const id = e.id ? e.id : uniqueId(`e${i}`, taken);
    asm.addRelationship(relationshipFromRaw(raw, { rb, ref: e.ref }, id, e.source, e.target, e.undirected), e.ref);
  });
  const custom = { ...((meta.custom as Record<string, unknown> | undefined) ?? {}) };
  if (graphUndirected || (edges.length > 0 && undirected === edges.length)) custom.graphType = "undirected";
  else if (undirected > 0) custom.graphType = "mixed";
  const out = { ...meta };
  if (Object.keys(custom).length) out.custom = custom;
  else delete out.custom;
  return asm.finish(out);
}

/** Split graph-level values into our meta fields and `meta.custom` (scalars only). */
export function metaFromNamed(named: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(named)) {
    if (isUnsafeKey(k) || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (["title", "description", "campaign", "author", "created", "updated", "sources"].includes(k)) meta[k] = v;
    else if (k === "name" && typeof v === "string" && named.title === undefined && v.trim() !== "") meta.title = v; // networkx graph name
    else if (k === "custom" && typeof v === "object" && v !== null && !Array.isArray(v)) for (const [ck, cv] of Object.entries(v)) if (!isUnsafeKey(ck)) custom[ck] = cv;
    else if (v === null || ["string", "number", "boolean"].includes(typeof v)) custom[k] = v;
  }
  if (Object.keys(custom).length) meta.custom = custom;
  return meta;
}
