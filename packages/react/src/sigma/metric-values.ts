/**
 * Per-actor values for "size by centrality" and "colour by community", from core's `centrality`
 * and `communities`. The controller caches them per map revision (core's structureRevision); on large maps it asks the
 * background AnalysisClient (src/worker) for them instead of calling these on the main thread.
 */
import { CENTRALITY_MEASURES, centrality, communities, structureRevision, type CentralityMeasure, type PowerMap } from "@powermap/core";
import type { AnalysisJob } from "../worker/protocol.ts";

/** The centrality measures offered for sizing. */
export function availableMeasures(): string[] {
  return [...CENTRALITY_MEASURES];
}

/** Above this many actors, "size by betweenness" uses a sampled estimate (exact Brandes is O(n·m)). */
export const EXACT_BETWEENNESS_LIMIT = 10_000;
/** Sources sampled for betweenness above EXACT_BETWEENNESS_LIMIT (core states the error bound). */
export const BETWEENNESS_SAMPLES = 1000;

/** The centrality job the editor runs for "size by <measure>" on a map of `actors` actors. */
export function centralityJob(measure: CentralityMeasure, actors: number): AnalysisJob {
  return measure === "betweenness" && actors > EXACT_BETWEENNESS_LIMIT
    ? { type: "centrality", measure, options: { samples: BETWEENNESS_SAMPLES } }
    : { type: "centrality", measure };
}

/** How the status bar names the job of `centralityJob(measure, actors)`. */
export function measureLabel(measure: CentralityMeasure, actors: number): string {
  const name = `${measure[0]!.toUpperCase()}${measure.slice(1)}`;
  return measure === "betweenness" && actors > EXACT_BETWEENNESS_LIMIT ? `${name} (sampled)` : name;
}

export function isCentralityMeasure(x: string): x is CentralityMeasure {
  return (CENTRALITY_MEASURES as readonly string[]).includes(x);
}

export function computeMetric(map: PowerMap, measure: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!isCentralityMeasure(measure)) return out;
  try {
    for (const r of centrality(map, measure)) out.set(r.id, r.score);
  } catch (e) {
    // A measure that fails on this graph sizes nothing rather than breaking the canvas.
    console.warn(`PowerMapEditor: ${measure} centrality failed`, e);
  }
  return out;
}

// Communities of the latest revision seen per map, whoever computed them (the controller's worker
// result or a direct call), so the legend and the canvas do not compute Louvain twice. Keyed by
// core's structureRevision: moving or renaming an actor does not change the communities.
const communityCache = new WeakMap<PowerMap, { structure: string; values: ReadonlyMap<string, number> }>();

const communityListeners = new WeakMap<PowerMap, Set<() => void>>();

/** Records communities computed elsewhere (the background worker) for `version` of `map`. */
export function rememberCommunities(map: PowerMap, version: number, values: ReadonlyMap<string, number>): void {
  if (version !== map.version) return;
  const structure = structureRevision(map);
  const prev = communityCache.get(map);
  if (prev?.structure === structure && prev.values === values) return;
  communityCache.set(map, { structure, values });
  for (const l of [...(communityListeners.get(map) ?? [])]) l();
}

/**
 * Calls `listener` whenever communities of a new version are recorded (the background job
 * finished): the legend shows the worker's result instead of running Louvain on the main thread.
 */
export function subscribeCommunities(map: PowerMap, listener: () => void): () => void {
  let set = communityListeners.get(map);
  if (!set) communityListeners.set(map, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Communities of the map's current revision if already computed, else undefined. */
export function cachedCommunities(map: PowerMap): ReadonlyMap<string, number> | undefined {
  const c = communityCache.get(map);
  return c?.structure === structureRevision(map) ? c.values : undefined;
}

/** Community number per actor (0 = the largest community); cached per map version. */
export function computeCommunities(map: PowerMap): ReadonlyMap<string, number> {
  const hit = cachedCommunities(map);
  if (hit) return hit;
  const values = new Map(Object.entries(communities(map).assignments));
  communityCache.set(map, { structure: structureRevision(map), values });
  return values;
}
