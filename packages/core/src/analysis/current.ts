import { UsageError } from "../errors.ts";
import type { Relationship } from "../schema/relationship.ts";

/** A moment for "as of" queries: a PartialDate string (YYYY, YYYY-MM, YYYY-MM-DD) or a Date (its UTC day). */
export type AsOf = string | Date;

/** A calendar period as two comparable day numbers (yyyymmdd), both inclusive. */
export interface DayPeriod {
  first: number;
  last: number;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The days a partial date covers: "2024" → 2024-01-01…2024-12-31, "2024-02" → 2024-02-01…2024-02-31
 * (an upper bound is enough for comparisons, so months all end on day 31). Undefined if malformed.
 */
export function datePeriod(date: string): DayPeriod | undefined {
  const m = PARTIAL.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]) * 10000;
  if (m[3] !== undefined) {
    const d = y + Number(m[2]) * 100 + Number(m[3]);
    return { first: d, last: d };
  }
  if (m[2] !== undefined) return { first: y + Number(m[2]) * 100 + 1, last: y + Number(m[2]) * 100 + 31 };
  return { first: y + 101, last: y + 1231 };
}

function dayOf(d: Date): number {
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** Turns an `asOf` option into a period; throws UsageError (prefixed by `origin`) when it is not a date. */
export function asOfPeriod(asOf: AsOf, origin: string): DayPeriod {
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) throw new UsageError(`${origin}: asOf is an invalid Date`);
    const d = dayOf(asOf);
    return { first: d, last: d };
  }
  if (typeof asOf === "string") {
    const p = datePeriod(asOf.trim());
    if (p) return p;
    // Full ISO timestamps ("2024-06-01T12:00:00Z") are accepted too: their UTC day counts.
    if (/^\d{4}-\d{2}-\d{2}T/.test(asOf) && !Number.isNaN(Date.parse(asOf))) return asOfPeriod(new Date(asOf), origin);
  }
  throw new UsageError(`${origin}: asOf must be a date YYYY, YYYY-MM, YYYY-MM-DD or a Date, got ${JSON.stringify(String(asOf))}`);
}

/** A predicate telling whether a relationship counts at the chosen moment. */
export type CurrentFilter = (rel: Relationship) => boolean;

/**
 * Builds the "does this relationship count?" predicate used by every query.
 *
 * - No `asOf`: every relationship that has not ended: `current !== false` and no `endDate` before today
 *   (start dates are ignored: a relationship recorded without an end is taken as still holding).
 * - With `asOf`: both sides are periods (a partial date covers every day it names) and a relationship
 *   counts when its period overlaps the asOf period: start ≤ asOf's last day and end ≥ asOf's first
 *   day. So a board term ending "2024" still counts on 2024-06-01 (we cannot tell that it ended
 *   before), and one starting "2024-09" does not count as of "2024-08". The start is `startDate`, else
 *   the event `date` (a donation made in 2023 does not count as of 2022). A relationship with
 *   `current: false` and no `endDate` ended at an unknown time, so it never counts.
 */
export function currentFilter(asOf: AsOf | undefined, origin = "asOf"): CurrentFilter {
  if (asOf === undefined) {
    const today = dayOf(new Date());
    return (rel) => {
      if (rel.current === false) return false;
      if (rel.endDate === undefined) return true;
      const end = datePeriod(rel.endDate);
      return end === undefined || end.last >= today;
    };
  }
  const at = asOfPeriod(asOf, origin);
  return (rel) => {
    const startText = rel.startDate ?? rel.date;
    if (startText !== undefined) {
      const start = datePeriod(startText);
      if (start && start.first > at.last) return false;
    }
    if (rel.endDate !== undefined) {
      const end = datePeriod(rel.endDate);
      return end === undefined || end.last >= at.first;
    }
    return rel.current !== false;
  };
}

/** Whether one relationship counts as of `asOf` (see `currentFilter` for the exact rule). */
export function isCurrent(rel: Relationship, asOf?: AsOf): boolean {
  return currentFilter(asOf, "isCurrent")(rel);
}
