import type { Relationship } from "../schema/relationship.ts";
import { currentFilter } from "../analysis/current.ts";

/**
 * Throws a UsageError naming `origin` unless `asOf` is undefined or a date the analysis queries
 * accept (YYYY, YYYY-MM, YYYY-MM-DD). One rule for "current" across the library: the predicate is
 * the analysis topic's `currentFilter`.
 */
export function checkAsOf(asOf: unknown, origin: string): asserts asOf is string | undefined {
  if (asOf === undefined) return;
  currentFilter(typeof asOf === "string" ? asOf : String(asOf), origin);
}

/**
 * The relationship filter of a snapshot. With `asOf`, a relationship counts when its period
 * overlaps that date (partial dates are periods: a term ending "2020" still counts at "2020-06";
 * one starting later does not; `current: false` without an end date never counts) — the same rule
 * as `influencersOf`. Without `asOf` the snapshot keeps every relationship recorded.
 */
export function relationshipFilter(asOf: string | undefined, origin: string): ((rel: Relationship) => boolean) | undefined {
  return asOf === undefined ? undefined : currentFilter(asOf, origin);
}
