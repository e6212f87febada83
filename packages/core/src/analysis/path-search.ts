import { MinHeap } from "./heap.ts";
import { stepsOf, type InfluenceArrays, type Steps } from "./influence-arrays.ts";

/** Node 0 of every search graph: a virtual start joined at cost 0 to each start actor. */
export const VIRTUAL = 0;

/** A forward step: the best relationship between an ordered pair of actors (arc −1 from the virtual start). */
export interface Step {
  to: number;
  cost: number;
  /** Arc number in the influence arrays, −1 for the step from the virtual start. */
  arc: number;
}

/**
 * The graph the k-shortest-paths searches walk, read from the influence arrays of the map: search
 * node v is actor v − 1 of the snapshot (0 is the virtual start). Parallel relationships collapse to
 * the strongest one (ties: smaller id, see `stepsOf`). Arcs never enter a start actor and never
 * leave a target, so paths cannot pass through either.
 */
export class SearchGraph {
  readonly size: number;
  /** The strongest arc per pair (see `stepsOf`); out-step i of actor v − 1 goes to `outTo[i] + 1`. */
  readonly steps: Steps;
  /** 1 = start, 2 = target, by search node. */
  readonly role: Uint8Array;
  /** The start actors' search nodes: the steps out of the virtual start. */
  readonly starts: readonly number[];

  constructor(
    readonly view: InfluenceArrays,
    /** Whether conflict (negative) arcs of the view are steps. */
    conflicts: boolean,
    starts: readonly number[],
    targets: readonly number[],
  ) {
    this.steps = stepsOf(view, conflicts);
    this.size = view.n + 1;
    this.role = new Uint8Array(this.size);
    this.starts = starts.map((s) => s + 1);
    for (const s of starts) this.role[s + 1] = 1;
    for (const t of targets) this.role[t + 1] = 2;
  }

  /** The search node of an actor number. */
  node(actor: number): number {
    return actor + 1;
  }

  isTarget(v: number): boolean {
    return this.role[v] === 2;
  }

  /**
   * Calls `visit(w, cost, step)` for each step out of `v` (cheapest relationship per neighbour),
   * except into a start; a target has none. `step` names the step for `stepAt`.
   */
  forEachOut(v: number, visit: (w: number, cost: number, step: number) => void): void {
    if (v === VIRTUAL) {
      for (let i = 0; i < this.starts.length; i++) visit(this.starts[i]!, 0, -1 - i);
      return;
    }
    if (this.role[v] === 2) return;
    const { outOffsets, outTo, outCost } = this.steps;
    for (let i = outOffsets[v - 1]!, end = outOffsets[v]!; i < end; i++) {
      const w = outTo[i]! + 1;
      if (this.role[w] !== 1) visit(w, outCost[i]!, i);
    }
  }

  /** The step named `step` by `forEachOut`. */
  stepAt(step: number): Step {
    if (step < 0) return { to: this.starts[-1 - step]!, cost: 0, arc: -1 };
    return { to: this.steps.outTo[step]! + 1, cost: this.steps.outCost[step]!, arc: this.steps.outArc[step]! };
  }

  /**
   * Calls `visit(u, cost)` for each step u → v into `v` (cheapest relationship per neighbour),
   * except from a target; a start (and the virtual start) has none.
   */
  forEachIn(v: number, visit: (u: number, cost: number) => void): void {
    if (v === VIRTUAL || this.role[v] === 1) return;
    const { inOffsets, inFrom, inCost } = this.steps;
    for (let i = inOffsets[v - 1]!, end = inOffsets[v]!; i < end; i++) {
      const u = inFrom[i]! + 1;
      if (this.role[u] !== 2) visit(u, inCost[i]!);
    }
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
    g.forEachIn(v, (u, cost) => {
      if (!bDist.has(u)) relax(bHeap, bSeen, fSeen, d + cost, u);
    });
  };
  for (;;) {
    clean(fHeap, fDist);
    clean(bHeap, bDist);
    if (fHeap.size === 0 || bHeap.size === 0) break;
    if (fHeap.peek()![0] + bHeap.peek()![0] >= best) break;
    if (fHeap.size <= bHeap.size) {
      const [d, v] = fHeap.pop()!;
      fDist.set(v, d);
      g.forEachOut(v, (w, cost) => {
        if (!fDist.has(w)) relax(fHeap, fSeen, bSeen, d + cost, w);
      });
    } else backward();
  }
  if (best === Infinity) return null;
  // Sharpen: exact distances for more actors around the targets, up to the shortest distance.
  for (clean(bHeap, bDist); bHeap.size > 0 && bDist.size < BACKWARD_BUDGET && bHeap.peek()![0] <= best; clean(bHeap, bDist)) backward();
  const radius = bHeap.size > 0 ? bHeap.peek()![0] : Infinity;
  bDist.set(VIRTUAL, 0);
  return (v) => bDist.get(v) ?? radius;
}

/** A spur path found by a search: `nodes[0]` is the spur actor, `steps[i]` goes nodes[i] → nodes[i+1]. */
export interface Spur {
  nodes: number[];
  steps: Step[];
}

const NO_STEP = 0x7fffffff;

/**
 * The labels of one search as parallel typed arrays (label i: actor, cost so far, estimate, steps,
 * the step that led there, parent label), so the many labels a hub produces are not objects. A
 * label's number is its push order.
 */
