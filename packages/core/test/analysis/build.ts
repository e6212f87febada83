// Small hand-built maps for the analysis tests.
import { graphFromDocument } from "../../src/graph/from-document.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import type { Actor } from "../../src/schema/actor.ts";
import type { Relationship } from "../../src/schema/relationship.ts";

export type A = Partial<Actor> & { id: string };
export type R = Partial<Relationship> & { from: string; to: string; kind: Relationship["kind"] };

/** Builds a graph; actors default to persons named after their id, relationships get ids r1, r2 … */
export function build(actors: (A | string)[], rels: R[]): PowerGraph {
  return graphFromDocument({
    format: "powermap",
    version: 1,
    meta: {},
    actors: actors.map((a) => (typeof a === "string" ? { id: a, name: a, kind: "person" } : { name: a.id, kind: "person", ...a })) as Actor[],
    relationships: rels.map((r, i) => ({ id: `r${i + 1}`, ...r })) as Relationship[],
  });
}
