import { z } from "zod";
import { CustomFields, ExternalIds, Id, Position } from "./common.ts";
import { Source } from "./source.ts";

export const ACTOR_KINDS = [
  "person",
  "government_body", // school board, council, agency
  "company",
  "financial_institution", // bank, fund, private equity
  "nonprofit", // nonprofit or foundation
  "union",
  "community_group",
  "media",
  "political_committee", // PAC, party
  "faith_group",
  "school", // school or university
  "other",
] as const;
export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;

/** An actor's place in the campaign (any number of them). */
export const ACTOR_ROLES = ["target", "power_broker", "bad_actor", "influencer", "ally", "opposition", "own"] as const;
export const ActorRole = z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof ActorRole>;

/** Where an actor's power comes from. */
export const POWER_SOURCES = ["votes", "money", "office", "media", "membership", "relationships", "expertise", "other"] as const;
export const PowerSource = z.enum(POWER_SOURCES);
export type PowerSource = z.infer<typeof PowerSource>;

/** Stance on the campaign's demand: −2 strongly opposed … +2 strongly supportive; absent = unknown. */
export const Stance = z.int().min(-2).max(2);
/** Power over the issue: 1 (little) … 5 (decides). */
export const Power = z.int().min(1).max(5);

/** A node of the power map. Unknown extra fields are kept (loose). */
export const Actor = z.looseObject({
  id: Id,
  name: z.string().trim().min(1, "name must not be empty").max(500),
  kind: ActorKind,
  roles: z.array(ActorRole).optional(),
  stance: Stance.optional(),
  power: Power.optional(),
  powerSources: z.array(PowerSource).optional(),
  selfInterest: z.string().max(20000).optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).optional(),
  title: z.string().max(1000).optional(),
  description: z.string().max(20000).optional(),
  tags: z.array(z.string().trim().min(1).max(200)).optional(),
  notes: z.string().max(100000).optional(),
  externalIds: ExternalIds.optional(),
  custom: CustomFields.optional(),
  sources: z.array(Source).optional(),
  position: Position.optional(),
});
export type Actor = z.infer<typeof Actor>;
