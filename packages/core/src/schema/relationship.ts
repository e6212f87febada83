import { z } from "zod";
import { CustomFields, ExternalIds, Id, PartialDate } from "./common.ts";
import { Source } from "./source.ts";

export const RELATIONSHIP_KINDS = [
  "position", // board seat or office: title, isBoard, isExecutive
  "employment",
  "membership",
  "ownership", // percentage
  "donation", // amount, currency, date
  "funding", // grant or investment: amount, currency
  "contract", // contract or transaction: amount, currency
  "lobbying",
  "appointment", // from appoints to
  "endorsement",
  "family",
  "social", // friendship
  "professional",
  "education",
  "subsidiary", // from = parent, to = subsidiary
  "alliance", // alliance or coalition
  "conflict", // conflict or opposition
  "influence", // generic influence
] as const;
export const RelationshipKind = z.enum(RELATIONSHIP_KINDS);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

/** Strength of a tie, 1 (weak) … 5 (strong). Absent means the kind's default (3). */
export const Strength = z.int().min(1).max(5);

/**
 * A directed edge `from` → `to`; a pair of actors may have several. Kind-specific fields are flat and
 * optional. Unknown extra fields are kept (loose).
 */
export const Relationship = z.looseObject({
  id: Id,
  from: Id,
  to: Id,
  kind: RelationshipKind,
  label: z.string().max(1000).optional(),
  strength: Strength.optional(),
  startDate: PartialDate.optional(),
  endDate: PartialDate.optional(),
  current: z.boolean().optional(),
  // position
  title: z.string().max(1000).optional(),
  isBoard: z.boolean().optional(),
  isExecutive: z.boolean().optional(),
  // ownership
  percentage: z.number().min(0).max(100).optional(),
  // donation, funding, contract
  amount: z.number().finite().min(0).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code such as USD").optional(),
  date: PartialDate.optional(),
  tags: z.array(z.string().trim().min(1).max(200)).optional(),
  notes: z.string().max(100000).optional(),
  externalIds: ExternalIds.optional(),
  custom: CustomFields.optional(),
  sources: z.array(Source).optional(),
});
export type Relationship = z.infer<typeof Relationship>;
