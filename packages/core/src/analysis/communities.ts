import { UsageError } from "../errors.ts";
import type { MapLike } from "../graph/input.ts";
import type { KindOverrides } from "../kinds.ts";
import { louvain, type LouvainGraph } from "../metrics/louvain.ts";
import { snapshotOf } from "../snapshot/cache.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";
import { currentFilter, type AsOf } from "./current.ts";
import { DEFAULT_STRENGTH, checkedKinds } from "./influence-graph.ts";

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
 * Communities by Louvain (`louvain`, on the typed arrays of the map's analysis snapshot) on an
 * undirected weighted view: one link per pair of actors, weighing the sum of kind weight ×
 * strength/5 of their current relationships (direction ignored; kinds of weight 0 and self-loops
 * left out). Communities are renumbered by size (largest first, ties by smallest id), so numbers are
 * stable for a given map and seed. Every actor gets a community, isolated ones their own.
 */
export function communities(map: MapLike, options: CommunitiesOptions = {}): CommunitiesResult {
  const origin = "communities";
  const kinds = checkedKinds(options.kinds, origin);
  const counts = currentFilter(options.asOf, origin);
  const resolution = options.resolution ?? 1;
  if (!(resolution > 0) || !Number.isFinite(resolution)) throw new UsageError(`${origin}: resolution must be a positive number`);
  // The snapshot of all relationships (cached per revision); "current" is applied here through the
  // weights, with the same rule as every other query (no asOf = not ended yet).
  const snap = snapshotOf(map);
  const rels = snap.relationships;
  const weights = new Float64Array(snap.m);
  for (let r = 0; r < snap.m; r++) {
    const rel = rels[r]!;
    const info = kinds[rel.kind];
    if (rel.from === rel.to || !info || info.weight <= 0 || !counts(rel)) continue;
    weights[r] = (info.weight * (rel.strength ?? DEFAULT_STRENGTH)) / 5;
  }
  const result = louvain(undirectedView(snap, weights), { resolution, seed: options.seed ?? 1 });

  const { ids } = snap;
  const groups: string[][] = Array.from({ length: result.count }, () => []);
  // Filled in id order, so every group comes out sorted.
  for (const v of idOrder(snap)) groups[result.community[v]!]!.push(ids[v]!);
  const members = groups.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const assignments: Record<string, number> = {};
  members.forEach((g, i) => g.forEach((id) => (assignments[id] = i)));
  return { assignments, count: members.length, modularity: result.modularity, members };
}

/** Actor numbers in id order, kept with the snapshot: repeated calls on one revision do not sort ids again. */
function idOrder(snap: AnalysisSnapshot): Int32Array {
  const key = "communities:id-order";
  let order = snap.derived.get(key) as Int32Array | undefined;
  if (!order) {
    const { ids } = snap;
    order = Int32Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    snap.derived.set(key, order);
  }
  return order;
}

/**
 * The undirected view in CSR form: each relationship of positive weight gives the link u–v in both
 * lists, parallel links merged by adding weights. Built straight from the snapshot's out-arcs, with
 * no per-arc relationship column (fewer big allocations: on a large heap each may trigger a full GC).
 */
function undirectedView(snap: AnalysisSnapshot, weights: Float64Array): LouvainGraph {
  const { n, outOffsets, outTargets, outRel } = snap;
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    for (let a = outOffsets[v]!; a < outOffsets[v + 1]!; a++) {
      if (weights[outRel[a]!]! > 0) {
        offsets[v + 1]!++;
        offsets[outTargets[a]! + 1]!++;
      }
    }
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const targets = new Int32Array(offsets[n]!);
  const w = new Float64Array(offsets[n]!);
  const cursor = offsets.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let a = outOffsets[v]!; a < outOffsets[v + 1]!; a++) {
      const x = weights[outRel[a]!]!;
      if (!(x > 0)) continue;
      const u = outTargets[a]!;
      const i = cursor[v]!++;
      targets[i] = u;
      w[i] = x;
      const j = cursor[u]!++;
      targets[j] = v;
      w[j] = x;
    }
  }
  // Merge parallel links in place: slot[u] is where u sits in v's list when seen[u] === v + 1.
  const seen = cursor.fill(0);
  const slot = new Int32Array(n);
  let p = 0;
  let start = 0;
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1]!;
    offsets[v] = p;
    for (let a = start; a < end; a++) {
      const u = targets[a]!;
      if (seen[u] === v + 1) {
        w[slot[u]!]! += w[a]!;
        continue;
      }
      seen[u] = v + 1;
      slot[u] = p;
      targets[p] = u;
      w[p++] = w[a]!;
    }
    start = end;
  }
  offsets[n] = p;
  return { offsets, targets: targets.subarray(0, p), weights: w.subarray(0, p) };
}
