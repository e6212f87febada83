import { PowermapError } from "../errors.ts";
import { adjacencyOf } from "../snapshot/adjacency.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";

export interface EigenvectorOptions {
  direction: "directed" | "undirected";
  relWeights?: Float64Array;
  cacheKey?: string;
  /** Stop when the L1 change of the unit-length vector in one iteration is below this. */
  tolerance: number;
  maxIterations: number;
}

/**
 * Eigenvector centrality as networkx `eigenvector_centrality`: power iteration on (A + I)ᵀ from the
 * uniform vector, so on a directed graph an actor scores by the scores of those with relationships
 * *to* it (left eigenvector, in-arcs); the result has unit Euclidean length. Parallel relationships
 * add up. The stopping rule is an L1 change < `tolerance` (networkx: < n·tol). Throws PowermapError
 * when it does not converge (e.g. a map without cycles in the directed view).
 */
export function computeEigenvector(snap: AnalysisSnapshot, opts: EigenvectorOptions): Float64Array {
  const { n } = snap;
  if (n === 0) return new Float64Array(0);
  const w = opts.relWeights;
  const { offsets, targets: src, weights: aw } = adjacencyOf(snap, {
    direction: opts.direction === "directed" ? "in" : "both",
    merge: "none",
    relWeights: w,
    cacheKey: w ? opts.cacheKey : "unweighted",
  });
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  let err = Infinity;
  for (let it = 0; it < opts.maxIterations; it++) {
    let start = offsets[0]!;
    let sq = 0;
    for (let v = 0; v < n; v++) {
      const end = offsets[v + 1]!;
      let s = x[v]!;
      if (aw) for (let a = start; a < end; a++) s += x[src[a]!]! * aw[a]!;
      else for (let a = start; a < end; a++) s += x[src[a]!]!;
      start = end;
      y[v] = s;
      sq += s * s;
    }
    const norm = Math.sqrt(sq) || 1;
    const inv = 1 / norm;
    err = 0;
    for (let v = 0; v < n; v++) {
      const nv = y[v]! * inv;
      y[v] = nv;
      const d = nv - x[v]!;
      err += d < 0 ? -d : d;
    }
    const t = x;
    x = y;
    y = t;
    if (err < opts.tolerance) return x;
  }
  throw new PowermapError(
    `eigenvector: did not converge in ${opts.maxIterations} iterations (L1 change ${err.toExponential(2)}); ` +
      `a directed map without cycles has no meaningful eigenvector centrality: try direction "undirected" or pagerank`,
  );
}
