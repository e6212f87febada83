import { ACTOR_KINDS, RELATIONSHIP_KINDS } from "@powermap/core";
import type { PowerMapDocument } from "@powermap/core";

/*
 * TEMPORARY local adapter, used only while @powermap/core has no importData(): reads graphology's
 * JSON serialisation into a powermap document (to be validated by parse). An undirected edge becomes
 * one relationship of a symmetric kind ("social" unless its attributes name a kind), so influence
 * flows both ways. Delete once importData is available.
 */

interface SerializedGraph {
  options?: { type?: string };
  attributes?: Record<string, unknown>;
  nodes: { key: unknown; attributes?: Record<string, unknown> }[];
  edges: { key?: unknown; source: unknown; target: unknown; undirected?: boolean; attributes?: Record<string, unknown> }[];
}

/** True for an object shaped like graphology's serialisation. */
export function looksLikeGraphology(data: unknown): data is SerializedGraph {
  const d = data as Partial<SerializedGraph> | null;
  return typeof d === "object" && d !== null && Array.isArray(d.nodes) && Array.isArray(d.edges);
}

/** Converts a serialised graphology graph; `undirected` is true when every edge was undirected. */
export function documentFromGraphology(data: SerializedGraph): unknown {
  const graphUndirected = data.options?.type === "undirected";
  let allUndirected = data.edges.length > 0;
  const actors = data.nodes.map((n) => {
    const a = n.attributes ?? {};
    const name = typeof a.label === "string" && a.label.trim() ? a.label : typeof a.name === "string" && a.name.trim() ? a.name : String(n.key);
    const kind = (ACTOR_KINDS as readonly unknown[]).includes(a.kind) ? a.kind : "other";
    return { id: String(n.key), name, kind };
  });
  const relationships: Record<string, unknown>[] = [];
  data.edges.forEach((e, i) => {
    const a = e.attributes ?? {};
    const undirected = graphUndirected || e.undirected === true;
    if (!undirected) allUndirected = false;
    const kind = (RELATIONSHIP_KINDS as readonly unknown[]).includes(a.kind) ? a.kind : undirected ? "social" : "influence";
    const id = e.key === undefined ? `e${i}` : String(e.key);
    relationships.push({ id, from: String(e.source), to: String(e.target), kind });
  });
  const title = typeof data.attributes?.name === "string" ? data.attributes.name : undefined;
  const meta: Record<string, unknown> = title ? { title } : {};
  // Same marker as core's graphology importer: metrics then take the undirected view.
  if (graphUndirected || allUndirected) meta.custom = { graphType: "undirected" };
  const document: Partial<PowerMapDocument> = { format: "powermap", version: 1, meta, actors: actors as PowerMapDocument["actors"], relationships: relationships as PowerMapDocument["relationships"] };
  return document;
}
