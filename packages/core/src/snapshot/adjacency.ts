import type { AnalysisSnapshot } from "./types.ts";

/**
 * One adjacency view of a snapshot in CSR form: the neighbours of `v` are
 * `targets[offsets[v]] … targets[offsets[v + 1] − 1]`.
 */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Per-arc weight (summed or minimum over merged parallel arcs), or null when not asked for. */
  readonly weights: Float64Array | null;
  /** Relationship number carried by each arc (for merged arcs: the one that gave the weight). */
  readonly rel: Int32Array;
}

/** "out": along from → to; "in": against it; "both": either way (the undirected view). */
export type ArcDirection = "out" | "in" | "both";

export interface AdjacencyOptions {
  direction: ArcDirection;
  /**
   * "none" keeps parallel relationships as separate arcs (a multigraph, as PageRank and eigenvector
   * read it); "sum" merges them adding weights; "min" merges them keeping the smallest weight (a
   * distance) and drops self-loops (the simple graph shortest paths run on).
   */
  merge: "none" | "sum" | "min";
  /** Weight of each relationship (by relationship number); omit for unweighted views. */
  relWeights?: Float64Array;
  /** Key under which the view is cached on the snapshot; omit for one-off weights. */
  cacheKey?: string;
}

/**
 * Builds (or returns the cached) adjacency view. In the "both" view a self-loop appears once, and
 * a relationship u → v gives the arc u–v in both lists. O(n + m).
 */
export function adjacencyOf(snap: AnalysisSnapshot, opts: AdjacencyOptions): Adjacency {
  const key = opts.cacheKey === undefined ? undefined : `adj:${opts.direction}:${opts.merge}:${opts.cacheKey}`;
  if (key !== undefined) {
    const hit = snap.derived.get(key) as Adjacency | undefined;
    if (hit) return hit;
  }
  const built = build(snap, opts);
  if (key !== undefined) snap.derived.set(key, built);
  return built;
}

function build(snap: AnalysisSnapshot, opts: AdjacencyOptions): Adjacency {
  const { n } = snap;
  const useOut = opts.direction !== "in";
  const useIn = opts.direction !== "out";
  const w = opts.relWeights;
  const { outOffsets, outTargets, outRel, inOffsets, inSources, inRel } = snap;
  if (opts.merge === "none" && opts.direction !== "both" && !w) {
    // The snapshot's own arrays already are this view.
    return useOut
      ? { offsets: outOffsets, targets: outTargets, weights: null, rel: outRel }
      : { offsets: inOffsets, targets: inSources, weights: null, rel: inRel };
  }
  const cap = (useOut ? snap.m : 0) + (useIn ? snap.m : 0);
  const offsets = new Int32Array(n + 1);
  let targets = new Int32Array(cap);
  let rel = new Int32Array(cap);
  let weights = w ? new Float64Array(cap) : null;
  // slot[u] = position of neighbour u in the list being built for v, valid when mark[u] === v + 1.
  const merging = opts.merge !== "none";
  const mark = merging ? new Int32Array(n) : null;
  const slot = merging ? new Int32Array(n) : null;
  const useMin = opts.merge === "min";
  let p = 0;
  for (let v = 0; v < n; v++) {
    offsets[v] = p;
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 0 ? !useOut : !useIn) continue;
      const off = pass === 0 ? outOffsets : inOffsets;
      const nb = pass === 0 ? outTargets : inSources;
      const rs = pass === 0 ? outRel : inRel;
      const end = off[v + 1]!;
      for (let a = off[v]!; a < end; a++) {
        const u = nb[a]!;
        if (u === v && (useMin || pass === 1 && useOut)) continue;
        const r = rs[a]!;
        if (merging && mark![u] === v + 1) {
          const q = slot![u]!;
          if (weights) {
            const x = w![r]!;
            if (useMin) {
              if (x < weights[q]!) {
                weights[q] = x;
                rel[q] = r;
              }
            } else weights[q]! += x;
          }
          continue;
        }
        if (merging) {
          mark![u] = v + 1;
          slot![u] = p;
        }
        targets[p] = u;
        rel[p] = r;
        if (weights) weights[p] = w![r]!;
        p++;
      }
    }
  }
  offsets[n] = p;
  if (p < cap) {
    targets = targets.slice(0, p);
    rel = rel.slice(0, p);
    if (weights) weights = weights.slice(0, p);
  }
  return { offsets, targets, weights, rel };
}
