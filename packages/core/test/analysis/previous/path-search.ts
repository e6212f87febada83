// PREVIOUS IMPLEMENTATION (before the typed-array rewrite), kept verbatim as the reference of
// influence-differential.test.ts. Not used by the library; do not edit except to follow API renames.
import { arcCost } from "../../../src/analysis/explain.ts";
import { MinHeap } from "../../../src/analysis/heap.ts";
import type { InfluenceArc, InfluenceView } from "../../../src/analysis/influence-graph.ts";

/** Node 0 of every search graph: a virtual start joined at cost 0 to each start actor. */
export const VIRTUAL = 0;

/** A forward step: the best relationship between an ordered pair of actors (null from the virtual start). */
export interface Step {
  to: number;
  cost: number;
  arc: InfluenceArc | null;
}

/**
 * The graph the k-shortest-paths searches walk, derived lazily from an InfluenceView: actors get
 * small integer numbers on first touch (so the hot loops hash numbers, not strings) and their steps
 * are computed once. Parallel relationships collapse to the strongest one (ties: smaller id). Arcs
 * never enter a start actor and never leave a target, so paths cannot pass through either.
 */
export class SearchGraph {
  readonly ids: string[] = ["\u0000sources"];
  private readonly index = new Map<string, number>();
  private readonly role: number[] = [0]; // 1 = start, 2 = target
  private readonly outs: (Step[] | undefined)[] = [];
  private readonly ins: (Step[] | undefined)[] = [];
  // Scratch for collapsing parallel arcs: where `mark[v] === owner`, `slot[v]` is v's position.
  private readonly mark: number[] = [];
  private readonly slot: number[] = [];

  constructor(
    private readonly view: InfluenceView,
    starts: readonly string[],
    targets: readonly string[],
  ) {
    this.outs[VIRTUAL] = starts.map((s) => ({ to: this.node(s), cost: 0, arc: null }));
    for (const s of starts) this.role[this.node(s)] = 1;
    for (const t of targets) this.role[this.node(t)] = 2;
  }

  /** The number of an actor id (assigned on first use). */
  node(id: string): number {
    let v = this.index.get(id);
    if (v === undefined) {
      v = this.ids.length;
      this.ids.push(id);
      this.role.push(0);
      this.index.set(id, v);
    }
    return v;
  }

  get size(): number {
    return this.ids.length;
  }

  isTarget(v: number): boolean {
    return this.role[v] === 2;
  }

  /** Steps out of `v`, cheapest relationship per neighbour. */
  out(v: number): readonly Step[] {
    let steps = this.outs[v];
    if (!steps) {
      steps = this.role[v] === 2 ? [] : this.collapse(v, this.view.outArcs(this.ids[v]!), (a) => a.target, true);
      this.outs[v] = steps;
    }
    return steps;
  }

  /** Steps into `v`, reversed (`to` is the actor they come from); arcs are not kept. */
  in(v: number): readonly Step[] {
    let steps = this.ins[v];
    if (!steps) {
      steps = v === VIRTUAL || this.role[v] === 1 ? [] : this.collapse(v, this.view.inArcs(this.ids[v]!), (a) => a.source, false);
      this.ins[v] = steps;
    }
    return steps;
  }

  private collapse(v: number, arcs: readonly InfluenceArc[], end: (a: InfluenceArc) => string, forward: boolean): Step[] {
    const steps: Step[] = [];
    const owner = forward ? 2 * v : 2 * v + 1;
    for (const a of arcs) {
      const w = this.node(end(a));
      // Forward arcs never enter a start; backward ones never come from a target (which has no way out).
      if (this.role[w] === (forward ? 1 : 2)) continue;
      if (this.mark[w] === owner) {
        const s = steps[this.slot[w]!]!;
        const o = s.arc!;
        if (a.weight > o.weight || (a.weight === o.weight && a.rel.id < o.rel.id)) steps[this.slot[w]!] = { to: w, cost: arcCost(a.weight), arc: a };
        continue;
      }
      this.mark[w] = owner;
      this.slot[w] = steps.length;
      steps.push({ to: w, cost: arcCost(a.weight), arc: a });
    }
    if (!forward) for (const s of steps) s.arc = null; // the backward search needs costs only
    return steps;
  }
}

