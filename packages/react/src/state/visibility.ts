/** Which actors and relationships pass the filters (pure; the reducers fade or hide the rest). */
import type { Actor, PowerGraph, Relationship } from "@powermap/core";
import type { Filters, StanceValue } from "./ui-state.ts";

/** First day covered by a PartialDate ("2020" → "2020-01-01"). */
export function earliestDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
/** Last day covered by a PartialDate, as a string that sorts correctly ("2020-02" → "2020-02-31"). */
export function latestDay(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** True when no filter is set (the reducers then skip all checks). */
export function filtersActive(f: Filters): boolean {
  return f.kinds.length > 0 || f.roles.length > 0 || f.stances.length > 0 || f.tags.length > 0 || f.relationshipKinds.length > 0 || f.asOf !== null;
}

export function actorPasses(a: Actor, f: Filters): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(a.kind)) return false;
  if (f.roles.length > 0 && !(a.roles ?? []).some((r) => f.roles.includes(r))) return false;
  if (f.stances.length > 0) {
    const v: StanceValue = a.stance === undefined ? "unknown" : (a.stance as StanceValue);
    if (!f.stances.includes(v)) return false;
  }
  if (f.tags.length > 0 && !(a.tags ?? []).some((t) => f.tags.includes(t))) return false;
  return true;
}

/** Whether the relationship was active on `asOf`: it had started (start or date) and not ended. */
export function activeOn(r: Relationship, asOf: string): boolean {
  const start = r.startDate ?? r.date;
  if (start !== undefined && earliestDay(start) > latestDay(asOf)) return false;
  if (r.endDate !== undefined && latestDay(r.endDate) < earliestDay(asOf)) return false;
  return true;
}

/** The relationship's own filters (its endpoints are checked separately). */
export function relationshipPasses(r: Relationship, f: Filters): boolean {
  if (f.relationshipKinds.length > 0 && !f.relationshipKinds.includes(r.kind)) return false;
  if (f.asOf !== null && !activeOn(r, f.asOf)) return false;
  return true;
}

export interface HiddenSets {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Everything filtered out; a relationship is hidden too when either of its actors is. */
export function hiddenByFilters(graph: PowerGraph, f: Filters): HiddenSets {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!filtersActive(f)) return { nodes, edges };
  graph.forEachNode((id, a) => {
    if (!actorPasses(a, f)) nodes.add(id);
  });
  graph.forEachEdge((id, r, source, target) => {
    if (nodes.has(source) || nodes.has(target) || !relationshipPasses(r, f)) edges.add(id);
  });
  return { nodes, edges };
}
