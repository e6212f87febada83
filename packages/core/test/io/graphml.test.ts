import { readFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/io/parse.ts";
import { exportGraphml, importGraphml } from "../../src/io/formats/graphml.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";
import { hostileDoc } from "../fixtures/io/gexf/hostile-doc.ts";

const fx = (name: string) => readFileSync(new URL(`../fixtures/io/graphml/${name}`, import.meta.url), "utf8");
const valid = (doc: PowerMapDocument) => {
  const r = parse(doc);
  expect(r.ok ? [] : r.issues).toEqual([]);
};
const noEmptyLists = <T extends object>(r: T): T => Object.fromEntries(Object.entries(r).filter(([, v]) => !(Array.isArray(v) && v.length === 0))) as T;

describe("importGraphml", () => {
  it("reads networkx's karate club: undirected, named keys, weights kept, published degrees", () => {
    const { document: doc, report } = importGraphml(fx("karate-networkx.graphml"));
    valid(doc);
    expect(report).toMatchObject({ imported: { actors: 34, relationships: 78 }, skipped: [], changed: [], warnings: [] });
    expect(doc.meta).toEqual({ title: "Zachary's Karate Club", custom: { graphType: "undirected" } });
    expect(doc.actors[33]).toEqual({ id: "33", name: "Member 33", kind: "other", custom: { club: "Officer" } });
    const degree = (id: string) => doc.relationships.filter((r) => r.from === id || r.to === id).length;
    expect([degree("0"), degree("33"), degree("32"), degree("11")]).toEqual([16, 17, 12, 1]);
    // weights other than the default 1 are kept (networkx's karate weights are interaction counts)
    expect(doc.relationships.find((r) => r.from === "0" && r.to === "1")?.custom).toEqual({ weight: 4, undirected: true });
  });
  it("reads yEd: labels and geometry from the graphics keys, edge labels as kinds when they are kinds", () => {
    const { document: doc, report } = importGraphml(fx("yed-org-chart.graphml"));
    valid(doc);
    expect(doc.actors).toEqual([
      { id: "n0", name: "Keystone Capital Partners", kind: "other", description: "Private equity firm; owns the bus contractor.", sources: [{ url: "https://www.keystone.example.com/team" }], position: { x: 412.5, y: -88 } },
      { id: "n1", name: "Metro Bus Services", kind: "other", position: { x: 412.5, y: 40 } },
      { id: "n2", name: "Riverton USD", kind: "other", position: { x: 100, y: 40 } },
    ]);
    expect(doc.relationships).toEqual([
      { id: "e0", from: "n0", to: "n1", kind: "ownership", label: "acquired 2019" },
      { id: "e1", from: "n1", to: "n2", kind: "contract" },
    ]);
    expect(report.skipped).toEqual([]);
  });
  it("applies defaults, warns on undeclared keys and unknown kinds, skips bad nodes and dangling edges", () => {
    const { document: doc, report } = importGraphml(fx("undeclared-and-dangling.graphml"));
    valid(doc);
    expect(doc.actors).toEqual([
      { id: "p1", name: 'Ana "the fixer" Lopez', kind: "other", custom: { originalKind: "lobbyist" } },
      { id: "p2", name: "Board of Supervisors", kind: "government_body", power: 2, custom: { mystery: "42" } },
    ]);
    expect(doc.relationships).toEqual([
      { id: "e0", from: "p1", to: "p2", kind: "lobbying", custom: { weight: 2.5 } },
      { id: "e2", from: "p1", to: "p2", kind: "social", custom: { undirected: true } },
    ]);
    expect(doc.meta.custom).toEqual({ graphType: "mixed" });
    expect(report.changed).toEqual([{ record: 'node 1 (id "p1")', field: "power", reason: expect.stringContaining("1 to 5") }]);
    expect(report.skipped).toEqual([
      { record: "node 3", field: "id", reason: "node has no id" },
      { record: "edge 2", field: "to", reason: expect.stringContaining('"p3"') },
    ]);
    expect(report.warnings.map((w) => `${w.record}|${w.field}`).sort()).toEqual(['node 1 (id "p1")|kind', 'node 2 (id "p2")|mystery']);
  });
  it("answers truncated XML with an empty map and the line of the problem", () => {
    const { document, report } = importGraphml(fx("truncated.graphml"));
    expect(document.actors).toEqual([]);
    expect(report.skipped[0]?.record).toMatch(/^line \d+$/);
  });
});

describe("exportGraphml", () => {
  it("writes well-formed GraphML with one typed key per field", () => {
    const xml = exportGraphml(schoolBoardExample());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<key id="d\d+" for="node" attr.name="stance" attr.type="int"\/>/);
    expect(xml).toMatch(/<key id="d\d+" for="edge" attr.name="weight" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="d\d+" for="node" attr.name="label" attr.type="string"\/>/);
  });
  it("round-trips the example map: every field and the meta come back", () => {
    const doc = schoolBoardExample();
    const back = importGraphml(exportGraphml(doc));
    valid(back.document);
    expect(back.report).toMatchObject({ skipped: [], changed: [], warnings: [] });
    expect(back.document.actors).toEqual(doc.actors.map(noEmptyLists));
    expect(back.document.relationships).toEqual(doc.relationships);
    expect(back.document.meta).toEqual(doc.meta);
  });
  it("keeps hostile strings as text", () => {
    const doc = hostileDoc();
    const xml = exportGraphml(doc);
    expect(XMLValidator.validate(xml)).toBe(true);
    const back = importGraphml(xml);
    valid(back.document);
    expect(back.document.actors).toEqual(doc.actors);
    expect(back.document.relationships).toEqual(doc.relationships);
  });
  it("round-trips an undirected graph", () => {
    const { document } = importGraphml(fx("karate-networkx.graphml"));
    const xml = exportGraphml(document);
    expect(xml).toContain('edgedefault="undirected"');
    expect(importGraphml(xml).document).toEqual(document);
  });
});
