// PREVIOUS IMPLEMENTATION (before the typed-array rewrite), kept verbatim as the reference of
// influence-differential.test.ts. Not used by the library; do not edit except to follow API renames.
import { UsageError } from "../../../src/errors.ts";
import { graphOf, type MapLike } from "../../../src/graph/input.ts";
import type { KindOverrides } from "../../../src/kinds.ts";
import type { AsOf } from "../../../src/analysis/current.ts";
import { arcCost, explainArcs, type ExplainedPath } from "../../../src/analysis/explain.ts";
import { nameOf, resolveGroupFor, type ActorRef } from "../../../src/analysis/groups.ts";
import { MinHeap } from "../../../src/analysis/heap.ts";
import { InfluenceView, type InfluenceArc } from "../../../src/analysis/influence-graph.ts";

export interface InfluencersOptions {
  /** Longest influence path counted, in steps (default 3, at most 10). */
  depth?: number;
  asOf?: AsOf;
  kinds?: KindOverrides;
  /** How many influencers to return (default 20). */
  top?: number;
  /** Best paths explained per influencer (default 3). */
  pathsPerActor?: number;
  /** Count conflict (negative) relationships; when false they are left out of the view. Default true. */
  includeOpposition?: boolean;
  /** Treat an organization as the body plus its current position holders (default true). */
  expandGroups?: boolean;
  /**
   * Locality threshold (default 1e-4): an actor whose partial score is below epsilon × its number of
   * relationships is not searched further. 0 computes the exact score over the whole neighbourhood.
   */
  epsilon?: number;
}

/** One ranked influencer with the paths that carry its influence. */
export interface Influencer {
  id: string;
  name: string;
  /** Signed score (see `influencersOf`). */
  score: number;
  /** +1 when the actor's net influence pushes the target, −1 when it opposes. */
  sign: 1 | -1;
  effect: "pushes" | "opposes";
  /** Best paths by |contribution|, strongest first; each path's `score` is its contribution. */
  paths: ExplainedPath[];
}

// Most partial paths a best-first explanation search pops before giving up (keeps hubs bounded).
const PATH_SEARCH_BUDGET = 5_000;

type Agg = { in: Map<string, number>; out: Map<string, number>; cap: number };

/**
 * Ranks who influences `target` (an actor, a group such as a school board with its current members,
 * or a list), every answer explained.
 *
 * Score. On the influence view (registry direction, arc weight w = kind weight × strength/5, sign
 * ±1), the ties into an actor x weigh in total in(x) = Σ w of its incoming arcs; when that exceeds 1,
 * each tie counts for its share: w'(u→x) = sign · w / max(1, in(x)). The score of actor a is
 *
 *   score(a) = Σ over paths a = x0 → x1 → … → xk, 1 ≤ k ≤ depth, xk ∈ T, x0…x(k−1) ∉ T,
 *              of Π w'(xi → x(i+1))
 *
 * where T is the target group, and the paths are walks without immediate return (x(i+2) ≠ xi), which
 * for depth ≤ 3 are exactly the simple paths. So: every path adds the product of its weights, several
 * paths add up, longer paths add less, a path through a conflict counts against (signed-network
 * convention: opposing an ally of the target opposes the target), and an actor that many others
 * influence passes each of them only its share. On a sparse map (in(x) ≤ 1) this is the truncated
 * Katz index with the attenuation folded into the weights. Paths stop at the first group member they
 * reach (a path into two members counts twice); members of T are not ranked.
 *
 * Cost. Dynamic programming backward from T, level by level, touching only actors within `depth`
 * steps. Because of the shares, the total |score| carried by each level is at most |T|; an actor
 * whose partial score at a level is below `epsilon` × its degree is not expanded, so the work is at
 * most depth × |T| / epsilon relationship visits whatever the size of the graph, and the total of the
 * dropped contributions is at most the sum of those small partial scores. `epsilon: 0` is exact.
 */
