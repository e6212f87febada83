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

// Per kind, the kind-specific fields it does NOT take, in KIND_FIELDS order (so the 7 fields are not
// re-tested against the allowed list for each of a million relationships).
const FIELDS_NOT_FOR: ReadonlyMap<string, readonly string[]> = new Map(
  RELATIONSHIP_KINDS.map((k) => {
    const allowed: readonly string[] = RELATIONSHIP_KIND_INFO[k as RelationshipKind].fields;
    return [k, KIND_FIELDS.filter((f) => !allowed.includes(f))];
  }),
);

/** Number of the first record holding each id. */
interface IdIndex {
  get(id: string): number | undefined;
}

// Longest probe run accepted in the open-addressing table before falling back to a Map (only
// colliding, e.g. crafted, ids get there; a Map's hash is seeded, so they cannot slow it down).
const MAX_PROBE = 64;

function hashOf(s: string): number {
  let h = 0x811c9dc5; // FNV-1a over UTF-16 code units
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * Id → first index, as an open-addressing table of record numbers in an Int32Array: 3–5× faster
 * than a Map for the 500 000 fresh strings of a large document (V8's Map grows and rehashes in
 * steps, and hashes each string anyway). Falls back to a Map on long probe runs.
 */
class IdTable implements IdIndex {
  private readonly mask: number;
  private readonly table: Int32Array;
  private fallback: Map<string, number> | undefined;

  /** Fills the table; returns false when some probe run was too long (then use a Map). */
  static build(ids: readonly unknown[], duplicate: (index: number, prev: number) => void): IdTable | undefined {
    const t = new IdTable(ids);
    const dups: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (typeof id !== "string") continue;
      let p = hashOf(id) & t.mask;
      for (let probes = 0; ; probes++) {
        if (probes > MAX_PROBE) return undefined;
        const e = t.table[p]!;
        if (e === 0) {
          t.table[p] = i + 1;
          break;
        }
        if (ids[e - 1] === id) {
          dups.push(i, e - 1);
          break;
        }
        p = (p + 1) & t.mask;
      }
    }
    for (let k = 0; k < dups.length; k += 2) duplicate(dups[k]!, dups[k + 1]!);
    return t;
  }

  private constructor(private readonly ids: readonly unknown[]) {
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2; // load ≤ 1/2
    this.mask = cap - 1;
    this.table = new Int32Array(cap);
  }

  get(id: string): number | undefined {
    if (this.fallback) return this.fallback.get(id);
    let p = hashOf(id) & this.mask;
    for (let probes = 0; probes <= MAX_PROBE; probes++) {
      const e = this.table[p]!;
      if (e === 0) return undefined;
      if (this.ids[e - 1] === id) return e - 1;
      p = (p + 1) & this.mask;
    }
    this.fallback = mapIndex(this.ids, () => {});
    return this.fallback.get(id);
  }
}

function mapIndex(ids: readonly unknown[], duplicate: (index: number, prev: number) => void): Map<string, number> {
  const first = new Map<string, number>();
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index];
    if (typeof id !== "string") continue;
    const prev = first.get(id);
    if (prev === undefined) first.set(id, index);
    else duplicate(index, prev);
  }
  return first;
}

function duplicates(list: unknown[], collection: "actors" | "relationships", locate: ReturnType<typeof documentLocator>, out: Issue[]): IdIndex {
  const ids: unknown[] = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) ids[i] = own(list[i], "id");
  const duplicate = (index: number, prev: number): void => {
    const id = ids[index] as string;
    const path = [collection, index, "id"];
    out.push(makeIssue("duplicate_id", path, locate(path), `duplicate id ${quote(id)} (already used by ${recordLabel(collection, prev, id)})`));
  };
  return IdTable.build(ids, duplicate) ?? mapIndex(ids, duplicate);
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
  // One shared output list and no per-relationship closures: this loop runs once per relationship.
  for (let index = 0; index < rels.length; index++) pushRelationshipIssues(out, rels[index], index, locate, asOf, actorIds);
  return out;
}

/**
 * Issues of one relationship that the schema cannot see: endpoints that are not actors (when
 * `hasActor` is given), dates in the wrong order, `current` contradicting the dates, fields that
 * do not apply to its kind, self loops.
 */
export function relationshipIssues(rel: unknown, index: number, locate: (path: (string | number)[]) => Location, asOf: string, hasActor?: (id: string) => boolean): Issue[] {
  const out: Issue[] = [];
  pushRelationshipIssues(out, rel, index, locate, asOf, hasActor ? { get: (id) => (hasActor(id) ? 0 : undefined) } : undefined);
  return out;
}

function push(out: Issue[], locate: (path: (string | number)[]) => Location, index: number, code: string, field: string, text: string, severity: "error" | "warning" = "error"): void {
  const path = ["relationships", index, field];
  out.push(makeIssue(code, path, locate(path), text, severity));
}

function pushRelationshipIssues(
  out: Issue[],
  rel: unknown,
  index: number,
  locate: (path: (string | number)[]) => Location,
  asOf: string,
  actors: IdIndex | undefined,
): void {
  if (rel === null || typeof rel !== "object") return; // every field below would be absent
  const from = own(rel, "from");
  const to = own(rel, "to");
  if (actors) {
    if (typeof from === "string" && from !== "" && actors.get(from) === undefined) push(out, locate, index, "dangling_reference", "from", `unknown actor ${quote(from)} (no actor has this id)`);
    if (typeof to === "string" && to !== "" && actors.get(to) === undefined) push(out, locate, index, "dangling_reference", "to", `unknown actor ${quote(to)} (no actor has this id)`);
  }
  if (typeof from === "string" && from === to) push(out, locate, index, "self_loop", "to", `relationship from ${quote(from)} to itself`, "warning");
  const start = own(rel, "startDate");
  const end = own(rel, "endDate");
  if (start !== undefined || end !== undefined) {
    if (isPartialDate(start) && isPartialDate(end) && firstDay(start) > lastDay(end)) push(out, locate, index, "date_order", "endDate", `ends (${end}) before it starts (${start})`);
    const current = own(rel, "current");
    if (current === true && isPartialDate(end) && lastDay(end) < asOf) push(out, locate, index, "ended_but_current", "current", `marked current but its endDate ${end} is in the past`, "warning");
    if (current === true && isPartialDate(start) && firstDay(start) > asOf) push(out, locate, index, "not_started_but_current", "current", `marked current but its startDate ${start} is in the future`, "warning");
  }
  const kind = own(rel, "kind");
  const notFor = typeof kind === "string" ? FIELDS_NOT_FOR.get(kind) : undefined;
  if (notFor) {
    for (let i = 0; i < notFor.length; i++) {
      const f = notFor[i]!;
      if (own(rel, f) !== undefined) push(out, locate, index, "field_not_for_kind", f, `field ${quote(f)} does not apply to a ${quote(kind as string)} relationship`, "warning");
    }
  }
}
