import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { graphFromDocument } from "../../src/graph/from-document.ts";
import { buildSnapshot, snapshotFromDocument } from "../../src/snapshot/index.ts";
import type { AnalysisSnapshot } from "../../src/snapshot/types.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import type { PowerMapDocument } from "../../src/schema/document.ts";
import type { Actor } from "../../src/schema/actor.ts";
import type { Relationship } from "../../src/schema/relationship.ts";
import type { Meta } from "../../src/schema/document.ts";
import { mulberry32 } from "../../src/metrics/random.ts";

/** Random multigraph document with self-loops, parallel relationships and runs sharing an end. */
function randomDoc(n: number, m: number, seed: number): PowerMapDocument {
  const rnd = mulberry32(seed);
  const pick = (): number => Math.floor(rnd() * n);
  const actors: Actor[] = Array.from({ length: n }, (_, i) => ({ id: `x${(i * 7919) % n}`, name: `N${i}`, kind: "person" }) as Actor);
  const relationships: Relationship[] = [];
  let f = pick();
  for (let r = 0; r < m; r++) {
    if (rnd() < 0.4) f = pick(); // otherwise keep the same source, as grouped imports do
    const t = rnd() < 0.05 ? f : pick();
    relationships.push({ id: `r${r}`, from: actors[f]!.id, to: actors[t]!.id, kind: "donation" } as Relationship);
  }
  return { format: "powermap", version: 1, meta: {}, actors, relationships } as PowerMapDocument;
}

function layout(s: AnalysisSnapshot): unknown {
  return {
    ids: s.ids,
    names: s.names,
    index: [...s.index],
    rels: s.relationships.map((r) => r.id),
    arrays: [s.outOffsets, s.outTargets, s.outRel, s.inOffsets, s.inSources, s.inRel].map((a) => [...a]),
  };
}

describe("buildSnapshot from a graphology model", () => {
  it("gives the same CSR as snapshotFromDocument (independent id lookup) on random multigraphs", () => {
    for (const seed of [1, 2, 3]) {
      const doc = randomDoc(200, 1500, seed);
      expect(layout(buildSnapshot(graphFromDocument(doc)))).toEqual(layout(snapshotFromDocument(doc)));
    }
  });

  it("resolves relationship ends by id when nodes share one attributes object", () => {
    const doc = randomDoc(50, 300, 9);
    const shared = { id: "shared", name: "Same", kind: "person" } as Actor;
    const graph: PowerGraph = new MultiDirectedGraph<Actor, Relationship, Meta>();
    for (const a of doc.actors) graph.addNode(a.id, shared);
    for (const r of doc.relationships) graph.addEdgeWithKey(r.id, r.from, r.to, r);
    const s = buildSnapshot(graph);
    const ref = snapshotFromDocument(doc);
    expect([...s.outTargets]).toEqual([...ref.outTargets]);
    expect([...s.inSources]).toEqual([...ref.inSources]);
    expect([...s.index]).toEqual([...ref.index]);
  });

  it("keeps the actor numbering of the revision it was built from", () => {
    const doc = randomDoc(20, 60, 4);
    const graph = graphFromDocument(doc);
    const s = buildSnapshot(graph);
    graph.addNode("late", { id: "late", name: "Late", kind: "person" } as Actor);
    expect(s.index.has("late")).toBe(false);
    expect(s.index.get(doc.actors[3]!.id)).toBe(3);
    expect(s.n).toBe(20);
  });
});
