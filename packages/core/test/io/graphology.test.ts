import { readFileSync } from "node:fs";
import { MultiGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/io/parse.ts";
import { exportGraphology, importGraphology } from "../../src/io/formats/graphology.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";

const fx = (name: string) => readFileSync(new URL(`../fixtures/io/graphology/${name}`, import.meta.url), "utf8");
const valid = (doc: PowerMapDocument) => {
  const r = parse(doc);
  expect(r.ok ? [] : r.issues).toEqual([]);
};

describe("importGraphology", () => {
  it("reads an undirected graphology export: one social relationship per edge, marked undirected", () => {
    const { document: doc, report } = importGraphology(fx("undirected-friendships.json"));
    valid(doc);
    expect(report.imported).toEqual({ actors: 5, relationships: 5 });
    expect(doc.meta).toEqual({ title: "Coalition friendship ties", custom: { graphType: "undirected" } });
    expect(doc.actors[0]).toEqual({ id: "maria", name: "Maria Ortiz", kind: "other", position: { x: 100, y: 0 }, custom: { club: "parents", size: 5, color: "#1f77b4" } });
    expect(doc.relationships.every((r) => r.custom?.undirected === true)).toBe(true);
    expect(doc.relationships.map((r) => [r.from, r.to, r.kind, r.custom?.weight])).toEqual([
      ["maria", "keisha", "social", 2],
      ["maria", "james", "social", undefined],
      ["dana", "tom", "social", 3],
      ["dana", "keisha", "alliance", undefined],
      ["james", "dana", "social", undefined],
    ]);
  });
  it("reads a mixed multigraph with our own attribute names and foreign ones", () => {
    const { document: doc, report } = importGraphology(fx("mixed-campaign.json"));
    valid(doc);
    expect(doc.meta.custom).toEqual({ graphType: "mixed" });
    expect(doc.actors.find((a) => a.id === "school-board")).toEqual({
      id: "school-board", name: "Riverton Unified School Board", kind: "government_body", roles: ["target"], stance: 0, power: 5, externalIds: { wikidata: "Q99900001" },
    });
    expect(doc.actors.find((a) => a.id === "harborview")?.custom).toEqual({ ward: 3, lead: "J. Kim", originalKind: "developer" });
    expect(doc.actors.find((a) => a.id === "board-president")).toMatchObject({ kind: "person", title: "President, school board", stance: -1 });
    expect(doc.relationships.map((r) => [r.id, r.kind, r.custom?.undirected])).toEqual([
      ["r1", "position", undefined],
      ["geid_142_0", "donation", undefined],
      ["geid_142_1", "lobbying", undefined],
      ["r4", "conflict", true],
    ]);
    expect(report.warnings).toEqual([{ record: 'nodes[2] (key "harborview")', field: "kind", reason: expect.stringContaining('"developer"') }]);
  });
  it("answers truncated JSON with an empty map and the parser's reason", () => {
    const { document, report } = importGraphology(fx("truncated.json"));
    expect(document.actors).toEqual([]);
    expect(report.skipped).toEqual([{ record: "file", reason: expect.stringMatching(/^not valid JSON/) }]);
  });
  it("repairs wrong types, drops bad URLs and dangling edges, and keeps hostile text as text", () => {
    const { document: doc, report } = importGraphology(fx("wrong-types.json"));
    valid(doc);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(doc.actors.map((a) => a.id)).toEqual(["a", "b", "42"]);
    expect(doc.actors[0]).toEqual({ id: "a", name: "<script>alert('x')</script>", kind: "person", power: 5, tags: ["ok", "3"], sources: [{ title: "bad link" }] });
    expect(doc.actors[1]).toEqual({ id: "b", name: "b", kind: "other", custom: { originalKind: "alien" } });
    expect(doc.relationships).toEqual([
      { id: "e1", from: "a", to: "b", kind: "influence", custom: { originalKind: "bribery" } },
      { id: "e3", from: "42", to: "a", kind: "ownership" },
    ]);
    const where = [...report.skipped, ...report.changed].map((n) => `${n.record}|${n.field ?? ""}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'nodes[0] (key "a")|stance',
        'nodes[0] (key "a")|roles',
        'nodes[0] (key "a")|sources.0.url',
        'nodes[0] (key "a")|sources.1.url',
        "nodes[1]|key",
        "nodes[2]|key",
        "nodes[4] (key 42)|position",
        'nodes[0] (key "a")|tags',
        'edges[0] (key "e1")|strength',
        'edges[0] (key "e1")|startDate',
        'edges[1] (key "e2")|to',
        "edges[2]|target",
        'edges[3] (key "e3")|percentage',
      ]),
    );
  });
  it("never throws on non-graph input", () => {
    for (const input of ["", "null", "[]", '{"nodes": 3}', "42"]) expect(importGraphology(input).document.actors).toEqual([]);
  });
});

describe("exportGraphology", () => {
  it("produces data graphology itself loads, with every field as an attribute", () => {
    const doc = schoolBoardExample();
    const data = exportGraphology(doc);
    const g = MultiGraph.from(data as never);
    expect(g.order).toBe(doc.actors.length);
    expect(g.size).toBe(doc.relationships.length);
    expect(g.type).toBe("directed");
    const a = doc.actors[0]!;
    const { id: _id, position, ...rest } = a;
    expect(g.getNodeAttributes(a.id)).toEqual({ ...rest, x: position?.x, y: position?.y });
    const r = doc.relationships[0]!;
    expect(g.source(r.id)).toBe(r.from);
    expect(g.target(r.id)).toBe(r.to);
  });
  it("round-trips the example map exactly", () => {
    const doc = schoolBoardExample();
    const back = importGraphology(JSON.stringify(exportGraphology(doc)));
    valid(back.document);
    expect(back.report).toMatchObject({ skipped: [], changed: [], warnings: [] });
    expect(back.document.actors).toEqual(doc.actors);
    expect(back.document.relationships).toEqual(doc.relationships);
    expect(back.document.meta).toEqual(doc.meta);
  });
  it("writes undirected relationships back as an undirected graph graphology accepts", () => {
    const { document } = importGraphology(fx("undirected-friendships.json"));
    const data = exportGraphology(document);
    expect(data.options.type).toBe("undirected");
    const g = UndirectedGraph.from({ ...data, options: { ...data.options, multi: false } } as never);
    expect(g.size).toBe(5);
    expect(g.hasEdge("keisha", "maria")).toBe(true);
    expect(importGraphology(JSON.stringify(data)).document).toEqual(document);
  });
});
