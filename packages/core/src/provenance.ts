import { graphOf, type MapLike } from "./graph/input.ts";
import { RELATIONSHIP_KIND_INFO } from "./kinds.ts";

/** A claim (an actor or a relationship) that cites no source. */
export interface UnsourcedClaim {
  collection: "actors" | "relationships";
  id: string;
  /** The actor's name, or for a relationship its label or "From verb To" (e.g. "Harborview donated to Linda Harmon"). */
  name: string;
}

export interface UnsourcedReport {
  claims: UnsourcedClaim[];
  counts: {
    unsourcedActors: number;
    unsourcedRelationships: number;
    unsourced: number;
    actors: number;
    relationships: number;
  };
}

/**
 * Lists the claims with no source (no `sources`, or an empty list), so a research team sees what it
 * still has to document: actors first, then relationships, in graph order.
 */
export function unsourcedClaims(map: MapLike): UnsourcedReport {
  const g = graphOf(map);
  const claims: UnsourcedClaim[] = [];
  g.forEachNode((id, a) => {
    if (!a.sources || a.sources.length === 0) claims.push({ collection: "actors", id, name: a.name });
  });
  const nActors = claims.length;
  g.forEachEdge((id, r, from, to, fromAttrs, toAttrs) => {
    if (r.sources && r.sources.length > 0) return;
    const verb = RELATIONSHIP_KIND_INFO[r.kind]?.verb ?? r.kind;
    claims.push({ collection: "relationships", id, name: r.label ? `${fromAttrs.name} → ${toAttrs.name}: ${r.label}` : `${fromAttrs.name} ${verb} ${toAttrs.name}` });
  });
  return {
    claims,
    counts: { unsourcedActors: nActors, unsourcedRelationships: claims.length - nActors, unsourced: claims.length, actors: g.order, relationships: g.size },
  };
}
