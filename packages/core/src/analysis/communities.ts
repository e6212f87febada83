import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import { UsageError } from "../errors.ts";
import { graphOf, type MapLike } from "../graph/input.ts";
import type { KindOverrides } from "../kinds.ts";
import { currentFilter, type AsOf } from "./current.ts";
import { DEFAULT_STRENGTH, checkedKinds } from "./influence-graph.ts";
import { mulberry32 } from "../metrics/random.ts";

export interface CommunitiesOptions {
  asOf?: AsOf;
  kinds?: KindOverrides;
  /** Louvain resolution (default 1). */
  resolution?: number;
  /** Seed of the random order of node moves (default 1): same map and seed, same communities. */
  seed?: number;
}

export interface CommunitiesResult {
  /** Actor id → community number; 0 is the largest community. */
  assignments: Record<string, number>;
  count: number;
  /** Weighted modularity of the partition on the undirected view. */
  modularity: number;
  /** Members of each community (index = community number), ids sorted. */
  members: string[][];
}

/**
 * Communities by Louvain (graphology-communities-louvain) on an undirected weighted view: one link per
 * pair of actors, weighing the sum of kind weight × strength/5 of their current relationships
 * (direction ignored). Communities are renumbered by size (largest first, ties by smallest id), so
 * numbers are stable for a given map and seed. Every actor gets a community, isolated ones their own.
 */
export function communities(map: MapLike, options: CommunitiesOptions = {}): CommunitiesResult {
  const origin = "communities";
  const graph = graphOf(map);
  const kinds = checkedKinds(options.kinds, origin);
  const counts = currentFilter(options.asOf, origin);
  const resolution = options.resolution ?? 1;
  if (!(resolution > 0) || !Number.isFinite(resolution)) throw new UsageError(`${origin}: resolution must be a positive number`);
  const view = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachNode((id) => view.addNode(id));
  graph.forEachEdge((_id, rel, source, target) => {
    const info = kinds[rel.kind];
    if (source === target || !info || info.weight <= 0 || !counts(rel)) return;
    const w = (info.weight * (rel.strength ?? DEFAULT_STRENGTH)) / 5;
    view.updateEdge(source, target, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  });
  const result = louvain.detailed(view, { getEdgeWeight: "weight", resolution, rng: mulberry32(options.seed ?? 1) });

  const groups = new Map<number, string[]>();
  for (const [id, c] of Object.entries(result.communities)) (groups.get(c) ?? groups.set(c, []).get(c)!).push(id);
  const members = [...groups.values()].map((ids) => ids.sort()).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const assignments: Record<string, number> = {};
  members.forEach((ids, i) => ids.forEach((id) => (assignments[id] = i)));
  return { assignments, count: members.length, modularity: view.size > 0 ? result.modularity : 0, members };
}
