/**
 * Messages between the AnalysisClient (main thread) and the analysis worker. Plain data and typed
 * arrays only, so they survive structured clone; the big arrays travel as transferables.
 */
import type { CentralityMeasure, CentralityOptions, CommunitiesOptions } from "@powermap/core";
import type { TransferSnapshot } from "./snapshot.ts";

/** Centrality options that can cross a thread: no weight function, no asOf (the snapshot holds no dates). */
export type WorkerCentralityOptions = Omit<CentralityOptions, "weight" | "asOf" | "top"> & { weight?: "strength" | "influence" };
/** Community options that can cross a thread (asOf: the snapshot counts relationships current today). */
export type WorkerCommunitiesOptions = Omit<CommunitiesOptions, "asOf">;

/** A unit of background analysis. */
export type AnalysisJob =
  | { type: "centrality"; measure: CentralityMeasure; options?: WorkerCentralityOptions }
  | { type: "communities"; options?: WorkerCommunitiesOptions };

/**
 * Phases a job reports, in order: "prepare" (main thread: snapshot build, in slices), "snapshot"
 * (worker: receives it), then "measure" or "graph" + "communities", then "result". The first two
 * only when the worker does not hold the map's version yet. Core's measures take no progress
 * callback, so progress is per phase, not per source inside betweenness.
 */
export type AnalysisPhase = "prepare" | "snapshot" | "graph" | "measure" | "communities" | "result";

/** The phases of a job, in order. */
export function jobPhases(job: AnalysisJob, withSnapshot: boolean): AnalysisPhase[] {
  return [...(withSnapshot ? (["prepare", "snapshot"] as const) : []), ...(job.type === "communities" ? (["graph", "communities"] as const) : (["measure"] as const)), "result"];
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
export type WireResult = CentralityWire | CommunitiesWire;

/** Worker → main. */
export type WorkerMessage =
  | { kind: "progress"; id: number; progress: AnalysisProgress }
  | { kind: "result"; id: number; version: number; result: WireResult }
  | { kind: "error"; id: number; version: number; message: string; missingSnapshot?: boolean };
