import type { PowerGraph } from "./types.ts";

/** What analysis functions accept: a PowerMap (anything with `.graph`) or a bare PowerGraph. */
export type MapLike = PowerGraph | { readonly graph: PowerGraph };

export function graphOf(map: MapLike): PowerGraph {
  return "graph" in map && typeof (map as { graph?: unknown }).graph === "object" ? (map as { graph: PowerGraph }).graph : (map as PowerGraph);
}
