import { UsageError } from "../errors.ts";
import { graphOf, type MapLike } from "../graph/input.ts";
import type { KindOverrides } from "../kinds.ts";
import type { AsOf } from "./current.ts";
import { nameOf, resolveGroupFor, type ActorRef } from "./groups.ts";
import { InfluenceView } from "./influence-graph.ts";

export interface BrokersOptions {
  asOf?: AsOf;
  kinds?: KindOverrides;
  /** How many brokers to return (default 10). */
  top?: number;
  /** "any" (default): relationships connect both ways; "influence": follow influence arcs from A to B. */
  direction?: "any" | "influence";
  /** Rank members of the two groups too (default false). */
  includeMembers?: boolean;
  /** Expand organizations to body + current position holders (default true). */
  expandGroups?: boolean;
}

export interface Broker {
  id: string;
  name: string;
  /** Share of (a, b) pairs' shortest paths that pass through the actor, averaged over all pairs. */
  score: number;
}

/**
 * Actors that sit on the most shortest paths between two groups: betweenness restricted to sources in
 * A and targets in B,
 *
 *   score(v) = (1 / |P|) Σ over pairs (a, b) ∈ P of σ_ab(v) / σ_ab,   P = {(a, b) : a ∈ A, b ∈ B, a ≠ b}
 *
 * where σ_ab counts shortest paths (in steps; several relationships between the same two actors count
 * as one link) and σ_ab(v) those through v. Unreachable pairs count in |P| and add nothing. Counted
 * relationships are those current as of `asOf` whose kind has a positive weight, walked both ways by
 * default. Each pair is solved by a bidirectional breadth-first search (see `addPair`), so the work
 * per pair is two balls of half the pair's distance, not a search over everything within it.
 */
export function brokers(map: MapLike, groupA: ActorRef, groupB: ActorRef, options: BrokersOptions = {}): Broker[] {
  const origin = "brokers";
  const graph = graphOf(map);
  const top = options.top ?? 10;
  if (!(Number.isInteger(top) && top >= 1) && top !== Infinity) throw new UsageError(`${origin}: top must be a positive integer`);
  const direction = options.direction ?? "any";
  if (direction !== "any" && direction !== "influence") throw new UsageError(`${origin}: direction must be "any" or "influence"`);
  const groupOpts = { asOf: options.asOf, expand: options.expandGroups ?? true };
  const A = resolveGroupFor(graph, groupA, groupOpts, origin).ids;
  const B = new Set(resolveGroupFor(graph, groupB, groupOpts, origin).ids);
  const view = new InfluenceView(graph, { asOf: options.asOf, kinds: options.kinds, mode: direction }, origin);
  const lists = (pick: (v: string) => string[]) => {
    const cache = new Map<string, string[]>();
    return (v: string): string[] => cache.get(v) ?? cache.set(v, [...new Set(pick(v))]).get(v)!;
  };
  const out = lists((v) => view.outArcs(v).map((a) => a.target));
  const into = direction === "any" ? out : lists((v) => view.inArcs(v).map((a) => a.source));

  let pairs = 0;
  const score = new Map<string, number>();
  for (const a of A) {
    for (const b of B) {
      if (a === b) continue;
      pairs++;
      addPair(a, b, out, into, score);
    }
  }

  const members = new Set([...A, ...B]);
  const ranked = [...score]
    .filter(([id, v]) => v > 1e-12 && (options.includeMembers || !members.has(id)))
    .map(([id, v]) => ({ id, name: nameOf(graph, id), score: pairs > 0 ? v / pairs : 0 }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return top === Infinity ? ranked : ranked.slice(0, top);
}

type Neighbours = (v: string) => string[];

/**
 * Adds σ_ab(v) / σ_ab for every actor strictly inside a shortest a → b path. A bidirectional BFS
 * (one whole level at a time, always on the smaller frontier) finds the distance D while each side
 * only explores about half of it — on small-world maps that is the difference between a few
 * hundred actors and most of the map. Every actor on a shortest path is in one of the two balls
 * (at position p: in a's ball when p is within its radius, else in b's), so the layers of the
 * shortest-path DAG are known, and path counts from a (forward) and to b (backward) through those
 * layers give σ_av and σ_vb, whose product is σ_ab(v).
 */
function addPair(a: string, b: string, out: Neighbours, into: Neighbours, score: Map<string, number>): void {
  const dA = new Map<string, number>([[a, 0]]);
  const dB = new Map<string, number>([[b, 0]]);
  let fa = [a];
  let fb = [b];
  let rA = 0;
  let rB = 0;
  let D = Infinity;
  while (D === Infinity && fa.length > 0 && fb.length > 0) {
    const forward = fa.length <= fb.length;
    const [dist, other, next, frontier] = forward ? [dA, dB, out, fa] : [dB, dA, into, fb];
    const depth = forward ? ++rA : ++rB;
    const level: string[] = [];
    for (const v of frontier) {
      for (const w of next(v)) {
        if (dist.has(w)) continue;
        dist.set(w, depth);
        level.push(w);
        const o = other.get(w);
        if (o !== undefined) D = Math.min(D, depth + o);
      }
    }
    if (forward) fa = level;
    else fb = level;
  }
  if (D === Infinity) return;
  // Layer of each actor that can lie on a shortest path (position from a).
  const layers: string[][] = Array.from({ length: D + 1 }, () => []);
  const layerOf = new Map<string, number>();
  const place = (v: string, p: number) => {
    layerOf.set(v, p);
    layers[p]!.push(v);
  };
  for (const [v, d] of dA) if (d <= D) place(v, d);
  for (const [v, d] of dB) if (D - d > rA && !layerOf.has(v)) place(v, D - d);
  const sigmaA = new Map<string, number>([[a, 1]]);
  for (let p = 0; p < D; p++) {
    for (const u of layers[p]!) {
      const su = sigmaA.get(u);
      if (!su) continue;
      for (const w of out(u)) if (layerOf.get(w) === p + 1) sigmaA.set(w, (sigmaA.get(w) ?? 0) + su);
    }
  }
  const total = sigmaA.get(b);
  if (!total) return;
  const sigmaB = new Map<string, number>([[b, 1]]);
  for (let p = D - 1; p > 0; p--) {
    for (const u of layers[p]!) {
      if (!sigmaA.get(u)) continue;
      let s = 0;
      for (const w of out(u)) if (layerOf.get(w) === p + 1) s += sigmaB.get(w) ?? 0;
      if (s === 0) continue;
      sigmaB.set(u, s);
      score.set(u, (score.get(u) ?? 0) + (sigmaA.get(u)! * s) / total);
    }
  }
}
