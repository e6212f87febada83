// Public API of @powermap/core: explicit named exports only.
export * from "./schema/index.ts";
export type { Issue } from "./errors.ts";
export { PowermapError, UsageError, NotFoundError, DuplicateIdError, AmbiguousNameError, ValidationError } from "./errors.ts";
export type { PowerGraph } from "./graph/types.ts";
export { graphFromDocument } from "./graph/from-document.ts";
export type { InfluenceDirection, RelationshipKindInfo, KindOverrides } from "./kinds.ts";
export { RELATIONSHIP_KIND_INFO, resolveKinds } from "./kinds.ts";
