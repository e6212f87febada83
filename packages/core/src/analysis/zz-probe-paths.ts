import { UsageError } from "../errors.ts";
import { graphOf, type MapLike } from "../graph/input.ts";
import type { PowerGraph } from "../graph/types.ts";
import type { KindOverrides } from "../kinds.ts";
import type { AsOf } from "./current.ts";
import { arcCost, explainArcs, type ExplainedPath } from "./explain.ts";
import { resolveActors, type ActorRef } from "./groups.ts";
import { MinHeap } from "./heap.ts";
import { InfluenceView, type InfluenceArc } from "./influence-graph.ts";

export interface PathsOptions {
  /** How many alternative paths (default 3). */
  k?: number;
  asOf?: AsOf;
  kinds?: KindOverrides;
  /** Longest path, in steps (default: no limit). */
  maxDepth?: number;
  /** "influence" (default): follow the registry's direction of influence; "any": walk relationships both ways. */
  direction?: "influence" | "any";
  /** Allow steps through conflict relationships (default false: a conflict is not a way to reach someone). */
  includeOpposition?: boolean;
}

const VIRTUAL = "\u0000sources";
export const probe = { bi: 0, biPush: 0, spur: 0, spurPop: 0, spurPush: 0, spurs: 0, found: 0, outNodes: 0 };

/** A search arc: the best relationship between an ordered pair of actors (null for the virtual start). */
interface Step {
  to: string;
  cost: number;
  arc: InfluenceArc | null;
}

interface FoundPath {
  nodes: string[]; // VIRTUAL first
  steps: Step[]; // steps[i] goes nodes[i] → nodes[i+1]
  cost: number;
}

/** The campaign's own actors (role "own"), used when `from` is omitted or "own". */
function ownActors(graph: PowerGraph): string[] {
  const out: string[] = [];
  graph.forEachNode((id, a) => {
    if (a.roles?.includes("own")) out.push(id);
  });
  return out;
}

/**
 * The k best loopless paths from `from` (an actor, a list, or the campaign's own actors when omitted
 * or "own") to `to` (an actor or a list: the path ends at the first one it reaches), best first.
 *
 * Cost of a step = −ln(w) with w = kind weight × strength/5 of the relationship (of the strongest
 * one when a pair has several), so strong, heavy ties are cheap and a path's cost is −ln of the
 * product of its weights (`score`). Paths never pass through another start or end actor. Algorithm:
 * Yen's k shortest loopless paths; each spur search is an A* guided by the distances of a
 * bidirectional Dijkstra between the two ends (see `lowerBound`), so the work stays in the
 * neighbourhood between them.
 * `maxDepth` limits the number of steps (the searches then run over (actor, steps) states).
 */
