import { graphFromDocument } from "../../src/graph/from-document.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import type { PowerMapDocument } from "../../src/schema/document.ts";
import type { Relationship } from "../../src/schema/relationship.ts";
import { mulberry32 } from "../../src/metrics/random.ts";

/** Deterministic PRNG for test graphs. */
export const rng = mulberry32;

/** A plain graph as a power-map document: one actor per node, one relationship per edge (weight in custom.w). */
export function documentOf(nodes: readonly string[], edges: readonly (readonly [string, string, number?])[], kind: Relationship["kind"] = "influence"): PowerMapDocument {
  return {
    format: "powermap",
    version: 1,
    meta: {},
    actors: nodes.map((id) => ({ id, name: `Actor ${id}`, kind: "person" as const })),
    relationships: edges.map(([from, to, w], i) => ({ id: `r${i}`, from, to, kind, ...(w === undefined ? {} : { custom: { w } }) })),
  };
}

export function graphOfEdges(nodes: readonly string[], edges: readonly (readonly [string, string, number?])[]): PowerGraph {
  return graphFromDocument(documentOf(nodes, edges));
}

/** Reads the weight stored by `documentOf`. */
export const customW = (r: Relationship): number => Number(r.custom?.["w"]);

/** A random directed simple graph (no reciprocal pair either) with n nodes, m edges and integer weights 1..5. */
export function randomGraph(seed: number, n: number, m: number): { nodes: string[]; edges: [string, string, number][] } {
  const r = rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const seen = new Set<string>();
  const edges: [string, string, number][] = [];
  while (edges.length < m) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    if (a === b || seen.has(`${a}>${b}`) || seen.has(`${b}>${a}`)) continue;
    seen.add(`${a}>${b}`);
    edges.push([nodes[a]!, nodes[b]!, 1 + Math.floor(r() * 5)]);
  }
  return { nodes, edges };
}
