import { PowermapError } from "../errors.ts";
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
 * PageRank by power iteration, pushing along the relationship list itself: no adjacency has to be
 * sorted first, which on a fresh snapshot is most of the cost of a pull over in-arcs (the sweep
 * reads `from`/`to` in order and scatters into an array that fits in cache). For each actor the
 * contributions arrive in relationship order, the same order a pull over the in-CSR sums them.
 * Same model as networkx `pagerank`: parallel relationships add up, a dangling actor's rank is
 * spread by the personalization vector, the result sums to 1. Convergence differs on purpose:
 * networkx stops when the L1 change < n·tol (which at 1M actors means "change below 1"); here the
 * L1 change of the whole vector must fall below `tolerance`. Throws PowermapError when it does not
 * within `maxIterations`.
 */
export function computePageRank(snap: AnalysisSnapshot, opts: PageRankOptions): PageRankResult {
  const { n, m, relFrom: from, relTo: to } = snap;
  const scores = new Float64Array(n);
  if (n === 0) return { scores, iterations: 0, error: 0 };
  const w = opts.relWeights;
  const undirected = opts.direction === "undirected";
  // 1 / out-weight (out-degree) of each actor, 0 for a dangling one; undirected, a relationship
  // counts for both ends (a self-loop once, as in the undirected adjacency).
  const inv = new Float64Array(n);
  for (let r = 0; r < m; r++) {
    const f = from[r]!;
    const t = to[r]!;
    const x = w ? w[r]! : 1;
    inv[f]! += x;
    if (undirected && t !== f) inv[t]! += x;
  }
  for (let u = 0; u < n; u++) inv[u] = inv[u]! > 0 ? 1 / inv[u]! : 0;
  const p = opts.personalization;
  const alpha = opts.alpha;
  const uniform = 1 / n;
  let x = scores;
  x.fill(uniform);
  let y = new Float64Array(n);
  // contrib[u] = x[u] / outW[u], the share each relationship of u carries.
  const contrib = new Float64Array(n);
  let dsum = 0;
  for (let u = 0; u < n; u++) {
    contrib[u] = uniform * inv[u]!;
    if (inv[u] === 0) dsum += uniform;
  }
  const sweep: Sweep = { from, to, m, weights: w ?? null, undirected, inv, alpha, p, uniform, n, dsum: 0, err: 0 };
  let err = Infinity;
  let it = 0;
  while (it < opts.maxIterations) {
    it++;
    sweep.dsum = dsum;
    if (w) pushWeighted(sweep, contrib, y);
    else pushUnweighted(sweep, contrib, y);
    settle(sweep, contrib, x, y);
    err = sweep.err;
    dsum = sweep.dsum;
    [x, y] = [y, x];
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
  from: Int32Array;
  to: Int32Array;
  m: number;
  weights: Float64Array | null;
  undirected: boolean;
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

// Two copies of the scatter so each inner loop is monomorphic (no weight test per relationship).
function pushUnweighted(s: Sweep, contrib: Float64Array, y: Float64Array): void {
  const { from, to, m, undirected } = s;
  y.fill(0);
  if (!undirected) {
    for (let r = 0; r < m; r++) y[to[r]!]! += contrib[from[r]!]!;
    return;
  }
  for (let r = 0; r < m; r++) {
    const f = from[r]!;
    const t = to[r]!;
    y[t]! += contrib[f]!;
    if (t !== f) y[f]! += contrib[t]!;
  }
}

function pushWeighted(s: Sweep, contrib: Float64Array, y: Float64Array): void {
  const { from, to, m, undirected } = s;
  const w = s.weights!;
  y.fill(0);
  if (!undirected) {
    for (let r = 0; r < m; r++) y[to[r]!]! += contrib[from[r]!]! * w[r]!;
    return;
  }
  for (let r = 0; r < m; r++) {
    const f = from[r]!;
    const t = to[r]!;
    y[t]! += contrib[f]! * w[r]!;
    if (t !== f) y[f]! += contrib[t]! * w[r]!;
  }
}

/**
 * Turns the pushed sums in `y` into the next rank vector (teleport and dangling rank added), and
 * writes the next contributions, the dangling total and the L1 change against `x`.
 */
function settle(s: Sweep, contrib: Float64Array, x: Float64Array, y: Float64Array): void {
  const { inv, alpha, p, uniform, n, dsum } = s;
  let err = 0;
  let nextDsum = 0;
  for (let v = 0; v < n; v++) {
    const pv = p ? p[v]! : uniform;
    const nv = alpha * (y[v]! + dsum * pv) + (1 - alpha) * pv;
    y[v] = nv;
    const iv = inv[v]!;
    contrib[v] = nv * iv;
    if (iv === 0) nextDsum += nv;
    const d = nv - x[v]!;
    err += d < 0 ? -d : d;
  }
  s.err = err;
  s.dsum = nextDsum;
}
