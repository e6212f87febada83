/**
 * What a ForceAtlas2 run works on: the settings (the editor's, unchanged since the supervisor days)
 * and the typed matrices graphology's FA2 iterates on, built from the display graph exactly as
 * graphology-layout-forceatlas2's `graphToByteArrays` does — so a run in our worker gives the same
 * positions as the library's synchronous `forceAtlas2(graph, …)` for the same iterations.
 */
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import FA2_DEFAULTS from "graphology-layout-forceatlas2/defaults.js";
import type Graph from "graphology";

/** Floats per node / per edge in the matrices (graphology-layout-forceatlas2's PPN / PPE). */
export const NODE_STRIDE = 10;
export const EDGE_STRIDE = 3;

export type FA2Settings = Required<ForceAtlas2Settings>;

/** The editor's FA2 settings for a graph of `order` nodes: `inferSettings`, Barnes–Hut above 500, no size adjustment. */
export function layoutSettings(order: number): FA2Settings {
  return { ...FA2_DEFAULTS, ...forceAtlas2.inferSettings(order), adjustSizes: false, barnesHutOptimize: order > 500 };
}

export interface LayoutMatrices {
  /** Node ids in matrix order (the graph's iteration order). */
  ids: string[];
  nodes: Float32Array;
  edges: Float32Array;
}

/** Edge weight read from attribute `size` (1 when absent or not a number), as the library's `getEdgeWeight: "size"`. */
function weightOf(attr: { size?: unknown }): number {
  const w = attr.size;
  return typeof w === "number" && !Number.isNaN(w) ? w : 1;
}

/** The FA2 matrices of a graph whose nodes carry x, y (and optionally size, fixed) and edges a `size` weight. */
export function layoutMatrices(graph: Graph): LayoutMatrices {
  const ids = new Array<string>(graph.order);
  const nodes = new Float32Array(graph.order * NODE_STRIDE);
  const edges = new Float32Array(graph.size * EDGE_STRIDE);
  const index = new Map<string, number>();
  let j = 0;
  graph.forEachNode((id, a) => {
    ids[j / NODE_STRIDE] = id;
    index.set(id, j);
    nodes[j] = a.x as number;
    nodes[j + 1] = a.y as number;
    nodes[j + 6] = 1; // mass: 1 + weighted degree (added below)
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = (a.size as number) || 1;
    nodes[j + 9] = a.fixed ? 1 : 0;
    j += NODE_STRIDE;
  });
  j = 0;
  graph.forEachEdge((_e, attr, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    const w = weightOf(attr);
    nodes[s + 6] += w;
    nodes[t + 6] += w;
    edges[j] = s;
    edges[j + 1] = t;
    edges[j + 2] = w;
    j += EDGE_STRIDE;
  });
  return { ids, nodes, edges };
}

/** The x, y pairs of a node matrix (what the worker sends: 2 floats a node instead of 10). */
export function positionsOf(nodes: Float32Array): Float32Array {
  const n = nodes.length / NODE_STRIDE;
  const xy = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = nodes[i * NODE_STRIDE]!;
    xy[2 * i + 1] = nodes[i * NODE_STRIDE + 1]!;
  }
  return xy;
}

/**
 * Writes positions (`xy`, in `ids` order) into the graph with ONE bulk event, hinted as x/y only.
 * By id, not by rank: a node added meanwhile keeps its place, a dropped one is skipped.
 */
export function applyPositions(graph: Graph, index: ReadonlyMap<string, number>, xy: Float32Array | Float64Array): void {
  graph.updateEachNodeAttributes(
    (id, attr) => {
      const i = index.get(id);
      if (i !== undefined) {
        attr.x = xy[2 * i]!;
        attr.y = xy[2 * i + 1]!;
      }
      return attr;
    },
    { attributes: ["x", "y"] },
  );
}
