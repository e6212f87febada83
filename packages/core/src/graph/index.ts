// Explicit named exports of the graph/model topic.
export type { PowerGraph } from "./types.ts";
export { slug, uniqueId } from "./ids.ts";
export { graphFromDocument } from "./from-document.ts";
export type { MapLike } from "./input.ts";
export { graphOf } from "./input.ts";
export { schoolBoardExample } from "../examples/school-board.ts";
export type { Patch, NewActor, NewRelationship, ChangeEvent, ChangeListener, PowerMapOptions, LoadOptions } from "./power-map.ts";
export { PowerMap } from "./power-map.ts";
export type { SearchHit } from "./name-index.ts";
export type { Change, ChangeType, Command } from "../commands/command.ts";
export type { UnsourcedClaim, UnsourcedReport } from "../provenance.ts";
export { unsourcedClaims } from "../provenance.ts";
