import { UsageError } from "../errors.ts";
import { graphOf, type MapLike } from "../graph/input.ts";
import type { KindOverrides } from "../kinds.ts";
import type { AsOf } from "./current.ts";
import { arcCost, explainArcs, type ExplainedPath } from "./explain.ts";
import type { PowerGraph } from "../graph/types.ts";
import { nameOf, resolveGroupFor, type ActorRef } from "./groups.ts";
import { MinHeap } from "./heap.ts";
import { arcRecord, influenceArraysOf, releaseScratch, takeScratch, tiesOf, type InfluenceArrays, type Scratch } from "./influence-arrays.ts";
import type { InfluenceArc } from "./influence-graph.ts";

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
export function influencersOf(map: MapLike, target: ActorRef, options: InfluencersOptions = {}): Influencer[] {
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
  const view = influenceArraysOf(map, { asOf: options.asOf, kinds: options.kinds, includeOpposition: options.includeOpposition ?? true }, origin);
  const q = new Query(view, takeScratch(view), depth);
  try {
    q.run(group.ids, epsilon);
    return q.ranked(top).map(([p, score]) => {
      const sign: 1 | -1 = score < 0 ? -1 : 1;
      const v = q.nodes[p]!;
      const id = view.snap.ids[v]!;
      return {
        id,
        name: nameOf(graph, id),
        score,
        sign,
        effect: sign > 0 ? "pushes" : "opposes",
        paths: perActor === 0 ? [] : q.bestPaths(v, perActor).map((arcs) => explain(graph, view, arcs)),
      };
    });
  } finally {
    q.release();
  }
}

/** Explains arcs of the view, each counted with its share w / cap(target). */
function explain(graph: PowerGraph, view: InfluenceArrays, arcs: readonly number[]): ExplainedPath {
  const shares = new Map<InfluenceArc, number>();
  const records = arcs.map((a) => {
    const r = arcRecord(view, a);
    shares.set(r, view.arcWeight[a]! / view.cap[view.arcTo[a]!]!);
    return r;
  });
  return explainArcs(graph, records, (r) => shares.get(r)!);
}

// Local tables start this small (a campaign map) and double as a query explores more actors.
const INITIAL = 64;

interface PartialPath {
  cost: number;
  node: number;
  arcs: number[];
}

/**
 * One influencersOf computation on the influence arrays. Actors it touches get small local numbers
 * (`nodes[p]` is the actor of local p), so its tables grow with the explored neighbourhood only.
 */
class Query {
  /** Number of local numbers handed out. */
  size = 0;
  /** Actor number of each local number. */
  nodes = new Int32Array(INITIAL);
  // Per local number: bit k of `has` = a counted walk of exactly k steps into T exists (S[k] has
  // it); bit k of `expanded` = its walks of k steps were extended (k = 0: member of T); `level` =
  // first level it was expanded at (0 for T, −1 never), which prunes explanations.
  private has = new Uint16Array(INITIAL);
  private expanded = new Uint16Array(INITIAL);
  private level = new Int8Array(INITIAL).fill(-1);
  private inT = new Uint8Array(INITIAL);
  /** S[k][p]: signed sum over the counted walks of exactly k steps from p into T. */
  private S: Float64Array[] = [];
  /** Local numbers in S[k], in the order they entered it (the first `counts[k]` entries). */
  private readonly lists: Int32Array[] = [];
  private readonly counts: number[] = [];

  constructor(
    private readonly view: InfluenceArrays,
    private readonly scratch: Scratch,
    private readonly depth: number,
  ) {
    for (let k = 0; k <= depth; k++) {
      this.S.push(new Float64Array(INITIAL));
      this.lists.push(new Int32Array(INITIAL));
      this.counts.push(0);
    }
  }

  /** Hands the scratch back clean (every touched actor's local number reset). */
  release(): void {
    const { local } = this.scratch;
    for (let p = 0; p < this.size; p++) local[this.nodes[p]!] = -1;
    releaseScratch(this.view, this.scratch);
  }

  private localOf(v: number): number {
    const { local } = this.scratch;
    let p = local[v]!;
    if (p < 0) {
      p = this.size++;
      if (p === this.nodes.length) this.grow();
      local[v] = p;
      this.nodes[p] = v;
    }
    return p;
  }

  private grow(): void {
    const size = this.nodes.length * 2;
    const more = <A extends Int32Array | Uint16Array | Int8Array | Uint8Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.nodes = more(this.nodes, (n) => new Int32Array(n));
    this.has = more(this.has, (n) => new Uint16Array(n));
    this.expanded = more(this.expanded, (n) => new Uint16Array(n));
    this.level = more(this.level, (n) => new Int8Array(n).fill(-1));
    this.inT = more(this.inT, (n) => new Uint8Array(n));
    // In place: Array.prototype.map would hand back a holey array, a second shape for the search code.
    for (let k = 0; k < this.S.length; k++) this.S[k] = more(this.S[k]!, (n) => new Float64Array(n));
  }

  /**
   * C(j, x, u): counted walks of j steps from x into T whose first step does not go back to u (x, u
   * local numbers, u −1 when untouched). rxu and rux are the summed signed weights x→u and u→x; a
   * walk x→u→… is only counted if u was expanded at j−1.
   */
  private C(j: number, x: number, u: number, rxu: number, rux: number): number {
    if (j <= 0) return 0;
    const s = this.S[j]![x]!;
    if (rxu === 0 || u < 0 || !(this.expanded[u]! & (1 << (j - 1)))) return s;
    return s - (rxu / this.view.cap[this.nodes[u]!]!) * this.C(j - 1, u, x, rux, rxu);
  }

