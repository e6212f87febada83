// Explicit named exports of the snapshot topic (owned by helper "metrics").
export type { AnalysisSnapshot, SnapshotOptions } from "./types.ts";
export { buildSnapshot, snapshotFromDocument, UNKNOWN_KIND } from "./build.ts";
export { snapshotOf, isSnapshot, structureRevision } from "./cache.ts";
export type { Adjacency, AdjacencyOptions, ArcDirection } from "./adjacency.ts";
export { adjacencyOf } from "./adjacency.ts";