class Labels {
  size = 0;
  node: Int32Array = new Int32Array(64);
  g: Float64Array = new Float64Array(64);
  f: Float64Array = new Float64Array(64);
  hops: Int32Array = new Int32Array(64);
  step: Int32Array = new Int32Array(64);
  parent: Int32Array = new Int32Array(64);

  add(node: number, g: number, f: number, hops: number, step: number, parent: number): number {
    const i = this.size++;
    if (i === this.node.length) this.grow();
    this.node[i] = node;
    this.g[i] = g;
    this.f[i] = f;
    this.hops[i] = hops;
    this.step[i] = step;
    this.parent[i] = parent;
    return i;
  }

  private grow(): void {
    const n = this.node.length * 2;
    const int = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const float = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.node = int(this.node);
    this.g = float(this.g);
    this.f = float(this.f);
    this.hops = int(this.hops);
    this.step = int(this.step);
    this.parent = int(this.parent);
  }
}

/**
 * A resumable A* search from one actor to the first target it reaches, avoiding banned actors and
 * the banned first steps, within `maxHops` real steps. `advance(limit)` runs it only while its
 * cheapest open estimate stays within `limit`, so Yen's algorithm can stop every spur search at
 * the cost of the last path it needs instead of running each one to its end.
 */
export class SpurSearch {
  private readonly labels = new Labels();
  // Total order: estimated cost, then fewer steps, then first pushed — so results never depend on
  // how the heap happens to break ties, and skipping labels that would lose anyway changes nothing.
  private readonly heap = new MinHeap<number>((a, b) => {
    const { f, hops } = this.labels;
    return f[a]! < f[b]! || (f[a] === f[b] && (hops[a]! < hops[b]! || (hops[a] === hops[b] && a < b)));
  });
  // Fewest steps an actor was settled with (−1: banned). With no step limit, any later label loses.
  private readonly settled = new Map<number, number>();
  // Last label pushed per actor (its f and hops), to skip labels that would lose to it when popped.
  private readonly best = new Map<number, number>();
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
    else this.heap.push(this.labels.add(start, 0, h(start), 0, NO_STEP, -1));
  }

  /** A lower bound of the total cost (root included) of the path this search can still find. */
  get bound(): number {
    return this.result !== undefined || this.heap.size === 0 ? Infinity : this.rootCost + this.labels.f[this.heap.peek()!]!;
  }

  /** Runs until the path is found, the search is exhausted, or every open estimate exceeds `limit`. */
  advance(limit: number): void {
    const { heap, settled, g, maxHops, labels } = this;
    const unlimited = maxHops === Infinity;
    while (this.result === undefined) {
      const l = heap.peek();
      if (l === undefined) {
        this.result = null;
        return;
      }
      if (this.rootCost + labels.f[l]! > limit) return;
      heap.pop();
      const node = labels.node[l]!;
      const lh = labels.hops[l]!;
      const s = settled.get(node);
      if (s !== undefined && (unlimited || s <= lh)) continue;
      settled.set(node, lh);
      if (node !== this.start && g.isTarget(node)) {
        this.result = this.trace(l);
        return;
      }
      const first = node === this.start;
      if (node === VIRTUAL) {
        for (let i = 0; i < g.starts.length; i++) this.consider(l, g.starts[i]!, 0, -1 - i, first);
      } else if (!g.isTarget(node)) {
        const { role } = g;
        const { outOffsets, outTo, outCost } = g.steps;
        for (let i = outOffsets[node - 1]!, end = outOffsets[node]!; i < end; i++) {
          const w = outTo[i]! + 1;
          if (role[w] !== 1) this.consider(l, w, outCost[i]!, i, first);
        }
      }
    }
  }

  /** Pushes the label for the step `step` from label `l` to `w`, unless it cannot win. */
  private consider(l: number, w: number, cost: number, step: number, first: boolean): void {
    if (first && this.bannedNext.has(w)) return;
    const labels = this.labels;
    const hops = labels.hops[l]! + (step >= 0 ? 1 : 0); // the virtual first step is not a real one
    const { maxHops } = this;
    if (hops > maxHops) return;
    const unlimited = maxHops === Infinity;
    const t = this.settled.get(w);
    if (t !== undefined && (unlimited || t <= hops)) return;
    const hb = this.h(w);
    if (hb === Infinity) return;
    const gg = labels.g[l]! + cost;
    const f = gg + hb;
    const b = this.best.get(w);
    if (b !== undefined) {
      const bf = labels.f[b]!;
      const bh = labels.hops[b]!;
      // The earlier label pops first (smaller f, or same f and no more steps) and settles the actor.
      if (unlimited ? f > bf || (f === bf && hops >= bh) : f >= bf && hops >= bh) return;
    }
    const label = labels.add(w, gg, f, hops, step, l);
    this.best.set(w, label);
    this.heap.push(label);
  }

  private trace(l: number): Spur {
    const { node, step, parent } = this.labels;
    const nodes: number[] = [];
    const steps: Step[] = [];
    for (let c = l; c >= 0; c = parent[c]!) {
      nodes.push(node[c]!);
      if (step[c] !== NO_STEP) steps.push(this.g.stepAt(step[c]!));
    }
    return { nodes: nodes.reverse(), steps: steps.reverse() };
  }
}
