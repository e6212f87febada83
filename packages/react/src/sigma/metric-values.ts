/**
 * Per-actor values for "size by centrality" and "colour by community", from core's `centrality`
 * and `communities`. The controller caches them per map version.
 */
import { CENTRALITY_MEASURES, centrality, communities, type CentralityMeasure, type PowerMap } from "@powermap/core";

/** The centrality measures offered for sizing. */
export function availableMeasures(): string[] {
  return [...CENTRALITY_MEASURES];
}

export function computeMetric(map: PowerMap, measure: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!(CENTRALITY_MEASURES as readonly string[]).includes(measure)) return out;
  try {
    for (const r of centrality(map, measure as CentralityMeasure)) out.set(r.id, r.score);
  } catch (e) {
    // A measure that fails on this graph sizes nothing rather than breaking the canvas.
    console.warn(`PowerMapEditor: ${measure} centrality failed`, e);
  }
  return out;
}

/** Community number per actor (0 = the largest community). */
export function computeCommunities(map: PowerMap): Map<string, number> {
  return new Map(Object.entries(communities(map).assignments));
}
