// PREVIOUS IMPLEMENTATION (before the typed-array rewrite), kept verbatim as the reference of
// influence-differential.test.ts. Not used by the library; do not edit except to follow API renames.
import { UsageError } from "../../../src/errors.ts";
import { graphOf, type MapLike } from "../../../src/graph/input.ts";
import type { PowerGraph } from "../../../src/graph/types.ts";
import type { KindOverrides } from "../../../src/kinds.ts";
import type { AsOf } from "../../../src/analysis/current.ts";
import { explainArcs, type ExplainedPath } from "../../../src/analysis/explain.ts";
import { resolveActors, type ActorRef } from "../../../src/analysis/groups.ts";
import { MinHeap } from "../../../src/analysis/heap.ts";
import { InfluenceView } from "../../../src/analysis/influence-graph.ts";
import { lowerBound, SearchGraph, SpurSearch, VIRTUAL, type Bound, type Step } from "./path-search.ts";

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
 * Yen's k shortest loopless paths; each spur search is an A* guided by exact distances to the
 * targets around them (a bidirectional Dijkstra between the two ends, see `lowerBound`) and stops as
 * soon as it cannot beat the paths already found, so the work stays in the neighbourhood between
 * the two ends. Ties (equal cost) go to the path with fewer steps.
 * `maxDepth` limits the number of steps (the searches then run over (actor, steps) states).
 */
export function previousPathsBetween(map: MapLike, from: ActorRef | undefined, to: ActorRef, options: PathsOptions = {}): ExplainedPath[] {
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

  const view = new InfluenceView(graph, { asOf: options.asOf, kinds: options.kinds, mode: direction === "any" ? "any" : "influence", includeOpposition: options.includeOpposition ?? false }, origin);
  const g = new SearchGraph(view, starts, [...targets]);
  const bound = lowerBound(g, [...targets].map((t) => g.node(t)));
  if (!bound) return [];
  return yen(g, bound, k, maxDepth).map((p) => explainArcs(graph, p.steps.flatMap((s) => (s.arc ? [s.arc] : []))));
}

interface FoundPath {
  nodes: number[]; // VIRTUAL first
  steps: Step[]; // steps[i] goes nodes[i] → nodes[i+1]
  cost: number;
  /** Index of the node where the path leaves the path it was derived from (Lawler). */
  dev: number;
  order: number;
}

// Cheaper first, then fewer steps, then the candidate whose search was created first.
const pathLess = (a: FoundPath, b: FoundPath): boolean => a.cost < b.cost || (a.cost === b.cost && (a.nodes.length < b.nodes.length || (a.nodes.length === b.nodes.length && a.order < b.order)));
const searchLess = (a: SpurSearch, b: SpurSearch): boolean => a.bound < b.bound || (a.bound === b.bound && a.order < b.order);

/**
 * Yen's k shortest loopless paths, with two exact shortcuts. Lawler's: a path's spur searches start
 * at the node where it left its parent path (earlier ones would only find candidates already
 * found). Lazy spur searches: each one runs only while it could still beat the best candidate in
 * hand, so no search goes past the cost of the last path needed. Both return what plain Yen with the
 * same tie-breaking returns.
 */
function yen(g: SearchGraph, bound: Bound, k: number, maxDepth: number): FoundPath[] {
  const firstSearch = new SpurSearch(g, bound, VIRTUAL, [], new Set(), maxDepth, 0, 0);
  firstSearch.advance(Infinity);
  if (!firstSearch.result) return [];
  const first: FoundPath = { ...firstSearch.result, cost: sumCosts(0, firstSearch.result.steps), dev: 0, order: 0 };
  const accepted: FoundPath[] = [first];
  const seen = new Set([first.nodes.join(",")]);
  const candidates = new MinHeap<FoundPath>(pathLess);
  const pending = new MinHeap<SpurSearch>(searchLess);
  const parentOf = new Map<SpurSearch, { path: FoundPath; j: number }>();
  let order = 1;
  while (accepted.length < k) {
    const prev = accepted[accepted.length - 1]!;
    let rootCost = sumCosts(0, prev.steps.slice(0, prev.dev));
    for (let j = prev.dev; j < prev.nodes.length - 1; j++) {
      const root = prev.nodes.slice(0, j + 1);
      const bannedNext = new Set<number>();
      for (const p of accepted) if (p.nodes.length > j + 1 && sameRoot(p.nodes, root)) bannedNext.add(p.nodes[j + 1]!);
      const used = Math.max(0, j - 1); // the virtual first step is not a real one
      const search = new SpurSearch(g, bound, root[j]!, root.slice(0, j), bannedNext, maxDepth - used, rootCost, order++);
      parentOf.set(search, { path: prev, j });
      pending.push(search);
      rootCost += prev.steps[j]!.cost;
    }
    // Advance the open searches, cheapest estimate first, until none can beat the best candidate.
    // The slack covers rounding between an estimate and the candidate's summed cost (ties go on).
    for (;;) {
      const top = pending.peek();
      const limit = candidates.peek()?.cost ?? Infinity;
      const slack = limit + 1e-9 * Math.max(1, Math.abs(limit));
      if (!top || top.bound > slack) break;
      pending.pop();
      const next = pending.peek();
      top.advance(Math.min(slack, next ? Math.max(next.bound, top.bound) : Infinity));
      if (top.result === undefined) {
        pending.push(top);
        continue;
      }
      const from = parentOf.get(top)!;
      parentOf.delete(top);
      if (!top.result) continue;
      const nodes = [...from.path.nodes.slice(0, from.j), ...top.result.nodes];
      const key = nodes.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const steps = [...from.path.steps.slice(0, from.j), ...top.result.steps];
      candidates.push({ nodes, steps, cost: sumCosts(0, steps), dev: from.j, order: top.order });
    }
    const best = candidates.pop();
    if (!best) break;
    accepted.push(best);
  }
  return accepted;
}

/** Left-to-right sum, the same rounding for every path with the same steps. */
function sumCosts(start: number, steps: readonly Step[]): number {
  let c = start;
  for (const s of steps) c += s.cost;
  return c;
}

function sameRoot(nodes: readonly number[], root: readonly number[]): boolean {
  for (let i = 0; i < root.length; i++) if (nodes[i] !== root[i]) return false;
  return true;
}
