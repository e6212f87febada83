import { UsageError } from "../errors.ts";
import { graphOf, type MapLike } from "../graph/input.ts";
import type { KindOverrides } from "../kinds.ts";
import type { AsOf } from "./current.ts";
import { arcCost, explainArcs, type ExplainedPath } from "./explain.ts";
import { nameOf, resolveGroupFor, type ActorRef } from "./groups.ts";
import { MinHeap } from "./heap.ts";
import { InfluenceView, type InfluenceArc } from "./influence-graph.ts";

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
}

/** One ranked influencer with the paths that carry its influence. */
export interface Influencer {
  id: string;
  name: string;
  /** Signed truncated-Katz score (see `influencersOf`). */
  score: number;
  /** +1 when the actor's net influence pushes the target, −1 when it opposes. */
  sign: 1 | -1;
  effect: "pushes" | "opposes";
  /** Best paths by |product of weights|, strongest first. */
  paths: ExplainedPath[];
}

// Most paths a best-first explanation search pops before giving up (keeps hubs bounded).
const PATH_SEARCH_BUDGET = 20_000;

type Agg = { in: Map<string, number>; out: Map<string, number> };

/**
 * Ranks who influences `target` (an actor, a group such as a school board with its current members,
 * or a list), every answer explained.
 *
 * Score. On the influence view (registry direction, arc weight w = kind weight × strength/5, sign
 * ±1), let W(u,v) be the signed sum of the arcs u → v. The score of actor a is
 *
 *   score(a) = Σ over walks a = x0 → x1 → … → xk, 1 ≤ k ≤ depth, xk ∈ T, x0…x(k−1) ∉ T,
 *              with no immediate return (x(i+2) ≠ xi), of Π W(xi, x(i+1))
 *
 * where T is the target group. For depth ≤ 3 those walks are exactly the simple paths into the
 * group, so the score is a truncated Katz index with attenuation folded into the weights (< 1): each
 * path adds the product of its weights, longer paths add less, several paths add up, and a path
 * through a conflict counts against (signed-network convention: opposing an ally of the target opposes
 * the target). For larger depths cycles of length ≥ 3 may also be counted. Paths stop at the first
 * group member they reach; a path into two members counts twice (influence over more of the board).
 * Members of T are not ranked.
 *
 * Cost. The score is computed by dynamic programming backward from T, level by level, touching only
 * actors within `depth` steps of the target; explanations come from a best-first search limited to
 * the same neighbourhood. Nothing is computed for the rest of the graph.
 */
export function influencersOf(map: MapLike, target: ActorRef, options: InfluencersOptions = {}): Influencer[] {
  const origin = "influencersOf";
  const graph = graphOf(map);
  const depth = options.depth ?? 3;
  const top = options.top ?? 20;
  const perActor = options.pathsPerActor ?? 3;
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new UsageError(`${origin}: depth must be an integer 1…10, got ${String(depth)}`);
  if (!(Number.isInteger(top) && top >= 1) && top !== Infinity) throw new UsageError(`${origin}: top must be a positive integer, got ${String(top)}`);
  if (!Number.isInteger(perActor) || perActor < 0) throw new UsageError(`${origin}: pathsPerActor must be a non-negative integer`);

  const group = resolveGroupFor(graph, target, { asOf: options.asOf, expand: options.expandGroups ?? true }, origin);
  const T = new Set(group.ids);
  const view = new InfluenceView(graph, { asOf: options.asOf, kinds: options.kinds, includeOpposition: options.includeOpposition ?? true }, origin);

  const aggCache = new Map<string, Agg>();
  const agg = (node: string): Agg => {
    let a = aggCache.get(node);
    if (a) return a;
    a = { in: sumBy(view.inArcs(node), (x) => x.source), out: sumBy(view.outArcs(node), (x) => x.target) };
    aggCache.set(node, a);
    return a;
  };

  // S[k] maps an actor to the signed sum over its walks of exactly k steps into T (key present = a walk exists).
  const S: Map<string, number>[] = [new Map()];
  const hops = new Map<string, number>(); // fewest steps from an actor to T, for pruning explanations
  for (const t of T) hops.set(t, 0);
  const first = new Map<string, number>();
  for (const t of T)
    for (const [u, w] of agg(t).in) {
      if (T.has(u)) continue;
      first.set(u, (first.get(u) ?? 0) + w);
      if (!hops.has(u)) hops.set(u, 1);
    }
  S.push(first);

  // C(j, x, u): walks of j steps from x into T whose first step does not go back to u (x's predecessor).
  const memo = new Map<string, number>();
  const C = (j: number, x: string, u: string): number => {
    if (j === 0) return 0; // x ∉ T here, and a walk of 0 steps from x ∉ T does not reach T
    const sj = S[j]!.get(x) ?? 0;
    const back = agg(x).out.get(u);
    if (back === undefined) return sj;
    const key = `${j}\u0000${x}\u0000${u}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = sj - back * C(j - 1, u, x);
      memo.set(key, v);
    }
    return v;
  };

  for (let k = 2; k <= depth; k++) {
    const prev = S[k - 1]!;
    const next = new Map<string, number>();
    for (const x of prev.keys())
      for (const [u, w] of agg(x).in) {
        if (T.has(u)) continue;
        const c = C(k - 1, x, u);
        // A walk exists through x back to u only if x has other ways into T; C is exact either way.
        next.set(u, (next.get(u) ?? 0) + w * c);
        if (!hops.has(u)) hops.set(u, k);
      }
    S.push(next);
  }

  const total = new Map<string, number>();
  for (let k = 1; k <= depth; k++) for (const [v, s] of S[k]!) total.set(v, (total.get(v) ?? 0) + s);

  const ranked = [...total].filter(([, s]) => Math.abs(s) > 1e-12).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked.slice(0, top === Infinity ? undefined : top).map(([id, score]) => {
    const sign: 1 | -1 = score < 0 ? -1 : 1;
    return {
      id,
      name: nameOf(graph, id),
      score,
      sign,
      effect: sign > 0 ? "pushes" : "opposes",
      paths: perActor === 0 ? [] : bestPaths(view, id, T, hops, depth, perActor).map((arcs) => explainArcs(graph, arcs)),
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
 * best-first on cost = Σ −ln(w) (non-negative, so complete paths come out in order). `hops` (fewest
 * steps to T) prunes any partial path that can no longer arrive in time.
 */
function bestPaths(view: InfluenceView, start: string, T: ReadonlySet<string>, hops: ReadonlyMap<string, number>, depth: number, count: number): InfluenceArc[][] {
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
      heap.push({ cost: p.cost + arcCost(arc.weight), node: arc.target, arcs: [...p.arcs, arc] });
    }
  }
  return out;
}
