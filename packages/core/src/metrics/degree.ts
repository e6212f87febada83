import type { AnalysisSnapshot } from "../snapshot/types.ts";

export interface DegreeOptions {
  /** "in", "out" or "total" (in + out; also the degree of the undirected view). */
  mode: "in" | "out" | "total";
  /** Per-relationship weights to sum instead of counting relationships. */
  relWeights?: Float64Array;
  /** Divide by n − 1 (networkx degree_centrality); a single actor scores 1. */
  normalized: boolean;
}

/**
 * Degree of every actor. Parallel relationships each count; a self-loop counts once in and once
 * out (twice in total), as in networkx.
 */
export function computeDegree(snap: AnalysisSnapshot, opts: DegreeOptions): Float64Array {
  const { n } = snap;
  const out = new Float64Array(n);
  const w = opts.relWeights;
  if (opts.mode !== "in") add(out, snap.outOffsets, snap.outRel, w);
  if (opts.mode !== "out") add(out, snap.inOffsets, snap.inRel, w);
  if (opts.normalized) {
    if (n === 1) out[0] = 1;
    else if (n > 1) {
      const s = 1 / (n - 1);
      for (let v = 0; v < n; v++) out[v]! *= s;
    }
  }
  return out;
}

function add(out: Float64Array, offsets: Int32Array, rel: Int32Array, w: Float64Array | undefined): void {
  const n = out.length;
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1]!;
    if (!w) {
      out[v]! += end - offsets[v]!;
      continue;
    }
    let s = 0;
    for (let a = offsets[v]!; a < end; a++) s += w[rel[a]!]!;
    out[v]! += s;
  }
}
