// Explicit named exports of the graph/model topic.
export type { PowerGraph } from "./types.ts";
export { graphFromDocument } from "./from-document.ts";
export type { MapLike } from "./input.ts";
export { graphOf } from "./input.ts";
