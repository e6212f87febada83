/**
 * The measures behind background analysis, shared by the worker and the synchronous fallback:
 * both call core (`centralityScores`/`computeBetweenness`, `communities`) on a snapshot or graph,
 * so the two paths give identical numbers.
 */
import {
  centralityScores,
  communities,
  computeBetweenness,
  relationshipLengths,
  relationshipWeights,
  resolveCentralityOptions,
  type AnalysisSnapshot,
  type CentralityMeasure,
  type MapLike,
} from "@powermap/core";
import type { CentralityWire, CommunitiesWire, WorkerCentralityOptions, WorkerCommunitiesOptions } from "./protocol.ts";

/** Scores per actor number of `snap` (betweenness also states whether it is exact, and its error bound). */
export function centralityWire(snap: AnalysisSnapshot, measure: CentralityMeasure, options: WorkerCentralityOptions = {}): CentralityWire {
  if (measure !== "betweenness") {
    return { type: "centrality", measure, scores: centralityScores(snap, measure, options).scores, exact: true };
  }
  // As core's centralityScores does for betweenness, keeping the sampled estimate's error bound.
  const o = resolveCentralityOptions(measure, options);
  const w = o.weighted ? relationshipWeights(snap, o.weight, measure, o.kinds) : undefined;
  const len = w ? relationshipLengths(w, o.distance, snap, measure) : undefined;
  const r = computeBetweenness(snap, {
    direction: o.direction,
    lengths: len?.values,
    cacheKey: len?.cacheKey,
    normalized: o.normalized,
    samples: o.samples,
    seed: o.seed,
    confidence: o.confidence,
  });
  return { type: "centrality", measure, scores: r.scores, exact: r.exact, ...(r.errorBound ? { errorBound: r.errorBound } : {}) };
}

/** Louvain communities as a community number per actor number of `ids`. */
export function communitiesWire(map: MapLike, ids: readonly string[], options: WorkerCommunitiesOptions = {}): CommunitiesWire {
  const c = communities(map, options);
  const assignments = new Int32Array(ids.length);
  for (let v = 0; v < ids.length; v++) assignments[v] = c.assignments[ids[v]!] ?? -1;
  return { type: "communities", assignments, count: c.count, modularity: c.modularity };
}
