import { UsageError } from "../errors.ts";
import { resolveKinds, type KindOverrides } from "../kinds.ts";
import type { Relationship } from "../schema/relationship.ts";
import type { AnalysisSnapshot } from "../snapshot/types.ts";

/**
 * How a relationship's weight is read: "strength" (1…5, 3 when absent), "influence" (the kind's
 * registry weight × strength / 5, 0…1) or a function of the record.
 */
export type WeightSpec = "strength" | "influence" | ((rel: Relationship) => number);

/** Per-relationship weights plus a cache key when they can be cached on the snapshot. */
export interface RelWeights {
  values: Float64Array;
  cacheKey: string | undefined;
}

/**
 * Weight of every relationship of the snapshot. Throws a UsageError naming the relationship when a
 * weight is negative or not a finite number (origin prefixes the message).
 */
export function relationshipWeights(snap: AnalysisSnapshot, spec: WeightSpec, origin: string, kinds?: KindOverrides): RelWeights {
  if (spec === "strength") return { values: snap.relWeights, cacheKey: "strength" };
  const m = snap.m;
  const values = new Float64Array(m);
  const rels = snap.relationships;
  if (spec === "influence") {
    const reg = resolveKinds(kinds);
    for (let r = 0; r < m; r++) {
      const info = reg[rels[r]!.kind];
      values[r] = (info ? info.weight : 0) * (snap.relWeights[r]! / 5);
    }
  } else {
    for (let r = 0; r < m; r++) values[r] = spec(rels[r]!);
  }
  for (let r = 0; r < m; r++) {
    const x = values[r]!;
    if (!(x >= 0 && x < Infinity)) {
      throw new UsageError(`${origin}: weight of relationship "${rels[r]!.id}" must be a finite number >= 0, got ${String(x)}`);
    }
  }
  return { values, cacheKey: spec === "influence" && kinds === undefined ? "influence" : undefined };
}

/**
 * Edge lengths for shortest-path measures. "inverse": 1 / weight, so strong ties are short and a
 * weight of 0 is impassable; "weight": the weight itself is the length (networkx's convention for
 * `weight=`), and must then be > 0.
 */
export function relationshipLengths(w: RelWeights, mode: "inverse" | "weight", snap: AnalysisSnapshot, origin: string): RelWeights {
  const m = w.values.length;
  if (mode === "weight") {
    for (let r = 0; r < m; r++) {
      if (!(w.values[r]! > 0)) {
        throw new UsageError(`${origin}: with distance "weight", the weight of relationship "${snap.relationships[r]!.id}" must be > 0, got ${w.values[r]}`);
      }
    }
    return w;
  }
  const out = new Float64Array(m);
  for (let r = 0; r < m; r++) out[r] = 1 / w.values[r]!;
  return { values: out, cacheKey: w.cacheKey === undefined ? undefined : `inv-${w.cacheKey}` };
}
