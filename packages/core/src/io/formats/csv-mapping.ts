import { ACTOR_FIELDS, ACTOR_HEADER_NAMES, RELATIONSHIP_FIELDS, RELATIONSHIP_HEADER_NAMES, headerKey } from "./records-fields.ts";
import type { ActorField, RelationshipField } from "./records-fields.ts";

/** Which column (by index) holds each field; columns not listed go to `custom`. */
export type CsvMapping<F extends string> = Partial<Record<F, number>>;

/** Header overrides: field → column name, e.g. `{ name: "Organisation", kind: "Sector" }`. */
export interface CsvHeaderOptions {
  actors?: Partial<Record<ActorField, string>>;
  relationships?: Partial<Record<RelationshipField, string>>;
  /** Force a delimiter instead of sniffing it. */
  delimiter?: string;
}

/**
 * Map header cells to fields: explicit overrides first, then the common names of each field in
 * order of preference (so "Name" wins over "Label" and a "Source" column means `from` in a
 * relationships sheet). Returns the mapping and the override names that matched no column.
 */
export function detectCsvMapping<F extends string>(
  header: readonly string[],
  sheet: "actors" | "relationships",
  overrides: Partial<Record<F, string>> = {},
): { mapping: CsvMapping<F>; unmatched: { field: F; column: string }[] } {
  const fields = (sheet === "actors" ? ACTOR_FIELDS : RELATIONSHIP_FIELDS) as readonly string[];
  const names = (sheet === "actors" ? ACTOR_HEADER_NAMES : RELATIONSHIP_HEADER_NAMES) as Record<string, string[]>;
  const mapping: Record<string, number> = {};
  const used = new Set<number>();
  const unmatched: { field: F; column: string }[] = [];
  for (const [field, column] of Object.entries(overrides) as [F, string | undefined][]) {
    if (column === undefined) continue;
    let idx = header.indexOf(column);
    if (idx < 0) idx = header.findIndex((h) => headerKey(h) === headerKey(column));
    if (idx < 0 || !fields.includes(field)) unmatched.push({ field, column });
    else {
      mapping[field] = idx;
      used.add(idx);
    }
  }
  const keys = header.map(headerKey);
  for (const field of fields) {
    if (field in mapping) continue;
    for (const syn of names[field] ?? []) {
      const idx = keys.findIndex((k, i) => k === syn && !used.has(i));
      if (idx >= 0) {
        mapping[field] = idx;
        used.add(idx);
        break;
      }
    }
  }
  return { mapping: mapping as CsvMapping<F>, unmatched };
}

/** True when a header looks like a relationships sheet (it has both endpoint columns). */
export function looksLikeRelationshipSheet(header: readonly string[]): boolean {
  const { mapping } = detectCsvMapping<RelationshipField>(header, "relationships");
  return mapping.from !== undefined && mapping.to !== undefined;
}