export function pathsBetween(map: MapLike, from: ActorRef | undefined, to: ActorRef, options: PathsOptions = {}): ExplainedPath[] {
  const origin = "pathsBetween";
  const graph = graphOf(map);
  const k = options.k ?? 3;
  const maxDepth = options.maxDepth ?? Infinity;
  const direction = options.direction ?? "influence";
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`${origin}: k must be a positive integer, got ${String(k)}`);
  if (maxDepth !== Infinity && (!Number.isInteger(maxDepth) || maxDepth < 1)) throw new UsageError(`${origin}: maxDepth must be a positive integer`);
  if (direction !== "influence" && direction !== "any") throw new UsageError(`${origin}: direction must be "influence" or "any"`);

  const sources =
    from === undefined || (from === "own" && !graph.hasNode("own")) ? ownActors(graph) : resolveActors(graph, from, origin);
  if (sources.length === 0) throw new UsageError(`${origin}: no start actor (the map has no actor with role "own"; pass from)`);
  const targets = new Set(resolveActors(graph, to, origin));
  const starts = sources.filter((s) => !targets.has(s));
  if (starts.length === 0) return [];
  const startSet = new Set(starts);

  const view = new InfluenceView(graph, { asOf: options.asOf, kinds: options.kinds, mode: direction === "any" ? "any" : "influence", includeOpposition: options.includeOpposition ?? false }, origin);
  const best = (arcs: readonly InfluenceArc[], end: (a: InfluenceArc) => string): Map<string, InfluenceArc> => {
    const m = new Map<string, InfluenceArc>();
    for (const a of arcs) {
      const o = m.get(end(a));
      if (!o || a.weight > o.weight || (a.weight === o.weight && a.rel.id < o.rel.id)) m.set(end(a), a);
    }
    return m;
  };
  const outCache = new Map<string, Step[]>();
  const out = (v: string): Step[] => {
    if (v === VIRTUAL) return starts.map((s) => ({ to: s, cost: 0, arc: null }));
    let steps = outCache.get(v);
    if (!steps) {
      steps = targets.has(v) ? [] : [...best(view.outArcs(v), (a) => a.target).values()].filter((a) => !startSet.has(a.target)).map((a) => ({ to: a.target, cost: arcCost(a.weight), arc: a }));
      outCache.set(v, steps);
    }
    return steps;
  };

  const bound = lowerBound(view, out, starts, targets);
  if (!bound) return [];

  const first = search(VIRTUAL, new Set(), new Set(), maxDepth, out, targets, bound);
  if (!first) return [];
  const accepted: FoundPath[] = [first];
  const seen = new Set([first.nodes.join("\u0001")]);
  const candidates = new MinHeap<FoundPath>((a, b) => a.cost < b.cost || (a.cost === b.cost && a.nodes.length < b.nodes.length));
  while (accepted.length < k) {
    const prev = accepted[accepted.length - 1]!;
    for (let j = 0; j < prev.nodes.length - 1; j++) {
      const root = prev.nodes.slice(0, j + 1);
      const bannedEdges = new Set<string>();
      for (const p of accepted) if (p.nodes.length > j + 1 && sameRoot(p.nodes, root)) bannedEdges.add(`${p.nodes[j]}\u0000${p.nodes[j + 1]}`);
      const bannedNodes = new Set(root.slice(0, j));
      const used = Math.max(0, j - 1); // the virtual first step is not a real one
      probe.spurs++;
      const spur = search(root[j]!, bannedNodes, bannedEdges, maxDepth - used, out, targets, bound);
      if (!spur) continue;
      const steps = [...prev.steps.slice(0, j), ...spur.steps];
      const nodes = [...root.slice(0, j), ...spur.nodes];
      const key = nodes.join("\u0001");
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ nodes, steps, cost: steps.reduce((s, x) => s + x.cost, 0) });
    }
    const next = candidates.pop();
    if (!next) break;
    accepted.push(next);
  }
  return accepted.map((p) => explainArcs(graph, p.steps.flatMap((s) => (s.arc ? [s.arc] : []))));
}

function sameRoot(nodes: readonly string[], root: readonly string[]): boolean {
  for (let i = 0; i < root.length; i++) if (nodes[i] !== root[i]) return false;
  return true;
}

/**
 * A lower bound of the cost from any actor to the targets, from a bidirectional Dijkstra (forward
 * from the starts, backward from the targets, each step on the smaller frontier) stopped as soon as
 * the two searches prove the shortest path: actors settled backward get their exact distance, all
 * others the backward radius, a valid lower bound. It is a consistent A* heuristic for every spur
 * search of Yen's algorithm (removing arcs or actors only makes paths longer), and both searches only
 * cover about half the distance, which is what keeps queries local on large maps.
 */
