import { ACTOR_KINDS, ACTOR_ROLES, POWER_SOURCES, RELATIONSHIP_KINDS } from "../../schema/index.ts";
import type { ActorKind, ActorRole, PowerSource, RelationshipKind } from "../../schema/index.ts";

/**
 * Vocabulary of other tools mapped onto ours. Keys are normalised with `vocabKey` (lower case,
 * runs of spaces, dashes and dots become "_"), so "Labor Union", "labor-union" and "labor_union" match.
 */
export function vocabKey(s: string): string {
  return s.trim().toLowerCase().replace(/[\s\-./]+/g, "_");
}

const ACTOR_KIND_SYNONYMS: Record<string, ActorKind> = {
  people: "person", individual: "person", human: "person", politician: "person", official: "person",
  government: "government_body", agency: "government_body", council: "government_body", public_body: "government_body",
  publicbody: "government_body", legislature: "government_body", board: "government_body", school_board: "government_body",
  corporation: "company", business: "company", firm: "company", corp: "company", employer: "company",
  bank: "financial_institution", fund: "financial_institution", financial: "financial_institution",
  investor: "financial_institution", private_equity: "financial_institution",
  non_profit: "nonprofit", ngo: "nonprofit", foundation: "nonprofit", charity: "nonprofit", nonprofit_organization: "nonprofit",
  labor_union: "union", labour_union: "union", trade_union: "union",
  community: "community_group", community_organization: "community_group", neighborhood_group: "community_group", grassroots: "community_group",
  press: "media", newspaper: "media", outlet: "media", media_outlet: "media",
  pac: "political_committee", party: "political_committee", political_party: "political_committee", super_pac: "political_committee",
  faith: "faith_group", church: "faith_group", religious: "faith_group", congregation: "faith_group",
  university: "school", college: "school", education: "school",
  organization: "other", organisation: "other", org: "other", group: "other", entity: "other", unknown: "other",
};

const REL_KIND_SYNONYMS: Record<string, RelationshipKind> = {
  board: "position", board_member: "position", director: "position", directorship: "position", officer: "position", seat: "position",
  employee: "employment", employer: "employment", works_for: "employment", job: "employment",
  member: "membership", member_of: "membership", belongs_to: "membership",
  owner: "ownership", owns: "ownership", shareholder: "ownership",
  donor: "donation", donates: "donation", donated_to: "donation", contribution: "donation", gift: "donation",
  grant: "funding", funds: "funding", investment: "funding", funder: "funding",
  transaction: "contract", vendor: "contract", supplier: "contract", payment: "contract",
  lobbies: "lobbying", lobbyist: "lobbying",
  appoints: "appointment", appointed: "appointment", appointed_by: "appointment",
  endorses: "endorsement", endorsed: "endorsement", supports: "endorsement",
  relative: "family", related_to: "family",
  friend: "social", friendship: "social", friends: "social",
  colleague: "professional", business_partner: "professional", works_with: "professional",
  alumni: "education", studied_at: "education", student: "education",
  parent: "subsidiary", parent_of: "subsidiary", owns_subsidiary: "subsidiary",
  coalition: "alliance", ally: "alliance", allied: "alliance", allied_with: "alliance", partner: "alliance",
  opposition: "conflict", opposes: "conflict", opponent: "conflict",
  influences: "influence", generic: "influence", linked_to: "influence", link: "influence", tie: "influence",
};

const ROLE_SYNONYMS: Record<string, ActorRole> = {
  targets: "target", primary_target: "target", secondary_target: "target", decision_maker: "target",
  broker: "power_broker", powerbroker: "power_broker", bad: "bad_actor", enemy: "bad_actor",
  allies: "ally", friend: "ally", opponent: "opposition", opponents: "opposition", us: "own", ours: "own", self: "own",
};

function lookup<T extends string>(s: string, known: readonly T[], synonyms: Record<string, T>): T | undefined {
  const key = vocabKey(s);
  if ((known as readonly string[]).includes(key)) return key as T;
  return synonyms[key];
}

/** Our actor kind for another tool's category, or undefined when it is unknown. */
export function actorKindOf(s: string): ActorKind | undefined {
  return lookup(s, ACTOR_KINDS, ACTOR_KIND_SYNONYMS);
}

/** Our relationship kind for another tool's relationship type, or undefined when it is unknown. */
export function relationshipKindOf(s: string): RelationshipKind | undefined {
  return lookup(s, RELATIONSHIP_KINDS, REL_KIND_SYNONYMS);
}

/** Our role for a role word, or undefined. */
export function roleOf(s: string): ActorRole | undefined {
  return lookup(s, ACTOR_ROLES, ROLE_SYNONYMS);
}

/** Our power source for a word, or undefined. */
export function powerSourceOf(s: string): PowerSource | undefined {
  return lookup(s, POWER_SOURCES, { vote: "votes", voters: "votes", funds: "money", wealth: "money", press: "media", members: "membership", connections: "relationships", knowledge: "expertise" });
}

const STANCE_WORDS: Record<string, number> = {
  strongly_opposed: -2, strongly_oppose: -2, hostile: -2, opposed: -1, oppose: -1, against: -1, leaning_against: -1,
  neutral: 0, undecided: 0, leaning_for: 1, supportive: 1, support: 1, for: 1, favorable: 1, strongly_supportive: 2, strongly_support: 2, champion: 2,
};

/** A stance word ("opposed", "strongly supportive", "neutral") as −2…2, or undefined. */
export function stanceWord(s: string): number | undefined {
  return STANCE_WORDS[vocabKey(s)];
}

/** Documented mapping tables (used by the README and tests). */
export const KIND_SYNONYM_TABLES = { actorKinds: ACTOR_KIND_SYNONYMS, relationshipKinds: REL_KIND_SYNONYMS, roles: ROLE_SYNONYMS };
