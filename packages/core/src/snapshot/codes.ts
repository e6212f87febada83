import type { Relationship } from "../schema/relationship.ts";
import { RELATIONSHIP_KINDS } from "../schema/relationship.ts";

const KIND_CODE: ReadonlyMap<string, number> = new Map(RELATIONSHIP_KINDS.map((k, i) => [k, i]));
/** Kind code used for a kind missing from RELATIONSHIP_KINDS. */
export const UNKNOWN_KIND = 255;

/** A relationship's kind as a number: its index in RELATIONSHIP_KINDS, or UNKNOWN_KIND. */
export function kindCode(rel: Relationship): number {
  return KIND_CODE.get(rel.kind) ?? UNKNOWN_KIND;
}

/** A relationship's default weight: its strength (1…5), 3 when absent. */
export function defaultWeight(rel: Relationship): number {
  const s = rel.strength;
  return typeof s === "number" && s > 0 ? s : 3;
}
