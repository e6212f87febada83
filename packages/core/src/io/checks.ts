import type { Issue } from "../errors.ts";
import { RELATIONSHIP_KIND_INFO, type RelationshipKindInfo } from "../kinds.ts";
import { RELATIONSHIP_KINDS, type RelationshipKind } from "../schema/relationship.ts";
import { documentLocator, makeIssue, own, quote, recordLabel, type Location } from "./issues.ts";
import { firstDay, isPartialDate, lastDay } from "./partial-date.ts";

/**
 * Checks that span records, which a per-record schema cannot see: unique ids, relationships that
 * point at existing actors, dates that contradict each other. Runs on the raw document (whatever
 * the schema said) so every issue is reported at once.
 */

const KIND_FIELDS: readonly RelationshipKindInfo["fields"][number][] = ["title", "isBoard", "isExecutive", "percentage", "amount", "currency", "date"];

function duplicates(list: unknown[], collection: "actors" | "relationships", locate: ReturnType<typeof documentLocator>, out: Issue[]): Map<string, number> {
  const first = new Map<string, number>();
  list.forEach((rec, index) => {
    const id = own(rec, "id");
    if (typeof id !== "string") return;
    const prev = first.get(id);
    if (prev === undefined) first.set(id, index);
    else {
      const path = [collection, index, "id"];
      out.push(makeIssue("duplicate_id", path, locate(path), `duplicate id ${quote(id)} (already used by ${recordLabel(collection, prev, id)})`));
    }
  });
  return first;
}

/** Cross-record issues of a raw document; `asOf` is today's date (YYYY-MM-DD) for "ended" checks. */
export function crossRecordIssues(doc: unknown, asOf: string): Issue[] {
  const out: Issue[] = [];
  const locate = documentLocator(doc);
  const actors = own(doc, "actors");
  const rels = own(doc, "relationships");
  const actorIds = Array.isArray(actors) ? duplicates(actors, "actors", locate, out) : undefined;
  if (!Array.isArray(rels)) return out;
  duplicates(rels, "relationships", locate, out);
  rels.forEach((rel, index) => out.push(...relationshipIssues(rel, index, locate, asOf, actorIds ? (id) => actorIds.has(id) : undefined)));
  return out;
}

/**
 * Issues of one relationship that the schema cannot see: endpoints that are not actors (when
 * `hasActor` is given), dates in the wrong order, `current` contradicting the dates, fields that
 * do not apply to its kind, self loops.
 */
export function relationshipIssues(rel: unknown, index: number, locate: (path: (string | number)[]) => Location, asOf: string, hasActor?: (id: string) => boolean): Issue[] {
  const out: Issue[] = [];
  const issue = (code: string, field: string, text: string, severity: "error" | "warning" = "error") => {
    const path = ["relationships", index, field];
    out.push(makeIssue(code, path, locate(path), text, severity));
  };
  for (const end of ["from", "to"] as const) {
    const id = own(rel, end);
    if (hasActor && typeof id === "string" && id !== "" && !hasActor(id)) issue("dangling_reference", end, `unknown actor ${quote(id)} (no actor has this id)`);
  }
  const from = own(rel, "from");
  if (typeof from === "string" && from === own(rel, "to")) issue("self_loop", "to", `relationship from ${quote(from)} to itself`, "warning");
  const start = own(rel, "startDate");
  const end = own(rel, "endDate");
  if (isPartialDate(start) && isPartialDate(end) && firstDay(start) > lastDay(end)) issue("date_order", "endDate", `ends (${end}) before it starts (${start})`);
  const current = own(rel, "current");
  if (current === true && isPartialDate(end) && lastDay(end) < asOf) issue("ended_but_current", "current", `marked current but its endDate ${end} is in the past`, "warning");
  if (current === true && isPartialDate(start) && firstDay(start) > asOf) issue("not_started_but_current", "current", `marked current but its startDate ${start} is in the future`, "warning");
  const kind = own(rel, "kind");
  if (typeof kind === "string" && (RELATIONSHIP_KINDS as readonly string[]).includes(kind)) {
    const allowed: readonly string[] = RELATIONSHIP_KIND_INFO[kind as RelationshipKind].fields;
    for (const f of KIND_FIELDS) {
      if (own(rel, f) !== undefined && !allowed.includes(f)) issue("field_not_for_kind", f, `field ${quote(f)} does not apply to a ${quote(kind)} relationship`, "warning");
    }
  }
  return out;
}
