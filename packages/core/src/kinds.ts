import type { RelationshipKind } from "./schema/relationship.ts";

/**
 * Which way influence flows along a relationship `from → to`:
 * forward = from influences to; backward = to influences from; both; none.
 */
export type InfluenceDirection = "forward" | "backward" | "both" | "none";

export interface RelationshipKindInfo {
  kind: RelationshipKind;
  label: string;
  /** Label of the edge read from → to, e.g. "donated to". */
  verb: string;
  direction: InfluenceDirection;
  /** +1: the tie pushes the other actor along (alliance); −1: it opposes (conflict). */
  sign: 1 | -1;
  /** Default weight of influence carried by the kind, 0…1, multiplied by strength/5. */
  weight: number;
  /** Fields that make sense for this kind, shown by editors and importers. */
  fields: readonly ("title" | "isBoard" | "isExecutive" | "percentage" | "amount" | "currency" | "date")[];
}

const k = (
  kind: RelationshipKind,
  label: string,
  verb: string,
  direction: InfluenceDirection,
  weight: number,
  fields: RelationshipKindInfo["fields"] = [],
  sign: 1 | -1 = 1,
): RelationshipKindInfo => ({ kind, label, verb, direction, sign, weight, fields });

/** The registry: one row per relationship kind. Queries take overrides (see `resolveKinds`). */
export const RELATIONSHIP_KIND_INFO: Readonly<Record<RelationshipKind, RelationshipKindInfo>> = Object.freeze({
  position: k("position", "Position / board seat", "holds a position at", "both", 0.9, ["title", "isBoard", "isExecutive"]),
  employment: k("employment", "Employment", "is employed by", "both", 0.6, ["title"]),
  membership: k("membership", "Membership", "is a member of", "both", 0.4, ["title"]),
  ownership: k("ownership", "Ownership", "owns", "forward", 0.9, ["percentage"]),
  donation: k("donation", "Donation / contribution", "donated to", "forward", 0.8, ["amount", "currency", "date"]),
  funding: k("funding", "Funding / grant / investment", "funds", "forward", 0.8, ["amount", "currency", "date"]),
  contract: k("contract", "Contract / transaction", "has a contract with", "both", 0.5, ["amount", "currency", "date"]),
  lobbying: k("lobbying", "Lobbying", "lobbies", "forward", 0.7, ["amount", "currency"]),
  appointment: k("appointment", "Appointment", "appointed", "forward", 0.9, ["title", "date"]),
  endorsement: k("endorsement", "Endorsement", "endorsed", "forward", 0.5, ["date"]),
  family: k("family", "Family", "is family of", "both", 0.7, ["title"]),
  social: k("social", "Friendship / social", "is a friend of", "both", 0.5),
  professional: k("professional", "Professional", "works with", "both", 0.4, ["title"]),
  education: k("education", "Education", "studied at", "both", 0.2, ["title"]),
  subsidiary: k("subsidiary", "Parent / subsidiary", "is the parent of", "forward", 0.9),
  alliance: k("alliance", "Alliance / coalition", "is allied with", "both", 0.6),
  conflict: k("conflict", "Conflict / opposition", "opposes", "both", 0.6, [], -1),
  influence: k("influence", "Influence", "influences", "forward", 0.7),
});

export type KindOverrides = Partial<Record<RelationshipKind, Partial<Omit<RelationshipKindInfo, "kind">>>>;

/** The registry with per-query overrides applied (e.g. `{ education: { direction: "none" } }`). */
export function resolveKinds(overrides?: KindOverrides): Record<RelationshipKind, RelationshipKindInfo> {
  const out = { ...RELATIONSHIP_KIND_INFO } as Record<RelationshipKind, RelationshipKindInfo>;
  if (overrides) for (const [kind, o] of Object.entries(overrides)) out[kind as RelationshipKind] = { ...out[kind as RelationshipKind], ...o };
  return out;
}
