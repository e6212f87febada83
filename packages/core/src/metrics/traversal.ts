import { adjacencyOf, type ArcDirection } from "../snapshot/adjacency.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";
import { NodeHeap } from "./heap.ts";

/** Result of a single-source search: distances and the shortest-path tree. */
export interface SearchResult<D extends Int32Array | Float64Array> {
  /** Distance from the source (BFS: hops, −1 unreachable; Dijkstra: length, Infinity unreachable). */
  dist: D;
  /** Previous actor on one shortest path (−1 for the source and unreachable actors). */
  pred: Int32Array;
  /** Relationship number used to reach each actor (−1 for the source and unreachable actors). */
  predRel: Int32Array;
  /** Actors in the order they were reached (settled), the source first. */
  order: Int32Array;
}

/**
 * Breadth-first search from actor number `source` over the snapshot's arcs ("out": along
 * relationships, "in": against them, "both": either way). O(reached arcs), typed arrays only.
 */
export function bfs(snap: AnalysisSnapshot, source: number, direction: ArcDirection = "out"): SearchResult<Int32Array> {
  const { n } = snap;
  const { offsets, targets, rel } = adjacencyOf(snap, { direction, merge: "none", cacheKey: "unweighted" });
  const dist = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  const predRel = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  dist[source] = 0;
  order[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = dist[v]! + 1;
    const end = offsets[v + 1]!;
    for (let a = offsets[v]!; a < end; a++) {
      const w = targets[a]!;
      if (dist[w]! < 0) {
        dist[w] = dv;
        pred[w] = v;
        predRel[w] = rel[a]!;
        order[tail++] = w;
      }
    }
  }
  return { dist, pred, predRel, order: order.subarray(0, tail) };
}

/**
 * Dijkstra from actor number `source` with per-relationship lengths (≥ 0; Infinity = impassable),
 * binary heap with decrease-key on typed arrays. Parallel relationships: the shortest one is used.
 */
export function dijkstra(
  snap: AnalysisSnapshot,
  source: number,
  lengths: Float64Array,
  direction: ArcDirection = "out",
): SearchResult<Float64Array> {
  const { n } = snap;
  // The snapshot's own arcs, lengths read through the relationship number: parallel arcs need no
  // merging for distances, so nothing is built per call.
  const { offsets, targets, rel } = adjacencyOf(snap, { direction, merge: "none", cacheKey: "unweighted" });
  const dist = new Float64Array(n).fill(Infinity);
  const pred = new Int32Array(n).fill(-1);
  const predRel = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const heap = new NodeHeap(n);
  dist[source] = 0;
  heap.push(source, 0);
  let count = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    order[count++] = v;
    const dv = dist[v]!;
    const end = offsets[v + 1]!;
    for (let a = offsets[v]!; a < end; a++) {
      const w = targets[a]!;
      const nd = dv + lengths[rel[a]!]!;
      if (nd < dist[w]!) {
        dist[w] = nd;
        pred[w] = v;
        predRel[w] = rel[a]!;
        heap.push(w, nd);
      }
    }
  }
  return { dist, pred, predRel, order: order.subarray(0, count) };
}
