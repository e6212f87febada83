export { PartialDate, HttpUrl, Id, CustomFields, ExternalIds, Position } from "./common.ts";
export { Source } from "./source.ts";
export { Actor, ActorKind, ActorRole, PowerSource, Stance, Power, ACTOR_KINDS, ACTOR_ROLES, POWER_SOURCES } from "./actor.ts";
export { Relationship, RelationshipKind, Strength, RELATIONSHIP_KINDS } from "./relationship.ts";
export { PowerMapDocument, Meta, FORMAT_NAME, FORMAT_VERSION } from "./document.ts";
