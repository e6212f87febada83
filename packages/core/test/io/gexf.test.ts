import { readFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/io/parse.ts";
import { exportGexf, importGexf } from "../../src/io/formats/gexf.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";
import { hostileDoc } from "../fixtures/io/gexf/hostile-doc.ts";

const fx = (name: string) => readFileSync(new URL(`../fixtures/io/gexf/${name}`, import.meta.url), "utf8");
const valid = (doc: PowerMapDocument) => {
  const r = parse(doc);
  expect(r.ok ? [] : r.issues).toEqual([]);
};
const noEmptyLists = <T extends object>(r: T): T => Object.fromEntries(Object.entries(r).filter(([, v]) => !(Array.isArray(v) && v.length === 0))) as T;

describe("importGexf", () => {
  it("reads a Gephi 1.3 file: attribute columns by id and title, viz positions, edge kinds, defaults", () => {
    const { document: doc, report } = importGexf(fx("gephi-campaign.gexf"));
    valid(doc);
    expect(doc.meta).toEqual({ title: "Riverton housing fight", description: "Exported from the research team's Gephi workspace", updated: "2024-10-01", custom: { graphType: "mixed" } });
    expect(doc.actors).toEqual([
      { id: "union", name: "Tenants Union Local 418", kind: "union", stance: 2, tags: ["housing", "labor"], sources: [{ url: "https://tenants418.example.org/about" }], custom: { "Modularity Class": 0 }, position: { x: -120.5, y: 44.25 } },
      { id: "sb-okafor", name: "Marcus Okafor", kind: "person", stance: -1, custom: { "Modularity Class": 1 }, position: { x: 80, y: -15.75 } },
      { id: "harbor", name: "Harborview Development & Co.", kind: "other", stance: 0, custom: { "Modularity Class": 1, originalKind: "real estate developer" }, position: { x: 200, y: 10 } },
      { id: "council", name: "City Council", kind: "government_body", stance: 0 },
    ]);
    expect(doc.relationships).toEqual([
      { id: "0", from: "union", to: "sb-okafor", kind: "endorsement", label: "endorsed in 2022", startDate: "2022-03-01" },
      { id: "1", from: "harbor", to: "sb-okafor", kind: "donation", custom: { weight: 5 } },
      { id: "2", from: "harbor", to: "sb-okafor", kind: "lobbying" },
      { id: "3", from: "union", to: "council", kind: "social", custom: { originalKind: "coalition partner", undirected: true } },
    ]);
    expect(report.skipped).toEqual([{ record: 'edge 5 (id "4")', field: "to", reason: expect.stringContaining("ghost-node") }]);
    expect(report.changed).toEqual([{ record: 'node 3 (id "harbor")', field: "sources.0.url", reason: expect.stringContaining("javascript:") }]);
    expect(report.warnings.map((w) => w.field)).toEqual(["kind", "kind"]);
  });
  it("reads networkx's undirected GEXF 1.2 (Zachary's karate club) with the published degrees", () => {
    const { document: doc } = importGexf(fx("karate-networkx.gexf"));
    valid(doc);
    expect(doc.actors).toHaveLength(34);
    expect(doc.relationships).toHaveLength(78);
    expect(doc.meta).toMatchObject({ title: "Zachary's Karate Club", custom: { graphType: "undirected" } });
    const degree = (id: string) => doc.relationships.filter((r) => r.from === id || r.to === id).length;
    expect([degree("0"), degree("33"), degree("32"), degree("11")]).toEqual([16, 17, 12, 1]);
    expect(doc.actors[0]).toEqual({ id: "0", name: "Member 0", kind: "other", custom: { club: "Mr. Hi" } });
    expect(doc.relationships.every((r) => r.kind === "social" && r.custom?.undirected === true)).toBe(true);
  });
  it("reads networkx's directed multigraph with typed columns and viz positions", () => {
    const { document: doc } = importGexf(fx("directed-networkx.gexf"));
    valid(doc);
    expect(doc.actors[0]).toEqual({ id: "union", name: "Local 418", kind: "union", stance: 2, power: 3, position: { x: -10.5, y: 20 } });
    expect(doc.relationships.map((r) => [r.kind, r.strength, r.amount, r.currency, r.label])).toEqual([
      ["lobbying", 4, undefined, undefined, "testifies at"],
      ["donation", undefined, 25000, "USD", undefined],
      ["lobbying", undefined, undefined, undefined, undefined],
    ]);
  });
  it("answers truncated XML with an empty map and the line of the problem", () => {
    const { document, report } = importGexf(fx("truncated.gexf"));
    expect(document.actors).toEqual([]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]?.record).toMatch(/^line \d+$/);
  });
  it("refuses entity declarations (billion laughs)", () => {
    const { document, report } = importGexf(fx("entity-bomb.gexf"));
    expect(document.actors).toEqual([]);
    expect(report.skipped[0]?.reason).toMatch(/ENTITY/);
  });
  it("says so when the XML is not GEXF", () => {
    expect(importGexf("<graphml><graph/></graphml>").report.skipped[0]?.reason).toMatch(/not a GEXF file/);
  });
});

describe("exportGexf", () => {
  it("writes well-formed GEXF 1.3 with declared attribute columns", () => {
    const xml = exportGexf(schoolBoardExample());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    for (const col of ["kind", "roles", "stance", "power", "tags", "sources"]) expect(xml).toMatch(new RegExp(`<attribute id="${col}" title="${col}" type="\\w+"/>`));
    expect(xml).toContain('<attribute id="stance" title="stance" type="integer"/>');
  });
  it("round-trips the example map: every actor and relationship field comes back", () => {
    const doc = schoolBoardExample();
    const back = importGexf(exportGexf(doc));
    valid(back.document);
    expect(back.report).toMatchObject({ skipped: [], changed: [], warnings: [] });
    expect(back.document.actors).toEqual(doc.actors.map(noEmptyLists));
    expect(back.document.relationships).toEqual(doc.relationships);
    expect(back.document.meta).toEqual({ title: doc.meta.title, description: doc.meta.description, updated: doc.meta.updated });
  });
  it("keeps hostile strings as text (only XML-illegal control characters are removed)", () => {
    const doc = hostileDoc();
    doc.actors[0]!.title = "bell\u0007 and nul\u0000";
    const xml = exportGexf(doc);
    expect(XMLValidator.validate(xml)).toBe(true);
    const back = importGexf(xml);
    valid(back.document);
    const expected = hostileDoc();
    expected.actors[0]!.title = "bell and nul";
    expect(back.document.actors).toEqual(expected.actors);
    expect(back.document.relationships).toEqual(expected.relationships);
    expect(back.document.meta.title).toBe(expected.meta.title);
  });
  it("writes undirected relationships as undirected edges", () => {
    const { document } = importGexf(fx("karate-networkx.gexf"));
    const xml = exportGexf(document);
    expect(xml).toContain('defaultedgetype="undirected"');
    const back = importGexf(xml).document;
    expect(back.relationships).toEqual(document.relationships);
    expect(back.meta.custom).toEqual(document.meta.custom);
  });
});
