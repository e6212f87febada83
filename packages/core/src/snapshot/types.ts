import type { Relationship } from "../schema/relationship.ts";

/**
 * A read-only, compact view of one revision of a power map, laid out for analysis: actors are
 * numbered 0…n−1 (document / graph order) and relationships 0…m−1; adjacency is CSR (compressed
 * sparse rows) in typed arrays, so measures run without hashing strings or allocating per arc.
 *
 * Arc arrays (`outTargets`, `outRel`, …) are indexed by arc position: the out-arcs of actor `v` are
 * `outOffsets[v] … outOffsets[v + 1] − 1`, listed in relationship order. Each relationship is one
 * out-arc of its `from` actor and one in-arc of its `to` actor; parallel relationships stay
 * separate arcs (measures that need a simple graph merge them, see `adjacencyOf`).
 */
export interface AnalysisSnapshot {
  readonly kind: "powermap-snapshot";
  /** The date the relationships were filtered at (see `relationshipFilter`), or undefined for all. */
  readonly asOf: string | undefined;
  /** Number of actors. */
  readonly n: number;
  /** Number of relationships kept (after the asOf filter). */
  readonly m: number;
  /** Actor id of each actor number. */
  readonly ids: readonly string[];
  /** Actor name of each actor number (the id when the record has no name). */
  readonly names: readonly string[];
  /** Actor id → actor number. */
  readonly index: ReadonlyMap<string, number>;
  /** The relationship records kept, by relationship number (shared, never copied). */
  readonly relationships: readonly Relationship[];
  /** Actor number of each relationship's `from` and `to`, by relationship number (length m). */
  readonly relFrom: Int32Array;
  readonly relTo: Int32Array;
  /** Kind code of each relationship (index into RELATIONSHIP_KINDS; 255 = unknown kind). */
  readonly relKinds: Uint8Array;
  /** Default weight of each relationship: its strength (1…5), 3 when absent. */
  readonly relWeights: Float64Array;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  /** Relationship number of each out-arc (to explain a result). */
  readonly outRel: Int32Array;
  /** Default weight (strength) of each out-arc. */
  readonly outWeights: Float64Array;
  /** Kind code of each out-arc. */
  readonly outKinds: Uint8Array;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  /** Relationship number of each in-arc. */
  readonly inRel: Int32Array;
  /** Default weight (strength) of each in-arc. */
  readonly inWeights: Float64Array;
  /** Derived views (simple / undirected adjacency) built on first use; private to the library. */
  readonly derived: Map<string, unknown>;
  /**
   * An earlier snapshot of the same graph with the very same relationships (records and actor
   * numbers): only actors were added (numbered after the others) or edited since. Views derived
   * from relationships alone may be carried over from it. Private to the library.
   */
  readonly sameRelationships?: AnalysisSnapshot | undefined;
}

/** Options of every snapshot builder. */
export interface SnapshotOptions {
  /** Keep only relationships current at this PartialDate (YYYY, YYYY-MM or YYYY-MM-DD). */
  asOf?: string;
}
