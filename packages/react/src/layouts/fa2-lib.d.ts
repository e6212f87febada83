// Types for the three plain-JS files of graphology-layout-forceatlas2 (0.10.1) that the layout worker
// (and its tests) import directly: the single-iteration kernel, the default settings and the matrix
// builder (the package only types its graph-level entry points).
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** One FA2 iteration, in place on the node matrix (10 floats a node) and edge matrix (3 an edge). */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): object;
}
declare module "graphology-layout-forceatlas2/defaults.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
declare module "graphology-layout-forceatlas2/helpers.js" {
  import type Graph from "graphology";
  /** The library's own matrix builder (what its synchronous layout iterates on); tests compare ours with it. */
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>, source: string, target: string, sa: unknown, ta: unknown, undirected: boolean) => number,
  ): { nodes: Float32Array; edges: Float32Array };
}