/** How many actors the backward search settles, at least, to sharpen the A* bound (see `lowerBound`). */
export const BACKWARD_BUDGET = 500;

/** A lower bound of the cost from an actor to the nearest target. */
export type Bound = (v: number) => number;

/**
 * A consistent A* heuristic for every spur search, or null when no start reaches a target.
 *
 * A bidirectional Dijkstra (forward from the starts, backward from the targets, each step on the
 * smaller frontier) runs until it proves the shortest distance; the backward search then goes on
 * until it has settled `BACKWARD_BUDGET` actors (or passed that distance). Settled actors get their
 * exact distance to the targets, all others the backward radius — a lower bound, and consistent
 * because an unsettled actor's distance is at least the radius. Spur searches of Yen's algorithm
 * remove actors and arcs, which only lengthens distances, so the bound stays valid for them.
 */
export function lowerBound(g: SearchGraph, targets: readonly number[]): Bound | null {
  const less = (a: [number, number], b: [number, number]) => a[0] < b[0];
  const fHeap = new MinHeap<[number, number]>(less);
  const bHeap = new MinHeap<[number, number]>(less);
  const fDist = new Map<number, number>(); // settled
  const bDist = new Map<number, number>();
  // Tentative distances (lengths of paths found so far): a meeting of the two sides anywhere gives
  // a path, so `best` improves before either side settles the meeting actor.
  const fSeen = new Map<number, number>([[VIRTUAL, 0]]);
  const bSeen = new Map<number, number>(targets.map((t) => [t, 0]));
  fHeap.push([0, VIRTUAL]);
  for (const t of targets) bHeap.push([0, t]);
  let best = Infinity;
  const clean = (h: MinHeap<[number, number]>, done: Map<number, number>) => {
    while (h.size > 0 && done.has(h.peek()![1])) h.pop();
  };
  const relax = (heap: MinHeap<[number, number]>, seen: Map<number, number>, other: Map<number, number>, d: number, v: number) => {
    const o = seen.get(v);
    if (o !== undefined && o <= d) return;
    seen.set(v, d);
    heap.push([d, v]);
    const far = other.get(v);
    if (far !== undefined) best = Math.min(best, d + far);
  };
  const backward = (): void => {
    const [d, v] = bHeap.pop()!;
    bDist.set(v, d);
    for (const st of g.in(v)) if (!bDist.has(st.to)) relax(bHeap, bSeen, fSeen, d + st.cost, st.to);
  };
  for (;;) {
    clean(fHeap, fDist);
    clean(bHeap, bDist);
    if (fHeap.size === 0 || bHeap.size === 0) break;
    if (fHeap.peek()![0] + bHeap.peek()![0] >= best) break;
    if (fHeap.size <= bHeap.size) {
      const [d, v] = fHeap.pop()!;
      fDist.set(v, d);
      for (const st of g.out(v)) if (!fDist.has(st.to)) relax(fHeap, fSeen, bSeen, d + st.cost, st.to);
    } else backward();
  }
  if (best === Infinity) return null;
  // Sharpen: exact distances for more actors around the targets, up to the shortest distance.
  for (clean(bHeap, bDist); bHeap.size > 0 && bDist.size < BACKWARD_BUDGET && bHeap.peek()![0] <= best; clean(bHeap, bDist)) backward();
  const radius = bHeap.size > 0 ? bHeap.peek()![0] : Infinity;
  const exact = new Float64Array(g.size).fill(radius);
  for (const [v, d] of bDist) exact[v] = d;
  exact[VIRTUAL] = 0;
  return (v) => (v < exact.length ? exact[v]! : radius);
}

/** A spur path found by a search: `nodes[0]` is the spur actor, `steps[i]` goes nodes[i] → nodes[i+1]. */
export interface Spur {
  nodes: number[];
  steps: Step[];
}

interface Label {
  node: number;
  g: number;
  f: number;
  hops: number;
  seq: number;
  step: Step | null;
  parent: Label | null;
}

