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
  /** Node id → its rank in `ids` (a node's row in `nodes` starts at rank × {@link NODE_STRIDE}). */
  index: Map<string, number>;
  nodes: Float32Array;
  edges: Float32Array;
  /**
   * The start positions, x and y per node in `ids` order, in full precision (the matrices are
   * Float32): what Cancel puts back.
   */
  start: Float64Array;
}

/** Edge weight read from attribute `size` (1 when absent or not a number), as the library's `getEdgeWeight: "size"`. */
function weightOf(attr: { size?: unknown }): number {
  const w = attr.size;
  return typeof w === "number" && !Number.isNaN(w) ? w : 1;
}

/** Items between two looks at the clock while building (a look costs more than a node). */
const CHECK_EVERY = 512;

/**
 * The FA2 matrices of a graph whose nodes carry x, y (and optionally size, fixed) and edges a `size`
 * weight, built as a generator that pauses every {@link CHECK_EVERY} nodes or edges so a caller
 * can spread the work over several tasks ({@link prepareMatrices}). It reads the graph through
 * graphology's `nodeEntries()` / `edgeEntries()`, which walk the same internal maps in the same
 * order as `forEachNode` / `forEachEdge`: the matrices are those of the library's
 * `graphToByteArrays`, byte for byte, as long as the graph does not change between two steps
 * (the caller's business: see fa2-prepare.ts). The start positions are taken in the same node pass.
 */
function* matrixSteps(graph: Graph): Generator<void, LayoutMatrices, void> {
  const order = graph.order;
  const ids = new Array<string>(order);
  const index = new Map<string, number>();
  const nodes = new Float32Array(order * NODE_STRIDE);
  const edges = new Float32Array(graph.size * EDGE_STRIDE);
  const start = new Float64Array(order * 2);
  let i = 0;
  for (const { node, attributes: a } of graph.nodeEntries()) {
    const j = i * NODE_STRIDE;
    ids[i] = node;
    index.set(node, i);
    const x = a.x as number;
    const y = a.y as number;
    start[2 * i] = x;
    start[2 * i + 1] = y;
    nodes[j] = x;
    nodes[j + 1] = y;
    nodes[j + 6] = 1; // mass: 1 + weighted degree (added below)
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = (a.size as number) || 1;
    nodes[j + 9] = a.fixed ? 1 : 0;
    if (++i % CHECK_EVERY === 0) yield;
  }
  let e = 0;
  for (const { attributes, source, target } of graph.edgeEntries()) {
    const s = index.get(source)! * NODE_STRIDE;
    const t = index.get(target)! * NODE_STRIDE;
    const w = weightOf(attributes);
    nodes[s + 6] += w;
    nodes[t + 6] += w;
    const j = e * EDGE_STRIDE;
    edges[j] = s;
    edges[j + 1] = t;
    edges[j + 2] = w;
    if (++e % CHECK_EVERY === 0) yield;
  }
  return { ids, index, nodes, edges, start };
}

/** A matrix build in progress: call `step` from separate tasks until it returns the matrices. */
export interface MatrixBuild {
  /** Builds for about `budgetMs` (at least one batch of nodes or edges); the matrices once complete, else null. */
  step(budgetMs: number): LayoutMatrices | null;
  /** Share of the work done, 0..1 (nodes and edges counted alike). */
  readonly done: number;
}

/** Starts building the FA2 matrices of `graph` in steps (see {@link matrixSteps}). */
export function prepareMatrices(graph: Graph, now: () => number = () => performance.now()): MatrixBuild {
  const steps = matrixSteps(graph);
  const total = graph.order + graph.size;
  let batches = 0;
  return {
    step(budgetMs) {
      const end = now() + budgetMs;
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        batches++;
        if (now() >= end) return null;
      }
    },
    get done() {
      return total === 0 ? 1 : Math.min(1, (batches * CHECK_EVERY) / total);
    },
  };
}

/** The FA2 matrices in one go (the same as {@link prepareMatrices} run to the end). */
export function layoutMatrices(graph: Graph): LayoutMatrices {
  return prepareMatrices(graph).step(Infinity)!;
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
