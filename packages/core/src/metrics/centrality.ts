import { NotFoundError, UsageError } from "../errors.ts";
import type { MapLike } from "../graph/input.ts";
import { snapshotOf } from "../snapshot/cache.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";
import { computeBetweenness } from "./betweenness.ts";
import { computeCloseness } from "./closeness.ts";
import { computeDegree } from "./degree.ts";
import { computeEigenvector } from "./eigenvector.ts";
import { CENTRALITY_MEASURES, resolveCentralityOptions, type CentralityMeasure, type CentralityOptions, type ResolvedCentralityOptions } from "./options.ts";
import { computePageRank } from "./pagerank.ts";
import { rankScores, type Ranked } from "./rank.ts";
import { relationshipLengths, relationshipWeights } from "./weights.ts";

/**
 * Ranks the actors of a map (or of a prebuilt snapshot) by a centrality measure, best first, ties
 * by id. Options are merged with CENTRALITY_DEFAULTS; defaults give networkx's values for the same
 * graph (see the package README, "Centrality", for each convention). Throws UsageError naming a
 * bad option, NotFoundError for an unknown id in `personalization`.
 */
export function centrality(map: MapLike | AnalysisSnapshot, measure: CentralityMeasure, opts?: CentralityOptions): Ranked[] {
  const { snapshot, scores, options } = centralityScores(map, measure, opts);
  return rankScores(snapshot, scores, options.top);
}

/**
 * Like `centrality` but returns the raw score of every actor number of the snapshot (no sorting):
 * for callers that keep typed arrays (CLI batch jobs, the editor's worker, benchmarks).
 */
/** Raw scores by actor number, with whether they are exact (sampled betweenness carries its error bound). */
export interface CentralityScores {
  snapshot: AnalysisSnapshot;
  scores: Float64Array;
  options: ResolvedCentralityOptions;
  exact: boolean;
  errorBound?: { epsilon: number; confidence: number };
}

export function centralityScores(
  map: MapLike | AnalysisSnapshot,
  measure: CentralityMeasure,
  opts?: CentralityOptions,
): CentralityScores {
  if (!(CENTRALITY_MEASURES as readonly string[]).includes(measure)) {
    throw new UsageError(`centrality: unknown measure ${JSON.stringify(measure)} (known: ${CENTRALITY_MEASURES.join(", ")})`);
  }
  const o = resolveCentralityOptions(measure, opts);
  const snap = snapshotOf(map, { asOf: o.asOf });
  const origin = measure;
  const w = o.weighted ? relationshipWeights(snap, o.weight, origin, o.kinds) : undefined;
  let scores: Float64Array;
  let sampled: Pick<CentralityScores, "exact" | "errorBound"> = { exact: true };
  switch (measure) {
    case "degree":
    case "indegree":
    case "outdegree":
      scores = computeDegree(snap, {
        mode: measure === "degree" ? "total" : measure === "indegree" ? "in" : "out",
        relWeights: w?.values,
        normalized: o.normalized,
      });
      break;
    case "pagerank":
      scores = computePageRank(snap, {
        alpha: o.alpha,
        tolerance: o.tolerance,
        maxIterations: o.maxIterations ?? 100,
        direction: o.direction,
        relWeights: w?.values,
        personalization: o.personalization === undefined ? undefined : personalizationVector(snap, o.personalization),
      }).scores;
      break;
    case "eigenvector":
      scores = computeEigenvector(snap, {
        direction: o.direction,
        relWeights: w?.values,
        cacheKey: w?.cacheKey,
        tolerance: o.tolerance,
        maxIterations: o.maxIterations ?? 1000,
      });
      break;
    case "betweenness":
    case "closeness": {
      const len = w ? relationshipLengths(w, o.distance, snap, origin) : undefined;
      if (measure === "betweenness") {
        const r = computeBetweenness(snap, {
          direction: o.direction,
          lengths: len?.values,
          cacheKey: len?.cacheKey,
          normalized: o.normalized,
          samples: o.samples,
          seed: o.seed,
          confidence: o.confidence,
        });
        scores = r.scores;
        sampled = r.errorBound ? { exact: r.exact, errorBound: r.errorBound } : { exact: r.exact };
      } else {
        scores = computeCloseness(snap, { direction: o.direction, lengths: len?.values, cacheKey: len?.cacheKey, wfImproved: o.wfImproved });
      }
      break;
    }
  }
  return { snapshot: snap, scores, options: o, ...sampled };
}

/** Teleport distribution from ids (uniform) or id → weight, normalised to sum 1. */
export function personalizationVector(snap: AnalysisSnapshot, spec: readonly string[] | Readonly<Record<string, number>>): Float64Array {
  const p = new Float64Array(snap.n);
  const entries: [string, number][] = Array.isArray(spec) ? spec.map((id) => [id, 1]) : Object.entries(spec);
  let sum = 0;
  for (const [id, x] of entries) {
    const v = snap.index.get(id);
    if (v === undefined) throw new NotFoundError(`pagerank: unknown actor "${id}" in option "personalization"`);
    if (!(typeof x === "number" && x >= 0 && x < Infinity)) {
      throw new UsageError(`pagerank: option "personalization" weight of "${id}" must be a finite number >= 0, got ${String(x)}`);
    }
    p[v]! += x;
    sum += x;
  }
  if (!(sum > 0)) throw new UsageError('pagerank: option "personalization" must give some actor a positive weight');
  for (let v = 0; v < p.length; v++) p[v]! /= sum;
  return p;
}
