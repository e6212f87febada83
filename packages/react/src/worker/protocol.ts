/**
 * Messages between the AnalysisClient (main thread) and the analysis worker. Plain data and typed
 * arrays only, so they survive structured clone; the big arrays travel as transferables.
 */
import type { CentralityMeasure, CentralityOptions, CommunitiesOptions, InfluencersOptions, PathsOptions } from "@powermap/core";
import type { TransferSnapshot } from "./snapshot.ts";

/** Centrality options that can cross a thread: no weight function, no asOf (the snapshot holds no dates). */
export type WorkerCentralityOptions = Omit<CentralityOptions, "weight" | "asOf" | "top"> & { weight?: "strength" | "influence" };
/** Community options that can cross a thread (asOf: the snapshot counts relationships current today). */
export type WorkerCommunitiesOptions = Omit<CommunitiesOptions, "asOf">;

/**
 * influencersOf options that can cross a thread. No asOf (the snapshot knows only "current today"),
 * no kind overrides (the snapshot carries kind codes of the registry), no expandGroups: the main
 * thread resolves the group (it needs position titles and board flags the snapshot does not carry)
 * and sends its actor ids as the targets.
 */
export type WorkerInfluencersOptions = Pick<InfluencersOptions, "depth" | "top" | "pathsPerActor" | "includeOpposition" | "epsilon">;
/** pathsBetween options that can cross a thread (same limits as for influencers). */
export type WorkerPathsOptions = Pick<PathsOptions, "k" | "maxDepth" | "direction" | "includeOpposition">;

/** influencersOf(map, targets, options) with the group already resolved to `targets`. */
export interface InfluencersJob {
  type: "influencers";
  targets: string[];
  options?: WorkerInfluencersOptions;
}
/** pathsBetween(map, from, to, options). */
export interface PathsJob {
  type: "paths";
  from: string[];
  to: string[];
  options?: WorkerPathsOptions;
}
/** A query job: a question about a few actors, answered with ids the main thread explains. */
export type QueryJob = InfluencersJob | PathsJob;

/** A unit of background analysis. */
export type AnalysisJob =
  | { type: "centrality"; measure: CentralityMeasure; options?: WorkerCentralityOptions }
  | { type: "communities"; options?: WorkerCommunitiesOptions }
  | QueryJob;

/** Whether a job is a query (answered with explained paths, queued before measures). */
export function isQueryJob(job: AnalysisJob): job is QueryJob {
  return job.type === "influencers" || job.type === "paths";
}

/**
 * Phases a job reports, in order: "prepare" (main thread: snapshot build, in slices), "snapshot"
 * (worker: receives it), then "measure" or "graph" + "communities", then "result". The first two
 * only when the worker does not hold the map's version yet. Core's measures take no progress
 * callback, so progress is per phase, not per source inside betweenness.
 */
export type AnalysisPhase = "prepare" | "snapshot" | "graph" | "measure" | "communities" | "search" | "result";

/** The phases of a job, in order ("search": a query). */
export function jobPhases(job: AnalysisJob, withSnapshot: boolean): AnalysisPhase[] {
  const work = job.type === "communities" ? (["graph", "communities"] as const) : isQueryJob(job) ? (["search"] as const) : (["measure"] as const);
  return [...(withSnapshot ? (["prepare", "snapshot"] as const) : []), ...work, "result"];
}

export interface AnalysisProgress {
  phase: AnalysisPhase;
  /** Phases finished before this one / phases of the job: a coarse fraction for a progress bar. */
  done: number;
  total: number;
}

/** Main → worker. `snapshot` is omitted when the worker already holds this version. */
export interface RunRequest {
  kind: "run";
  id: number;
  version: number;
  job: AnalysisJob;
  snapshot?: TransferSnapshot;
}

/** Wire result of a centrality job: one score per actor number. */
export interface CentralityWire {
  type: "centrality";
  measure: CentralityMeasure;
  scores: Float64Array;
  exact: boolean;
  errorBound?: { epsilon: number; confidence: number };
}
/** Wire result of a communities job: community number per actor number (0 = largest). */
export interface CommunitiesWire {
  type: "communities";
  assignments: Int32Array;
  count: number;
  modularity: number;
}
/** One step of a path found in the worker: ids only (the main thread explains it with the records). */
export interface WireStep {
  /** Relationship id. */
  rel: string;
  along: "forward" | "backward";
  from: string;
  to: string;
}
/** A path found in the worker, with core's cost and score. */
export interface WirePath {
  cost: number;
  score: number;
  steps: WireStep[];
}
/** Wire result of an influencers job: core's ranking, best first, without names and sentences. */
export interface InfluencersWire {
  type: "influencers";
  entries: { id: string; score: number; paths: WirePath[] }[];
}
/** Wire result of a paths job: core's k best paths, best first. */
export interface PathsWire {
  type: "paths";
  paths: WirePath[];
}
export type WireResult = CentralityWire | CommunitiesWire | InfluencersWire | PathsWire;

/** Worker → main. */
export type WorkerMessage =
  | { kind: "progress"; id: number; progress: AnalysisProgress }
  | { kind: "result"; id: number; version: number; result: WireResult }
  | { kind: "error"; id: number; version: number; message: string; missingSnapshot?: boolean };
