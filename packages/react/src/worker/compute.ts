/**
 * The measures behind background analysis, shared by the worker and the synchronous fallback:
 * both call core (`centralityScores`, `communities`) on a snapshot or graph,
 * so the two paths give identical numbers.
 */
import {
  centralityScores,
  communities,
  type AnalysisSnapshot,
  type CentralityMeasure,
  type MapLike,
} from "@powermap/core";
import type { CentralityWire, CommunitiesWire, WorkerCentralityOptions, WorkerCommunitiesOptions } from "./protocol.ts";

/** Scores per actor number of `snap` (betweenness also states whether it is exact, and its error bound). */
export function centralityWire(snap: AnalysisSnapshot, measure: CentralityMeasure, options: WorkerCentralityOptions = {}): CentralityWire {
  const r = centralityScores(snap, measure, options);
  return { type: "centrality", measure, scores: r.scores, exact: r.exact, ...(r.errorBound ? { errorBound: r.errorBound } : {}) };
}

/** Louvain communities as a community number per actor number of `ids`. */
export function communitiesWire(map: MapLike, ids: readonly string[], options: WorkerCommunitiesOptions = {}): CommunitiesWire {
  const c = communities(map, options);
  const assignments = new Int32Array(ids.length);
  for (let v = 0; v < ids.length; v++) assignments[v] = c.assignments[ids[v]!] ?? -1;
  return { type: "communities", assignments, count: c.count, modularity: c.modularity };
}
