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
 * default. Each breadth-first search from a member of A stops once it has reached every member of B.
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
  const neighbours = new Map<string, string[]>();
  const next = (v: string): string[] => {
    let n = neighbours.get(v);
    if (!n) {
      n = [...new Set(view.outArcs(v).map((a) => a.target))];
      neighbours.set(v, n);
    }
    return n;
  };

  let pairs = 0;
  const score = new Map<string, number>();
  for (const s of A) {
    pairs += B.size - (B.has(s) ? 1 : 0);
    const sigma = new Map<string, number>([[s, 1]]);
    const dist = new Map<string, number>([[s, 0]]);
    const preds = new Map<string, string[]>();
    const order: string[] = [];
    let frontier = [s];
    let missing = B.size - (B.has(s) ? 1 : 0);
    // Level by level, so that every shortest path to the last member of B found is complete.
    while (frontier.length > 0 && missing > 0) {
      const level: string[] = [];
      for (const v of frontier) {
        order.push(v);
        const dv = dist.get(v)!;
        for (const w of next(v)) {
          let dw = dist.get(w);
          if (dw === undefined) {
            dw = dv + 1;
            dist.set(w, dw);
            level.push(w);
            if (B.has(w)) missing--;
          }
          if (dw === dv + 1) {
            sigma.set(w, (sigma.get(w) ?? 0) + sigma.get(v)!);
            (preds.get(w) ?? preds.set(w, []).get(w)!).push(v);
          }
        }
      }
      frontier = level;
    }
    order.push(...frontier);
    const delta = new Map<string, number>();
    for (let i = order.length - 1; i >= 0; i--) {
      const w = order[i]!;
      const coeff = ((B.has(w) && w !== s ? 1 : 0) + (delta.get(w) ?? 0)) / sigma.get(w)!;
      for (const v of preds.get(w) ?? []) delta.set(v, (delta.get(v) ?? 0) + sigma.get(v)! * coeff);
      if (w !== s) score.set(w, (score.get(w) ?? 0) + (delta.get(w) ?? 0));
    }
  }

  const members = new Set([...A, ...B]);
  const ranked = [...score]
    .filter(([id, v]) => v > 1e-12 && (options.includeMembers || !members.has(id)))
    .map(([id, v]) => ({ id, name: nameOf(graph, id), score: pairs > 0 ? v / pairs : 0 }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return top === Infinity ? ranked : ranked.slice(0, top);
}
