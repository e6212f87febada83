import type { AnalysisSnapshot } from "../snapshot/types.ts";
import type { PowerGraph } from "./types.ts";

/**
 * What analysis functions accept: a PowerMap (anything with `.graph`) or a bare PowerGraph. With
 * `snapshot`, measures and queries read that analysis snapshot instead of building one from the
 * graph, which then only has to hold the actors (ids and names): e.g. a web worker that received
 * the relationships as arrays (`snapshotFromDocument`) and never builds the full graph.
 */
export type MapLike = PowerGraph | { readonly graph: PowerGraph; readonly snapshot?: AnalysisSnapshot };

export function graphOf(map: MapLike): PowerGraph {
  return "graph" in map && typeof (map as { graph?: unknown }).graph === "object" ? (map as { graph: PowerGraph }).graph : (map as PowerGraph);
}
