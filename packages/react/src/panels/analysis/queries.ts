/**
 * The one place where the panels call core's analysis, so a change of a result shape is absorbed
 * here and the components stay simple.
 */
import { influencersOf, pathsBetween, type ExplainedPath, type PowerMap } from "@powermap/core";

/** One ranked influencer with the paths that carry its influence. */
export interface InfluenceEntry {
  id: string;
  name: string;
  score: number;
  /** Whether the actor's net influence pushes the target or opposes it. */
  effect: "pushes" | "opposes";
  paths: ExplainedPath[];
}

/** Influencers of an actor or group (core resolves a group to its members), strongest first. */
export function runInfluencers(map: PowerMap, target: string): InfluenceEntry[] {
  return influencersOf(map, target, {}).map((r) => ({ id: r.id, name: r.name, score: r.score, effect: r.effect, paths: r.paths }));
}

/** The k best paths from → to. */
export function runPaths(map: PowerMap, from: string, to: string, k: number): ExplainedPath[] {
  return pathsBetween(map, from, to, { k });
}