export function previousInfluencersOf(map: MapLike, target: ActorRef, options: InfluencersOptions = {}): Influencer[] {
  const origin = "influencersOf";
  const graph = graphOf(map);
  const depth = options.depth ?? 3;
  const top = options.top ?? 20;
  const perActor = options.pathsPerActor ?? 3;
  const epsilon = options.epsilon ?? 1e-4;
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new UsageError(`${origin}: depth must be an integer 1…10, got ${String(depth)}`);
  if (!(Number.isInteger(top) && top >= 1) && top !== Infinity) throw new UsageError(`${origin}: top must be a positive integer, got ${String(top)}`);
  if (!Number.isInteger(perActor) || perActor < 0) throw new UsageError(`${origin}: pathsPerActor must be a non-negative integer`);
  if (!(epsilon >= 0 && epsilon < 1)) throw new UsageError(`${origin}: epsilon must be within [0, 1)`);

  const group = resolveGroupFor(graph, target, { asOf: options.asOf, expand: options.expandGroups ?? true }, origin);
  const T = new Set(group.ids);
  const view = new InfluenceView(graph, { asOf: options.asOf, kinds: options.kinds, includeOpposition: options.includeOpposition ?? true }, origin);

  const aggCache = new Map<string, Agg>();
  const agg = (node: string): Agg => {
    let a = aggCache.get(node);
    if (a) return a;
    const arcsIn = view.inArcs(node);
    let total = 0;
    for (const x of arcsIn) total += x.weight;
    a = { in: sumBy(arcsIn, (x) => x.source), out: sumBy(view.outArcs(node), (x) => x.target), cap: Math.max(1, total) };
    aggCache.set(node, a);
    return a;
  };

  // S[k]: actor → signed sum over its counted walks of exactly k steps into T (key present = one exists).
  // expanded[k]: actors whose walks of k steps were extended one step further (T itself at k = 0).
  const S: Map<string, number>[] = [new Map()];
  const expanded: Set<string>[] = [new Set(T)];
  const level = new Map<string, number>(); // first level an actor was expanded at (0 for T): prunes explanations
  for (const t of T) level.set(t, 0);

  // C(j, x, u): counted walks of j steps from x into T whose first step does not go back to u. rxu and
  // rux are the raw signed weights x→u and u→x; a walk x→u→… is only counted if u was expanded at j−1.
  const C = (j: number, x: string, u: string, rxu: number, rux: number): number => {
    if (j <= 0) return 0;
    const s = S[j]!.get(x) ?? 0;
    if (rxu === 0 || !expanded[j - 1]!.has(u)) return s;
    return s - (rxu / agg(u).cap) * C(j - 1, u, x, rux, rxu);
  };

  for (let k = 1; k <= depth; k++) {
    const next = new Map<string, number>();
    const from = k === 1 ? [...T] : [...S[k - 1]!.keys()];
    const grown = k === 1 ? expanded[0]! : new Set<string>();
    for (const x of from) {
      if (k > 1) {
        const sx = S[k - 1]!.get(x)!;
        if (epsilon > 0 && Math.abs(sx) < epsilon * graph.degree(x)) continue;
        grown.add(x);
        if (!level.has(x)) level.set(x, k - 1);
      }
      const ax = agg(x);
      for (const [u, w] of ax.in) {
        if (T.has(u)) continue;
        const c = k === 1 ? 1 : C(k - 1, x, u, ax.out.get(u) ?? 0, w);
        next.set(u, (next.get(u) ?? 0) + (w / ax.cap) * c);
      }
    }
    if (k > 1) expanded.push(grown);
    S.push(next);
  }

  const total = new Map<string, number>();
  for (let k = 1; k <= depth; k++) for (const [v, s] of S[k]!) total.set(v, (total.get(v) ?? 0) + s);

  const share = (a: InfluenceArc): number => a.weight / agg(a.target).cap;
  const ranked = [...total].filter(([, s]) => Math.abs(s) > 1e-12).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked.slice(0, top === Infinity ? undefined : top).map(([id, score]) => {
    const sign: 1 | -1 = score < 0 ? -1 : 1;
    return {
      id,
      name: nameOf(graph, id),
      score,
      sign,
      effect: sign > 0 ? "pushes" : "opposes",
      paths: perActor === 0 ? [] : bestPaths(view, id, T, level, depth, perActor, share).map((arcs) => explainArcs(graph, arcs, share)),
    };
  });
}

function sumBy(arcs: readonly InfluenceArc[], key: (a: InfluenceArc) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of arcs) m.set(key(a), (m.get(key(a)) ?? 0) + a.sign * a.weight);
  return m;
}

interface Partial {
  cost: number;
  node: string;
  arcs: InfluenceArc[];
}

/**
 * The `count` strongest simple paths from `start` into T with at most `depth` steps, strongest first:
 * best-first on cost = Σ −ln(share) (non-negative, so complete paths come out in order). `hops` (the
 * first level an actor was expanded at) keeps the search inside the explored neighbourhood and prunes
 * partial paths that can no longer arrive in time.
 */
function bestPaths(
  view: InfluenceView,
  start: string,
  T: ReadonlySet<string>,
  hops: ReadonlyMap<string, number>,
  depth: number,
  count: number,
  share: (a: InfluenceArc) => number,
): InfluenceArc[][] {
  const out: InfluenceArc[][] = [];
  const heap = new MinHeap<Partial>((a, b) => a.cost < b.cost || (a.cost === b.cost && a.arcs.length < b.arcs.length));
  heap.push({ cost: 0, node: start, arcs: [] });
  let pops = 0;
  while (heap.size > 0 && out.length < count && pops++ < PATH_SEARCH_BUDGET) {
    const p = heap.pop()!;
    if (p.arcs.length > 0 && T.has(p.node)) {
      out.push(p.arcs);
      continue;
    }
    for (const arc of view.outArcs(p.node)) {
      const h = hops.get(arc.target);
      if (h === undefined || p.arcs.length + 1 + h > depth) continue;
      if (arc.target === start || p.arcs.some((a) => a.source === arc.target)) continue; // keep paths simple
      heap.push({ cost: p.cost + arcCost(share(arc)), node: arc.target, arcs: [...p.arcs, arc] });
    }
  }
  return out;
}
