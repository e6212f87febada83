/**
 * The queries of background analysis ("Who influences…", "Paths") in the worker: core's
 * `influencersOf` / `pathsBetween`, unchanged, on the worker's snapshot of the revision, answered
 * with ids only (see protocol.ts `InfluencersWire` / `PathsWire`); the main thread explains them
 * with the real records (explain-wire.ts).
 *
 * Core's queries read the actor graph (`graphOf`) only to check ids and name actors, and the
 * analysis snapshot (`snapshotOf`) for everything else. The worker has no full graph, so it hands
 * them `{ graph, snapshot }` (core's MapLike): a nodes-only graph and the snapshot it received.
 */
import { MultiDirectedGraph } from "graphology";
import { influencersOf, pathsBetween, type Actor, type AnalysisSnapshot, type ExplainedPath, type MapLike, type PowerGraph } from "@powermap/core";
import type { QueryJob, WirePath, WireResult } from "./protocol.ts";

/** The snapshot, seen by core's queries as a map whose graph holds the actors (no relationships). */
export function queryMapOf(snapshot: AnalysisSnapshot): MapLike {
  const graph: PowerGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const id of snapshot.ids) graph.addNode(id, { id } as Actor);
  return { graph, snapshot };
}

/** A path as ids (core's cost and score kept as computed). */
export function wirePath(p: ExplainedPath): WirePath {
  return { cost: p.cost, score: p.score, steps: p.steps.map((s) => ({ rel: s.relationship.id, along: s.along, from: s.from.id, to: s.to.id })) };
}

/**
 * Runs a query job on `map` (the worker's query map, or the PowerMap itself on the main thread).
 * Targets are already resolved to actor ids (a group: the body and its members), so group
 * expansion is off here.
 */
export function queryWire(map: MapLike, job: QueryJob): WireResult {
  if (job.type === "influencers") {
    const ranked = influencersOf(map, job.targets, { ...job.options, expandGroups: false });
    return { type: "influencers", entries: ranked.map((r) => ({ id: r.id, score: r.score, paths: r.paths.map(wirePath) })) };
  }
  return { type: "paths", paths: pathsBetween(map, job.from, job.to, job.options ?? {}).map(wirePath) };
}
