import type { AnalysisSnapshot } from "../snapshot/types.ts";

/** One row of a ranking: the actor and its score. */
export interface Ranked {
  id: string;
  name: string;
  score: number;
}

/**
 * Turns a score per actor number into a ranking, best first; ties by id (code-unit order, so the
 * order is the same on every platform). With `top`, only the first `top` rows are built.
 */
export function rankScores(snap: AnalysisSnapshot, scores: Float64Array, top?: number): Ranked[] {
  const { n, ids, names } = snap;
  const limit = top === undefined ? n : Math.min(n, top);
  const better = (a: number, b: number): number => {
    const d = scores[b]! - scores[a]!;
    if (d !== 0) return d;
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  let picked: Int32Array;
  if (limit <= 1000 && limit * 8 < n) {
    // Keep the best `limit` in a small sorted buffer: O(n log limit) instead of sorting n rows.
    picked = new Int32Array(limit);
    let size = 0;
    for (let v = 0; v < n; v++) {
      if (size === limit && better(v, picked[size - 1]!) >= 0) continue;
      let i = size < limit ? size++ : size - 1;
      while (i > 0 && better(v, picked[i - 1]!) < 0) {
        picked[i] = picked[i - 1]!;
        i--;
      }
      picked[i] = v;
    }
  } else {
    const all = new Int32Array(n);
    for (let v = 0; v < n; v++) all[v] = v;
    all.sort(better);
    picked = all.subarray(0, limit);
  }
  const out: Ranked[] = new Array<Ranked>(picked.length);
  for (let i = 0; i < picked.length; i++) {
    const v = picked[i]!;
    out[i] = { id: ids[v]!, name: names[v]!, score: scores[v]! };
  }
  return out;
}
