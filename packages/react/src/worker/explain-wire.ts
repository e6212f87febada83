/**
 * Explains query results that come back from the worker as ids (protocol.ts `WirePath`) with the
 * real records of the map: names, relationship labels, amounts and sources, worded by core's
 * `explainArc`, so a result explained here deep-equals what core returns on the main thread for the
 * same revision.
 */
import { explainArc, nameOf, type ExplainedPath, type Influencer, type PathStep, type PowerGraph } from "@powermap/core";
import type { InfluencersWire, PathsWire, WirePath, WireStep } from "./protocol.ts";

/** One step, worded by core's `explainArc`. Throws when the relationship is gone (a result of another revision). */
export function explainStep(graph: PowerGraph, s: WireStep): PathStep {
  if (!graph.hasEdge(s.rel) || !graph.hasNode(s.from) || !graph.hasNode(s.to)) throw new Error(`explainStep: relationship "${s.rel}" is not in the map (a result of another revision)`);
  // Weight and sign do not enter the wording; the path's cost and score come from the worker.
  return explainArc(graph, { source: s.from, target: s.to, rel: graph.getEdgeAttributes(s.rel), along: s.along, weight: 1, sign: 1 });
}

export function explainPath(graph: PowerGraph, p: WirePath): ExplainedPath {
  return { cost: p.cost, score: p.score, steps: p.steps.map((s) => explainStep(graph, s)) };
}

/** core's `Influencer` records from an influencers wire result. */
export function explainInfluencers(graph: PowerGraph, wire: InfluencersWire): Influencer[] {
  return wire.entries.map((e) => {
    const sign: 1 | -1 = e.score < 0 ? -1 : 1;
    return { id: e.id, name: nameOf(graph, e.id), score: e.score, sign, effect: sign > 0 ? "pushes" : "opposes", paths: e.paths.map((p) => explainPath(graph, p)) };
  });
}

/** core's `ExplainedPath` list from a paths wire result. */
export function explainPaths(graph: PowerGraph, wire: PathsWire): ExplainedPath[] {
  return wire.paths.map((p) => explainPath(graph, p));
}
