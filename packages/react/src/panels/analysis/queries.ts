/**
 * The one place where the panels call core's analysis, so a change of a result shape is absorbed
 * here and the components stay simple. Small maps are answered on the spot (synchronously); big
 * ones through the AnalysisClient's worker (a Promise), exactly as "size by" / "colour by" are.
 */
import { influencersOf, pathsBetween, resolveGroup, type ExplainedPath, type Influencer, type PowerMap } from "@powermap/core";
import type { AnalysisClient } from "../../worker/client.ts";
import { timed } from "../../worker/timing.ts";
import type { AnalysisProgress, InfluencersJob, PathsJob } from "../../worker/protocol.ts";

/** One ranked influencer with the paths that carry its influence. */
export interface InfluenceEntry {
  id: string;
  name: string;
  score: number;
  /** Whether the actor's net influence pushes the target or opposes it. */
  effect: "pushes" | "opposes";
  paths: ExplainedPath[];
}

const entryOf = (r: Influencer): InfluenceEntry => ({ id: r.id, name: r.name, score: r.score, effect: r.effect, paths: r.paths });

/** Influencers of an actor or group (core resolves a group to its members), strongest first. */
export function runInfluencers(map: PowerMap, target: string): InfluenceEntry[] {
  return timed("inline influencers", () => influencersOf(map, target, {}).map(entryOf));
}

/** The k best paths from → to. */
export function runPaths(map: PowerMap, from: string, to: string, k: number): ExplainedPath[] {
  return timed("inline paths", () => pathsBetween(map, from, to, { k }));
}

/**
 * The worker job of `runInfluencers(map, target)`: the group (the body and its current position
 * holders) is resolved here, with the records, and travels as actor ids, so the worker's answer
 * is core's answer for the same revision.
 */
export function influencersJob(map: PowerMap, target: string): InfluencersJob {
  return { type: "influencers", targets: timed("query group", () => resolveGroup(map, target).ids) };
}

/** The worker job of `runPaths(map, from, to, k)`. */
export function pathsJob(from: string, to: string, k: number): PathsJob {
  return { type: "paths", from: [from], to: [to], options: { k } };
}

export interface BackgroundQueryOptions {
  signal?: AbortSignal;
  onProgress?(progress: AnalysisProgress): void;
}

/**
 * `runInfluencers`, in the worker when the client would not run inline: then a Promise of the
 * entries, pinned to the map version of the call (it rejects with StaleAnalysisError when the map
 * changes before the answer is explained, AbortError when `signal` aborts). Without a client, or
 * for a small map, the entries themselves, computed now.
 */
export function influencersIn(client: AnalysisClient | null, map: PowerMap, target: string, opts: BackgroundQueryOptions = {}): InfluenceEntry[] | Promise<InfluenceEntry[]> {
  if (!client || client.map !== map || client.runsInline()) return runInfluencers(map, target);
  const job = influencersJob(map, target);
  return client.run(job, { version: map.version, ...opts }).then((r) => r.influencers.map(entryOf));
}

/** `runPaths`, in the worker for big maps (see `influencersIn`). */
export function pathsIn(client: AnalysisClient | null, map: PowerMap, from: string, to: string, k: number, opts: BackgroundQueryOptions = {}): ExplainedPath[] | Promise<ExplainedPath[]> {
  if (!client || client.map !== map || client.runsInline()) return runPaths(map, from, to, k);
  return client.run(pathsJob(from, to, k), { version: map.version, ...opts }).then((r) => r.paths);
}