// Total order: estimated cost, then fewer steps, then first pushed — so results never depend on how
// the heap happens to break ties, and skipping labels that would lose anyway changes nothing.
const labelLess = (a: Label, b: Label): boolean => a.f < b.f || (a.f === b.f && (a.hops < b.hops || (a.hops === b.hops && a.seq < b.seq)));

/**
 * A resumable A* search from one actor to the first target it reaches, avoiding banned actors and
 * the banned first steps, within `maxHops` real steps. `advance(limit)` runs it only while its
 * cheapest open estimate stays within `limit`, so Yen's algorithm can stop every spur search at
 * the cost of the last path it needs instead of running each one to its end.
 */
export class SpurSearch {
  private readonly heap = new MinHeap<Label>(labelLess);
  // Fewest steps an actor was settled with (−1: banned). With no step limit, any later label loses.
  private readonly settled = new Map<number, number>();
  // Best label pushed per actor (f and hops), to skip labels that would lose to it when popped.
  private readonly bestF = new Map<number, number>();
  private readonly bestHops = new Map<number, number>();
  private seq = 0;
  /** undefined while running; then the spur path, or null when there is none. */
  result: Spur | null | undefined = undefined;

  constructor(
    private readonly g: SearchGraph,
    private readonly h: Bound,
    private readonly start: number,
    bannedNodes: readonly number[],
    private readonly bannedNext: ReadonlySet<number>,
    private readonly maxHops: number,
    /** Cost of the root path up to `start` (added to estimates by the caller's scheduling). */
    readonly rootCost: number,
    /** Creation order, the last tie-break between candidate paths of equal cost and length. */
    readonly order: number,
  ) {
    for (const b of bannedNodes) this.settled.set(b, -1);
    if (maxHops < 0) this.result = null;
    else this.heap.push({ node: start, g: 0, f: h(start), hops: 0, seq: this.seq++, step: null, parent: null });
  }

  /** A lower bound of the total cost (root included) of the path this search can still find. */
  get bound(): number {
    return this.result !== undefined || this.heap.size === 0 ? Infinity : this.rootCost + this.heap.peek()!.f;
  }

  /** Runs until the path is found, the search is exhausted, or every open estimate exceeds `limit`. */
  advance(limit: number): void {
    const { heap, settled, g, maxHops } = this;
    const unlimited = maxHops === Infinity;
    while (this.result === undefined) {
      const l = heap.peek();
      if (!l) {
        this.result = null;
        return;
      }
      if (this.rootCost + l.f > limit) return;
      heap.pop();
      const s = settled.get(l.node);
      if (s !== undefined && (unlimited || s <= l.hops)) continue;
      settled.set(l.node, l.hops);
      if (l.node !== this.start && g.isTarget(l.node)) {
        this.result = trace(l);
        return;
      }
      const first = l.node === this.start;
      for (const st of g.out(l.node)) {
        if (first && this.bannedNext.has(st.to)) continue;
        const hops = l.hops + (st.arc ? 1 : 0);
        if (hops > maxHops) continue;
        const t = settled.get(st.to);
        if (t !== undefined && (unlimited || t <= hops)) continue;
        const hb = this.h(st.to);
        if (hb === Infinity) continue;
        const gg = l.g + st.cost;
        const f = gg + hb;
        const bf = this.bestF.get(st.to);
        if (bf !== undefined) {
          const bh = this.bestHops.get(st.to)!;
          // The earlier label pops first (smaller f, or same f and no more steps) and settles the actor.
          if (unlimited ? f > bf || (f === bf && hops >= bh) : f >= bf && hops >= bh) continue;
        }
        this.bestF.set(st.to, f);
        this.bestHops.set(st.to, hops);
        heap.push({ node: st.to, g: gg, f, hops, seq: this.seq++, step: st, parent: l });
      }
    }
  }
}

function trace(l: Label): Spur {
  const nodes: number[] = [];
  const steps: Step[] = [];
  for (let c: Label | null = l; c; c = c.parent) {
    nodes.push(c.node);
    if (c.step) steps.push(c.step);
  }
  return { nodes: nodes.reverse(), steps: steps.reverse() };
}
