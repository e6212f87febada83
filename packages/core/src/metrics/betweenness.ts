import { UsageError } from "../errors.ts";
import { adjacencyOf, type Adjacency } from "../snapshot/adjacency.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";
import { LazyHeap } from "./heap.ts";
import { sampleWithoutReplacement } from "./random.ts";

export interface BetweennessOptions {
  direction: "directed" | "undirected";
  /** Per-relationship lengths for weighted shortest paths (> 0); omit for hop counts. */
  lengths?: Float64Array;
  cacheKey?: string;
  /** networkx normalisation: divide by (n−1)(n−2); unnormalised undirected scores are halved. */
  normalized: boolean;
  /** Number of source actors to sample (approximation); omit or ≥ n for the exact value. */
  samples?: number;
  /** Seed of the source sample. */
  seed: number;
  /** Confidence of the stated error bound of a sampled estimate (default 0.95). */
  confidence: number;
}

export interface BetweennessResult {
  scores: Float64Array;
  /** Number of sources the paths were counted from (n when exact). */
  sources: number;
  exact: boolean;
  /**
   * For a sampled estimate: with probability ≥ `confidence`, every actor's estimate is within
   * `epsilon` of its exact score (same units as `scores`). Hoeffding's inequality for sampling
   * without replacement plus a union bound over the n actors: each source adds at most n−2 to an
   * actor's unnormalised score, so epsilon = range · sqrt(ln(2n / (1 − confidence)) / (2k)).
   */
  errorBound?: { epsilon: number; confidence: number };
}

/** Relative tolerance under which two weighted path lengths count as equal (ties in σ). */
const TIE = 1e-12;

/**
 * Betweenness centrality by Brandes' algorithm: BFS for hop counts, Dijkstra with an indexed
 * binary heap for lengths. Parallel relationships are merged (the shortest counts once) and
 * self-loops ignored, as networkx does on the simple graph. Path counts σ are Float64 (no 32-bit
 * overflow). No per-node predecessor lists: the forward pass appends the arcs of the shortest-path
 * DAG to flat typed arrays and the backward pass walks them in reverse, so nothing is allocated
 * per source and the adjacency is read once.
 *
 * Normalisation follows networkx `betweenness_centrality(G, normalized, weight, endpoints=False)`.
 * With `samples = k`, paths are counted from k seeded random sources and scaled by n/k (unbiased;
 * networkx omits that scaling when directed and unnormalised).
 */
export function computeBetweenness(snap: AnalysisSnapshot, opts: BetweennessOptions): BetweennessResult {
  const { n } = snap;
  const directed = opts.direction === "directed";
  const weighted = opts.lengths !== undefined;
  const adj = adjacencyOf(snap, {
    direction: directed ? "out" : "both",
    merge: "min",
    relWeights: opts.lengths,
    cacheKey: weighted ? opts.cacheKey : "unweighted",
  });
  const k = opts.samples === undefined ? n : Math.min(n, opts.samples);
  if (!Number.isInteger(k) || k < 1) {
    if (n === 0) return { scores: new Float64Array(0), sources: 0, exact: true };
    throw new UsageError(`betweenness: option "samples" must be a positive integer, got ${String(opts.samples)}`);
  }
  const exact = k >= n;
  const sources = exact ? null : sampleWithoutReplacement(n, k, opts.seed);
  const bc = weighted ? brandesWeighted(n, adj, sources) : brandesUnweighted(n, adj, sources);

  let scale = 1;
  if (opts.normalized) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  else if (!directed) scale = 0.5;
  if (!exact) scale *= n / k;
  if (scale !== 1) for (let v = 0; v < n; v++) bc[v]! *= scale;

  const result: BetweennessResult = { scores: bc, sources: k, exact };
  if (!exact && n > 2) {
    const delta = 1 - opts.confidence;
    // Range of one source's scaled contribution: (n−2) · scale_unsampled · n.
    const range = (n - 2) * (scale / (n / k)) * n;
    result.errorBound = { epsilon: range * Math.sqrt(Math.log((2 * n) / delta) / (2 * k)), confidence: opts.confidence };
  }
  return result;
}

function brandesUnweighted(n: number, adj: Adjacency, sources: Int32Array | null): Float64Array {
  const { offsets, targets } = adj;
  const bc = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // Arcs of the shortest-path DAG in discovery order (tail, head): the backward pass walks them in
  // reverse, which finishes every head before its tails, without re-reading the adjacency.
  const dagFrom = new Int32Array(targets.length);
  const dagTo = new Int32Array(targets.length);
  const count = sources ? sources.length : n;
  for (let i = 0; i < count; i++) {
    const s = sources ? sources[i]! : i;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let arcs = 0;
    while (head < tail) {
      const v = order[head++]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let a = offsets[v]!; a < end; a++) {
        const w = targets[a]!;
        let dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dw = dv;
          order[tail++] = w;
        }
        if (dw === dv) {
          sigma[w]! += sv;
          dagFrom[arcs] = v;
          dagTo[arcs++] = w;
        }
      }
    }
    for (let k = arcs - 1; k >= 0; k--) {
      const v = dagFrom[k]!;
      const w = dagTo[k]!;
      delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
    }
    for (let j = 0; j < tail; j++) {
      const v = order[j]!;
      if (v !== s) bc[v]! += delta[v]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return bc;
}

function brandesWeighted(n: number, adj: Adjacency, sources: Int32Array | null): Float64Array {
  const { offsets, targets } = adj;
  const len = adj.weights!;
  const bc = new Float64Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const done = new Uint8Array(n);
  const order = new Int32Array(n);
  const heap = new LazyHeap(n);
  // Arcs that reached their head at its best length so far, in settle order of their tail; the
  // backward pass keeps those still on a shortest path (length = final distance of the head).
  const cap = targets.length;
  const candFrom = new Int32Array(cap);
  const candTo = new Int32Array(cap);
  const candLen = new Float64Array(cap);
  const count = sources ? sources.length : n;
  for (let i = 0; i < count; i++) {
    const s = sources ? sources[i]! : i;
    dist[s] = 0;
    sigma[s] = 1;
    heap.push(s, 0);
    let settled = 0;
    let cands = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      if (done[v]) continue; // a stale entry: v was settled at a shorter distance
      done[v] = 1;
      order[settled++] = v;
      const dv = dist[v]!;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let a = offsets[v]!; a < end; a++) {
        const w = targets[a]!;
        if (done[w]) continue;
        const nd = dv + len[a]!;
        const dw = dist[w]!;
        if (nd < dw) {
          if (dw - nd > TIE * nd) {
            dist[w] = nd;
            sigma[w] = sv;
            heap.push(w, nd);
          } else sigma[w]! += sv;
        } else if (nd - dw <= TIE * dw) sigma[w]! += sv;
        else continue;
        candFrom[cands] = v;
        candTo[cands] = w;
        candLen[cands++] = nd;
      }
    }
    for (let k = cands - 1; k >= 0; k--) {
      const w = candTo[k]!;
      const dw = dist[w]!;
      const diff = candLen[k]! - dw;
      if (diff > TIE * dw || diff < -TIE * dw) continue; // superseded by a shorter path
      const v = candFrom[k]!;
      delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
    }
    for (let j = 0; j < settled; j++) {
      const v = order[j]!;
      if (v !== s) bc[v]! += delta[v]!;
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      done[v] = 0;
    }
  }
  return bc;
}
