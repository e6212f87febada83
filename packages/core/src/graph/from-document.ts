import { MultiDirectedGraph } from "graphology";
import type { PowerMapDocument } from "../schema/document.ts";
import type { PowerGraph } from "./types.ts";
import { columnsOf } from "../snapshot/columns.ts";


/**
 * Builds the graph of an already validated document (see `parse`). Records are shared, not copied:
 * callers must treat them as immutable and change the map through PowerMap commands.
 */
export function graphFromDocument(doc: PowerMapDocument): PowerGraph {
  const graph: PowerGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.replaceAttributes(doc.meta);
  // Attached while the graph is empty, the analysis columns fill as the graph does (no second walk).
  columnsOf(graph);
  for (const actor of doc.actors) graph.addNode(actor.id, actor);
  for (const rel of doc.relationships) graph.addDirectedEdgeWithKey(rel.id, rel.from, rel.to, rel);
  return graph;
}
