import { adjacencyOf } from "../snapshot/adjacency.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";
import { NodeHeap } from "./heap.ts";

export interface ClosenessOptions {
  direction: "directed" | "undirected";
  /** Per-relationship lengths (> 0; Infinity = impassable); omit for hop counts. */
  lengths?: Float64Array;
  cacheKey?: string;
  /** Wasserman–Faust scaling for graphs that are not connected (networkx default true). */
  wfImproved: boolean;
}

/**
 * Closeness centrality as networkx `closeness_centrality`: for actor u with r − 1 other actors at
 * finite distance and total distance D, (r − 1) / D, times (r − 1) / (n − 1) when `wfImproved`;
 * 0 when nothing is reachable. On a directed graph the distances are *incoming* (from every other
 * actor to u), as networkx does: an actor everyone can reach quickly is close. One BFS (or
 * Dijkstra) per actor over the reversed arcs: O(n·m).
 */
export function computeCloseness(snap: AnalysisSnapshot, opts: ClosenessOptions): Float64Array {
  const { n } = snap;
  const out = new Float64Array(n);
  const weighted = opts.lengths !== undefined;
  const adj = adjacencyOf(snap, {
    direction: opts.direction === "directed" ? "in" : "both",
    merge: "min",
    relWeights: opts.lengths,
    cacheKey: weighted ? opts.cacheKey : "unweighted",
  });
  const { offsets, targets } = adj;
  const order = new Int32Array(n);
  if (!weighted) {
    const dist = new Int32Array(n).fill(-1);
    for (let s = 0; s < n; s++) {
      dist[s] = 0;
      order[0] = s;
      let head = 0;
      let tail = 1;
      let total = 0;
      while (head < tail) {
        const v = order[head++]!;
        const dv = dist[v]! + 1;
        const end = offsets[v + 1]!;
        for (let a = offsets[v]!; a < end; a++) {
          const w = targets[a]!;
          if (dist[w]! < 0) {
            dist[w] = dv;
            total += dv;
            order[tail++] = w;
          }
        }
      }
      out[s] = score(tail, total, n, opts.wfImproved);
      for (let j = 0; j < tail; j++) dist[order[j]!] = -1;
    }
    return out;
  }
  const len = adj.weights!;
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new NodeHeap(n);
  for (let s = 0; s < n; s++) {
    dist[s] = 0;
    heap.push(s, 0);
    let reached = 0;
    let total = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      order[reached++] = v;
      const dv = dist[v]!;
      total += dv;
      const end = offsets[v + 1]!;
      for (let a = offsets[v]!; a < end; a++) {
        const w = targets[a]!;
        const nd = dv + len[a]!;
        if (nd < dist[w]!) {
          dist[w] = nd;
          heap.push(w, nd);
        }
      }
    }
    out[s] = score(reached, total, n, opts.wfImproved);
    for (let j = 0; j < reached; j++) dist[order[j]!] = Infinity;
  }
  return out;
}

function score(reached: number, total: number, n: number, wf: boolean): number {
  if (!(total > 0) || n <= 1) return 0;
  const r = reached - 1;
  const c = r / total;
  return wf ? c * (r / (n - 1)) : c;
}
