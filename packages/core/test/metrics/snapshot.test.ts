import { describe, expect, it } from "vitest";
import { graphFromDocument } from "../../src/graph/from-document.ts";
import { ValidationError, UsageError } from "../../src/errors.ts";
import { adjacencyOf, buildSnapshot, snapshotFromDocument, snapshotOf } from "../../src/snapshot/index.ts";
import { centrality } from "../../src/metrics/index.ts";
import type { PowerMapDocument } from "../../src/schema/document.ts";
import { PowerMap } from "../../src/graph/power-map.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";

const doc: PowerMapDocument = {
  format: "powermap",
  version: 1,
  meta: {},
  actors: [
    { id: "a", name: "Alice", kind: "person" },
    { id: "b", name: "Board", kind: "government_body" },
    { id: "c", name: "Corp", kind: "company" },
  ],
  relationships: [
    { id: "r1", from: "a", to: "b", kind: "position", strength: 5, startDate: "2018", endDate: "2020-06" },
    { id: "r2", from: "c", to: "b", kind: "donation", amount: 100 },
    { id: "r3", from: "c", to: "a", kind: "employment", strength: 2 },
    { id: "r4", from: "c", to: "b", kind: "lobbying", current: false },
  ],
};

describe("snapshot CSR", () => {
  it("lays out out- and in-arcs in relationship order with weights, kinds and relationship numbers", () => {
    for (const s of [snapshotFromDocument(doc), buildSnapshot(graphFromDocument(doc))]) {
      expect(s.n).toBe(3);
      expect(s.m).toBe(4);
      expect(s.ids).toEqual(["a", "b", "c"]);
      expect(s.names).toEqual(["Alice", "Board", "Corp"]);
      expect([...s.outOffsets]).toEqual([0, 1, 1, 4]);
      expect([...s.outTargets]).toEqual([1, 1, 0, 1]);
      expect(s.relationships.map((r) => r.id)).toEqual(["r1", "r2", "r3", "r4"]);
      expect([...s.outRel]).toEqual([0, 1, 2, 3]);
      expect([...s.outWeights]).toEqual([5, 3, 2, 3]);
      expect([...s.inOffsets]).toEqual([0, 1, 4, 4]);
      expect([...s.inSources]).toEqual([2, 0, 2, 2]);
      expect([...s.inRel]).toEqual([2, 0, 1, 3]);
      expect(s.relationships[s.outRel[0]!]!.kind).toBe("position");
      expect(s.outKinds[0]).toBe(s.relKinds[0]);
    }
  });

  it("filters by asOf with the library's 'current' rule", () => {
    const s2019 = snapshotFromDocument(doc, { asOf: "2019" });
    expect(s2019.relationships.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    const s2021 = snapshotFromDocument(doc, { asOf: "2021-01-01" });
    expect(s2021.relationships.map((r) => r.id)).toEqual(["r2", "r3"]);
    // A term ending in June 2020 still counts in 2020 (partial dates are periods).
    expect(snapshotFromDocument(doc, { asOf: "2020" }).relationships.map((r) => r.id)).toContain("r1");
    expect(() => snapshotFromDocument(doc, { asOf: "last year" })).toThrow(UsageError);
  });

  it("reports dangling references and duplicate ids as issues naming record and field", () => {
    const bad = {
      ...doc,
      actors: [...doc.actors, { id: "a", name: "Again", kind: "person" as const }],
      relationships: [...doc.relationships, { id: "r9", from: "a", to: "zz", kind: "social" as const }],
    };
    try {
      snapshotFromDocument(bad);
      expect.fail("should throw");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issues = (e as ValidationError).issues;
      expect(issues).toContainEqual(expect.objectContaining({ code: "duplicate_id", record: { collection: "actors", index: 3, id: "a" }, field: "id" }));
      expect(issues).toContainEqual(expect.objectContaining({ code: "dangling_reference", record: { collection: "relationships", index: 4, id: "r9" }, field: "to" }));
    }
  });

  it("merges parallel arcs for the simple view and keeps them for the multigraph view", () => {
    const s = snapshotFromDocument(doc);
    const multi = adjacencyOf(s, { direction: "both", merge: "none" });
    const simple = adjacencyOf(s, { direction: "both", merge: "min", relWeights: s.relWeights });
    // c has r2, r4 (both to b) and r3 (to a).
    const c = 2;
    expect(multi.offsets[c + 1]! - multi.offsets[c]!).toBe(3);
    const nb = [...simple.targets.subarray(simple.offsets[c]!, simple.offsets[c + 1]!)];
    expect(nb.sort()).toEqual([0, 1]);
  });
});

describe("snapshotOf cache", () => {
  it("reuses the snapshot until the graph changes", () => {
    const g = graphFromDocument(doc);
    const s1 = snapshotOf(g);
    expect(snapshotOf(g)).toBe(s1);
    expect(snapshotOf({ graph: g })).toBe(s1);
    g.addNode("d", { id: "d", name: "Dora", kind: "person" });
    const s2 = snapshotOf(g);
    expect(s2).not.toBe(s1);
    expect(s2.n).toBe(4);
    g.setEdgeAttribute("r3", "strength", 4);
    const s3 = snapshotOf(g);
    expect(s3).not.toBe(s2);
    expect(s3.relWeights[2]).toBe(4);
    g.dropEdge("r1");
    expect(snapshotOf(g).m).toBe(3);
  });

  it("keys on PowerMap.version when present and keeps one snapshot per asOf", () => {
    const g = graphFromDocument(doc);
    const map = { graph: g, version: 1 };
    const a = snapshotOf(map);
    const b = snapshotOf(map, { asOf: "2021" });
    expect(b).not.toBe(a);
    expect(snapshotOf(map, { asOf: "2021" })).toBe(b);
    map.version = 2;
    expect(snapshotOf(map)).not.toBe(a);
  });

  it("centrality sees edits made after a previous call", () => {
    const g = graphFromDocument(doc);
    expect(centrality(g, "indegree")[0]!.id).toBe("b");
    g.addEdgeWithKey("r5", "b", "a", { id: "r5", from: "b", to: "a", kind: "social" });
    g.addEdgeWithKey("r6", "c", "a", { id: "r6", from: "c", to: "a", kind: "social" });
    g.addEdgeWithKey("r7", "b", "a", { id: "r7", from: "b", to: "a", kind: "social" });
    expect(centrality(g, "indegree")[0]!.id).toBe("a");
  });

  it("a prebuilt snapshot is used as is; a different asOf is a usage error", () => {
    const s = snapshotFromDocument(doc, { asOf: "2019" });
    expect(snapshotOf(s)).toBe(s);
    expect(() => centrality(s, "degree", { asOf: "2021" })).toThrow(/asOf/);
  });
});

describe("with a PowerMap", () => {
  it("follows edits and undo of the editing model", () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const s1 = snapshotOf(map);
    expect(snapshotOf(map)).toBe(s1);
    expect(s1.n).toBe(map.graph.order);
    map.addActor({ id: "newcomer", name: "Newcomer", kind: "person" });
    const s2 = snapshotOf(map);
    expect(s2).not.toBe(s1);
    expect(s2.index.has("newcomer")).toBe(true);
    map.undo();
    expect(snapshotOf(map).index.has("newcomer")).toBe(false);
    const top = centrality(map, "betweenness", { direction: "undirected", top: 3 });
    expect(top).toHaveLength(3);
    expect(top[0]!.score).toBeGreaterThan(0);
  });
});