function lowerBound(
  view: InfluenceView,
  out: (v: string) => Step[],
  starts: readonly string[],
  targets: ReadonlySet<string>,
): ((v: string) => number) | null {
  const less = (a: [number, string], b: [number, string]) => a[0] < b[0];
  const fHeap = new MinHeap<[number, string]>(less);
  const bHeap = new MinHeap<[number, string]>(less);
  const fDist = new Map<string, number>();
  const bDist = new Map<string, number>();
  for (const s of starts) fHeap.push([0, s]);
  for (const t of targets) bHeap.push([0, t]);
  // Start and target actors are known at distance 0 from their own side before they are popped.
  const startSet = new Set(starts);
  const fAt = (v: string) => fDist.get(v) ?? (startSet.has(v) ? 0 : undefined);
  const bAt = (v: string) => bDist.get(v) ?? (targets.has(v) ? 0 : undefined);
  let best = Infinity;
  for (;;) {
    // Drop stale entries so the tops are real frontier distances.
    while (fHeap.size > 0 && fDist.has(fHeap.peek()![1])) fHeap.pop();
    while (bHeap.size > 0 && bDist.has(bHeap.peek()![1])) bHeap.pop();
    if (fHeap.size === 0 || bHeap.size === 0) break;
    if (fHeap.peek()![0] + bHeap.peek()![0] >= best) break;
    if (fHeap.size <= bHeap.size) {
      const [d, v] = fHeap.pop()!;
      probe.bi++;
      fDist.set(v, d);
      const db = bAt(v);
      if (db !== undefined) best = Math.min(best, d + db);
      for (const st of out(v)) {
        const other = bAt(st.to);
        if (other !== undefined) best = Math.min(best, d + st.cost + other);
        if (!fDist.has(st.to)) fHeap.push([d + st.cost, st.to]);
      }
    } else {
      const [d, v] = bHeap.pop()!;
      probe.bi++;
      bDist.set(v, d);
      const df = fAt(v);
      if (df !== undefined) best = Math.min(best, d + df);
      for (const a of view.inArcs(v)) {
        const c = arcCost(a.weight);
        const other = fAt(a.source);
        if (other !== undefined) best = Math.min(best, d + c + other);
        if (!bDist.has(a.source)) bHeap.push([d + c, a.source]);
      }
    }
  }
  if (best === Infinity) return null;
  const radius = bHeap.size > 0 ? bHeap.peek()![0] : Infinity;
  return (v) => (v === VIRTUAL ? 0 : (bDist.get(v) ?? radius));
}

interface Label {
  node: string;
  g: number;
  f: number;
  hops: number;
  step: Step | null;
  parent: Label | null;
}

/** A* from `start` to the first target, avoiding banned actors and arcs, within `maxHops` real steps. */
function search(
  start: string,
  bannedNodes: ReadonlySet<string>,
  bannedEdges: ReadonlySet<string>,
  maxHops: number,
  out: (v: string) => Step[],
  targets: ReadonlySet<string>,
  bound: (v: string) => number,
): FoundPath | null {
  if (maxHops < 0) return null;
  const heap = new MinHeap<Label>((a, b) => a.f < b.f || (a.f === b.f && a.hops < b.hops));
  // Fewest steps with which an actor was settled: a later label with as many steps is dominated.
  const settled = new Map<string, number>();
  heap.push({ node: start, g: 0, f: bound(start), hops: 0, step: null, parent: null });
  while (heap.size > 0) {
    const l = heap.pop()!;
    probe.spurPop++;
    const s = settled.get(l.node);
    if (s !== undefined && (maxHops === Infinity || s <= l.hops)) continue;
    settled.set(l.node, l.hops);
    if (targets.has(l.node) && l.node !== start) {
      const steps: Step[] = [];
      const nodes: string[] = [];
      for (let c: Label | null = l; c; c = c.parent) {
        nodes.push(c.node);
        if (c.step) steps.push(c.step);
      }
      return { nodes: nodes.reverse(), steps: steps.reverse(), cost: l.g };
    }
    for (const st of out(l.node)) {
      if (bannedNodes.has(st.to) || bannedEdges.has(`${l.node}\u0000${st.to}`)) continue;
      const hops = l.hops + (st.arc ? 1 : 0);
      if (hops > maxHops) continue;
      const t = settled.get(st.to);
      if (t !== undefined && (maxHops === Infinity || t <= hops)) continue;
      const hb = bound(st.to);
      if (hb === Infinity) continue;
      const g = l.g + st.cost;
      probe.spurPush++;
      heap.push({ node: st.to, g, f: g + hb, hops, step: st, parent: l });
    }
  }
  return null;
}
