// Public API of @powermap/core. Each topic has its own barrel with explicit named exports.
export * from "./schema/index.ts";
export type { Issue } from "./errors.ts";
export { PowermapError, UsageError, NotFoundError, DuplicateIdError, AmbiguousNameError, ValidationError } from "./errors.ts";
export type { InfluenceDirection, RelationshipKindInfo, KindOverrides } from "./kinds.ts";
export { RELATIONSHIP_KIND_INFO, resolveKinds } from "./kinds.ts";
export * from "./graph/index.ts";
export * from "./io/index.ts";
export * from "./analysis/index.ts";
export * from "./metrics/index.ts";
export * from "./snapshot/index.ts";