  /** The level-by-level dynamic programming of `influencersOf`, backward from T. */
  run(targetIds: readonly string[], epsilon: number): void {
    const { view, depth, lists, counts } = this;
    const { snap, cap } = view;
    const { local } = this.scratch;
    const { offsets, source, weight, back } = tiesOf(view);
    const { degree } = view;
    const T: number[] = [];
    for (const id of targetIds) {
      const p = this.localOf(snap.index.get(id)!);
      this.inT[p] = 1;
      this.expanded[p]! |= 1;
      this.level[p] = 0;
      T.push(p);
    }
    for (let k = 1; k <= depth; k++) {
      const from = k === 1 ? T : lists[k - 1]!;
      const fromCount = k === 1 ? T.length : counts[k - 1]!;
      let nextList = lists[k]!;
      let nextCount = 0;
      const bit = 1 << k;
      // Local copies of the tables, refreshed when `localOf` grows them.
      let { has, inT, nodes } = this;
      let next = this.S[k]!;
      const prev = this.S[k - 1]!;
      for (let i = 0; i < fromCount; i++) {
        const x = from[i]!;
        const X = nodes[x]!;
        if (k > 1) {
          const sx = prev[x]!;
          // Locality: a partial score below epsilon × degree is not carried further.
          if (epsilon > 0 && Math.abs(sx) < epsilon * degree[X]!) continue;
          this.expanded[x]! |= 1 << (k - 1);
          if (this.level[x]! < 0) this.level[x] = k - 1;
        }
        const capx = cap[X]!;
        for (let e = offsets[X]!, end = offsets[X + 1]!; e < end; e++) {
          const U = source[e]!;
          let pu = local[U]!;
          if (pu >= 0 && inT[pu]) continue;
          const w = weight[e]!;
          const walks = k === 1 ? 1 : this.C(k - 1, x, pu, back[e]!, w);
          if (pu < 0) {
            pu = this.localOf(U);
            if (this.nodes !== nodes) {
              ({ has, inT, nodes } = this);
              next = this.S[k]!;
            }
          }
          if (!(has[pu]! & bit)) {
            has[pu]! |= bit;
            if (nextCount === nextList.length) {
              const longer = new Int32Array(nextCount * 2);
              longer.set(nextList);
              nextList = lists[k] = longer;
            }
            nextList[nextCount++] = pu;
          }
          next[pu]! += (w / capx) * walks;
        }
      }
      counts[k] = nextCount;
    }
  }

  /** [local number, score] of the `top` actors by |score| (ties: smaller id), strongest first. */
  ranked(top: number): [number, number][] {
    const { S, has, depth, size } = this;
    const ids = this.view.snap.ids;
    const id = (p: number): string => ids[this.nodes[p]!]!;
    // a before b: larger |score|, then smaller id.
    const before = (a: [number, number], b: [number, number]): boolean => {
      const d = Math.abs(a[1]) - Math.abs(b[1]);
      if (d !== 0) return d > 0;
      return id(a[0]) < id(b[0]);
    };
    // Keep the best `top` in a heap whose root is the weakest kept.
    const kept = new MinHeap<[number, number]>((a, b) => before(b, a));
    for (let p = 0; p < size; p++) {
      if (has[p] === 0) continue;
      let score = 0;
      for (let k = 1; k <= depth; k++) score += S[k]![p]!;
      if (!(Math.abs(score) > 1e-12)) continue;
      const item: [number, number] = [p, score];
      if (kept.size < top) kept.push(item);
      else if (before(item, kept.peek()!)) {
        kept.pop();
        kept.push(item);
      }
    }
    const out: [number, number][] = [];
    while (kept.size > 0) out.push(kept.pop()!);
    return out.reverse();
  }

  /**
   * The `count` strongest simple paths from actor `start` into T with at most `depth` steps,
   * strongest first: best-first on cost = Σ −ln(share) (non-negative, so complete paths come out in
   * order). The first level each actor was expanded at keeps the search inside the explored
   * neighbourhood and prunes partial paths that can no longer arrive in time.
   */
  bestPaths(start: number, count: number): number[][] {
    const { view, level, inT, depth } = this;
    const { local } = this.scratch;
    const { arcFrom, arcTo, arcWeight, outOffsets, cap } = view;
    const out: number[][] = [];
    const heap = new MinHeap<PartialPath>((a, b) => a.cost < b.cost || (a.cost === b.cost && a.arcs.length < b.arcs.length));
    heap.push({ cost: 0, node: start, arcs: [] });
    let pops = 0;
    while (heap.size > 0 && out.length < count && pops++ < PATH_SEARCH_BUDGET) {
      const p = heap.pop()!;
      const lp = local[p.node]!;
      if (p.arcs.length > 0 && lp >= 0 && inT[lp]) {
        out.push(p.arcs);
        continue;
      }
      for (let a = outOffsets[p.node]!, end = outOffsets[p.node + 1]!; a < end; a++) {
        const t = arcTo[a]!;
        const lt = local[t]!;
        const h = lt >= 0 ? level[lt]! : -1;
        if (h < 0 || p.arcs.length + 1 + h > depth) continue;
        if (t === start || p.arcs.some((b) => arcFrom[b] === t)) continue; // keep paths simple
        heap.push({ cost: p.cost + arcCost(arcWeight[a]! / cap[t]!), node: t, arcs: [...p.arcs, a] });
      }
    }
    return out;
  }
}
