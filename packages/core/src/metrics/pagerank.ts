import { PowermapError } from "../errors.ts";
import { adjacencyOf } from "../snapshot/adjacency.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";

export interface PageRankOptions {
  /** Damping factor (probability of following a relationship), networkx default 0.85. */
  alpha: number;
  /** Stop when the L1 change of the whole rank vector in one iteration is below this. */
  tolerance: number;
  maxIterations: number;
  /** "directed": walk from → to; "undirected": each relationship both ways. */
  direction: "directed" | "undirected";
  /** Per-relationship weights (transition probability ∝ weight); omit for unweighted. */
  relWeights?: Float64Array;
  /** Cache key of relWeights, when they may be cached on the snapshot. */
  cacheKey?: string;
  /** Teleport (and dangling) distribution over actors, summing to 1; omit for uniform. */
  personalization?: Float64Array;
}

export interface PageRankResult {
  scores: Float64Array;
  iterations: number;
  /** L1 change of the last iteration. */
  error: number;
}

/**
 * PageRank by power iteration in pull form over the in-CSR (no allocation per iteration).
 * Same model as networkx `pagerank`: parallel relationships add up, a dangling actor's rank is
 * spread by the personalization vector, the result sums to 1. Convergence differs on purpose:
 * networkx stops when the L1 change < n·tol (which at 1M actors means "change below 1"); here the
 * L1 change of the whole vector must fall below `tolerance`. Throws PowermapError when it does not
 * within `maxIterations`.
 */
export function computePageRank(snap: AnalysisSnapshot, opts: PageRankOptions): PageRankResult {
  const { n } = snap;
  const scores = new Float64Array(n);
  if (n === 0) return { scores, iterations: 0, error: 0 };
  const w = opts.relWeights;
  // Pull over in-arcs; in the undirected view in- and out-lists coincide.
  const view = adjacencyOf(snap, {
    direction: opts.direction === "directed" ? "in" : "both",
    merge: "none",
    relWeights: w,
    cacheKey: w ? opts.cacheKey : "unweighted",
  });
  const { offsets, targets: src } = view;
  const aw = view.weights;
  // Out-weight (or out-degree) of each actor in the same view.
  const outW = new Float64Array(n);
  const m = src.length;
  if (aw) for (let a = 0; a < m; a++) outW[src[a]!]! += aw[a]!;
  else for (let a = 0; a < m; a++) outW[src[a]!]!++;
  const inv = new Float64Array(n);
  for (let u = 0; u < n; u++) if (outW[u]! > 0) inv[u] = 1 / outW[u]!;
  const p = opts.personalization;
  const alpha = opts.alpha;
  const uniform = 1 / n;
  let x = scores;
  x.fill(uniform);
  let y = new Float64Array(n);
  // contrib[u] = x[u] / outW[u], the share each out-arc of u carries; the sweep writes next
  // iteration's into contribNext as it goes, so each iteration is one pass.
  let contrib = new Float64Array(n);
  let contribNext = new Float64Array(n);
  let dsum = 0;
  for (let u = 0; u < n; u++) {
    contrib[u] = uniform * inv[u]!;
    if (inv[u] === 0) dsum += uniform;
  }
  const sweep: Sweep = { offsets, src, weights: aw, inv, alpha, p, uniform, n, dsum: 0, err: 0 };
  let err = Infinity;
  let it = 0;
  while (it < opts.maxIterations) {
    it++;
    sweep.dsum = dsum;
    if (aw) sweepWeighted(sweep, contrib, x, y, contribNext);
    else sweepUnweighted(sweep, contrib, x, y, contribNext);
    err = sweep.err;
    dsum = sweep.dsum;
    [x, y] = [y, x];
    [contrib, contribNext] = [contribNext, contrib];
    if (err < opts.tolerance) {
      if (x !== scores) scores.set(x);
      return { scores, iterations: it, error: err };
    }
  }
  throw new PowermapError(
    `pagerank: did not converge in ${opts.maxIterations} iterations (L1 change ${err.toExponential(2)} >= tolerance ${opts.tolerance}); raise maxIterations or tolerance`,
  );
}

/** What one power-iteration sweep reads, and what it returns (`dsum` of the new vector, `err`). */
interface Sweep {
  offsets: Int32Array;
  src: Int32Array;
  weights: Float64Array | null;
  /** 1 / out-weight, 0 for a dangling actor. */
  inv: Float64Array;
  alpha: number;
  p: Float64Array | undefined;
  uniform: number;
  n: number;
  /** In: rank held by dangling actors in x; out: the same for y. */
  dsum: number;
  /** Out: L1 change |y − x|. */
  err: number;
}

// Two copies of the sweep so each inner loop is monomorphic (no weight test per arc).
function sweepUnweighted(s: Sweep, contrib: Float64Array, x: Float64Array, y: Float64Array, contribNext: Float64Array): void {
  const { offsets, src, inv, alpha, p, uniform, n, dsum } = s;
  let err = 0;
  let nextDsum = 0;
  let start = offsets[0]!;
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1]!;
    let sum = 0;
    for (let a = start; a < end; a++) sum += contrib[src[a]!]!;
    start = end;
    const pv = p ? p[v]! : uniform;
    const nv = alpha * (sum + dsum * pv) + (1 - alpha) * pv;
    y[v] = nv;
    const iv = inv[v]!;
    contribNext[v] = nv * iv;
    if (iv === 0) nextDsum += nv;
    const d = nv - x[v]!;
    err += d < 0 ? -d : d;
  }
  s.err = err;
  s.dsum = nextDsum;
}

function sweepWeighted(s: Sweep, contrib: Float64Array, x: Float64Array, y: Float64Array, contribNext: Float64Array): void {
  const { offsets, src, inv, alpha, p, uniform, n, dsum } = s;
  const w = s.weights!;
  let err = 0;
  let nextDsum = 0;
  let start = offsets[0]!;
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1]!;
    let sum = 0;
    for (let a = start; a < end; a++) sum += contrib[src[a]!]! * w[a]!;
    start = end;
    const pv = p ? p[v]! : uniform;
    const nv = alpha * (sum + dsum * pv) + (1 - alpha) * pv;
    y[v] = nv;
    const iv = inv[v]!;
    contribNext[v] = nv * iv;
    if (iv === 0) nextDsum += nv;
    const d = nv - x[v]!;
    err += d < 0 ? -d : d;
  }
  s.err = err;
  s.dsum = nextDsum;
}
