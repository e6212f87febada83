import { describe, expect, it } from "vitest";
import { detectOligrapher, exportOligrapher, importOligrapher } from "../../src/io/formats/oligrapher.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";
import { expectValid, fixture, shared } from "./littlesis-helpers.ts";

const REAL = "fixtures/littlesis-oligrapher/";
const get = <T extends { id: string }>(list: T[], id: string): T => {
  const hit = list.find((x) => x.id === id);
  if (!hit) throw new Error(`no ${id}`);
  return hit;
};

describe("importOligrapher on real maps", () => {
  const dev = importOligrapher(shared(REAL + "oligrapher-dev-map.json"));

  it("reads the legacy `display` map from oligrapher's dev page", () => {
    expectValid(dev);
    expect(dev.report.imported).toEqual({ actors: 36, relationships: 97 });
    expect(dev.report.skipped).toEqual([]);
    // Counted independently from the file: 20 numeric node ids, 17 nodes linking to LittleSis person pages.
    expect(dev.document.actors.filter((a) => a.externalIds?.littlesis !== undefined)).toHaveLength(20);
    expect(dev.document.actors.filter((a) => a.kind === "person")).toHaveLength(17);
    expect(dev.document.relationships.filter((r) => r.externalIds?.littlesis !== undefined)).toHaveLength(6);
    const walmart = get(dev.document.actors, "1");
    expect(walmart).toMatchObject({ name: "Walmart", position: { x: -480.1757469244288, y: 525.8558875219683 }, custom: { scale: 2 } });
    expect(walmart.sources?.[0]?.url).toBe("https://littlesis.org/org/1-Walmart");
  });

  it("turns its edges into kinds, amounts and directions", () => {
    const rels = dev.document.relationships;
    const kinds = rels.reduce<Record<string, number>>((m, r) => ({ ...m, [r.kind]: (m[r.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ position: 6, donation: 90, subsidiary: 1 });
    expect(rels.filter((r) => r.kind === "donation").reduce((s, r) => s + (r.amount ?? 0), 0)).toBe(441500);
    expect(get(rels, "8zkt702AD")).toMatchObject({ from: "10", to: "281383", kind: "donation", amount: 113000, currency: "USD", custom: { arrow: "none" } });
    expect(get(rels, "1055")).toMatchObject({ from: "1780", to: "48", kind: "position", title: "CEO", current: false }); // dashed = past
    expect(rels.filter((r) => r.current === false)).toHaveLength(1);
    const parent = rels.find((r) => r.label === "Parent company");
    expect(parent).toMatchObject({ from: "18116", to: "86", kind: "subsidiary" });
  });

  it("keeps captions and annotations (HTML verbatim, as data) in meta, drops data: images with a note", () => {
    const captions = dev.document.meta.captions as { text: string }[];
    expect(captions.map((c) => c.text)).toEqual(["Missouri", "Alabama", "Georgia", "Kentucky", "Mississippi", "Ohio"]);
    const annotations = dev.document.meta.annotations as { header: string; html: string; nodeIds: string[] }[];
    expect(annotations).toHaveLength(5);
    expect(annotations[0]?.html).toContain('<a href="https://popular.info/p/these-six-corporations-are-financing"');
    expect(annotations[2]?.nodeIds).toEqual(["52218", "10", "307050", "1437", "18116", "86", "84"]);
    expect(dev.report.changed.filter((c) => c.field === "image")).toHaveLength(2);
    expect(JSON.stringify(dev.document)).not.toContain("data:image");
  });

  it("reads the current flat format inside {configuration}", () => {
    const r = importOligrapher(shared(REAL + "oligrapher-exxon-config.json"));
    expectValid(r);
    expect(r.document.meta.title).toBe("test map");
    expect(r.document.actors.map((a) => a.name)).toEqual(["ExxonMobil", "Bank of America Corporation", "Rex Tillerson"]);
    expect(get(r.document.actors, "1045").kind).toBe("person");
    expect(r.document.relationships).toEqual([
      expect.objectContaining({ id: "332141", from: "9", to: "2", kind: "ownership", label: "Institutional investor", externalIds: { oligrapher: "332141", littlesis: "332141" } }),
    ]);
  });
});

describe("importOligrapher on written fixtures", () => {
  it("reads arrows, dashes and int ids of the legacy format", () => {
    const r = importOligrapher(fixture("oligrapher/legacy-small.json"));
    expectValid(r);
    expect(get(r.document.actors, "1")).toMatchObject({ name: "Union Local 12", custom: { color: "#f00", scale: 1.5 } });
    expect(get(r.document.actors, "abc")).toMatchObject({ kind: "person", position: { x: -80.5, y: 20.25 }, externalIds: { oligrapher: "abc" } });
    expect(get(r.document.actors, "abc").externalIds?.littlesis).toBeUndefined();
    expect(get(r.document.relationships, "10")).toMatchObject({ from: "2", to: "1", kind: "endorsement", custom: { scale: 2 } }); // "2->1"
    expect(get(r.document.relationships, "10").current).toBeUndefined(); // dash: null
    expect(get(r.document.relationships, "e2")).toMatchObject({ from: "abc", to: "2", kind: "membership", custom: { arrow: "both" } });
    expect(get(r.document.relationships, "e3")).toMatchObject({ kind: "alliance", current: false, custom: { arrow: "none" } });
    expect(r.document.meta.captions).toEqual([{ id: "c1", text: "Downtown", x: 5, y: 6, scale: 1 }]);
    expect(r.document.meta.annotations).toEqual([{ id: "a1", header: "Intro", html: "<p>Hello <b>world</b></p>", nodeIds: ["1", "abc"], edgeIds: [], captionIds: ["c1"] }]);
  });

  it("reads a LittleSis save payload (graph_data and annotations_data as strings)", () => {
    const r = importOligrapher(fixture("oligrapher/littlesis-saved.json"));
    expectValid(r);
    expect(r.document.meta).toMatchObject({ title: "Saved map", description: "A LittleSis save payload" });
    expect(r.document.relationships[0]).toMatchObject({ from: "6", to: "5", kind: "position", title: "Board Member" });
    expect((r.document.meta.annotations as unknown[]).length).toBe(1);
  });

  it("survives hostile and broken records, reporting each", () => {
    const r = importOligrapher(fixture("oligrapher/hostile.json"));
    expectValid(r);
    expect(r.document.actors.map((a) => a.id).sort()).toEqual(["n1", "n2"]);
    const n1 = get(r.document.actors, "n1");
    expect(n1.name).toBe("<img src=x onerror=alert(1)>");
    expect(n1.description).toBe("<script>steal()</script>");
    expect(n1.sources).toBeUndefined();
    expect(n1.custom).toBeUndefined();
    expect(get(r.document.actors, "n2").position).toEqual({ x: 10, y: 20 });
    const skipped = r.report.skipped.map((s) => `${s.record}|${s.field ?? ""}`);
    expect(skipped).toEqual(expect.arrayContaining(['node "__proto__"|id', "node n3|name", "node n4|name", "node n5|", "edge x2|to", "edge x4|from", "caption k2|text"]));
    expect(r.report.changed).toEqual(expect.arrayContaining([
      { record: "node n1", field: "url", reason: expect.any(String) },
      { record: "node n1", field: "image", reason: expect.stringContaining("data: URL") },
      { record: "edge x1", field: "url", reason: expect.any(String) },
      { record: "edge x3", field: "arrow", reason: expect.stringContaining("sideways") },
    ]));
    expect(r.report.warnings).toContainEqual({ record: 'edges labelled "Mystery tie" (1)', field: "label", reason: expect.stringContaining("influence") });
    expect(get(r.document.relationships, "x3").kind).toBe("donation");
    expect(r.document.meta.description).toBe("<i>sub</i>");
    const text = JSON.stringify(r.document);
    expect(text).not.toMatch(/javascript:|vbscript:|data:image/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never throws on unreadable input", () => {
    for (const input of [fixture("oligrapher/truncated.json"), "", "[]", "{}", '{"graph": 3}', '{"graph": {"nodes": []}}']) {
      const r = importOligrapher(input);
      expectValid(r);
      expect(r.document.actors).toHaveLength(0);
    }
    expect(importOligrapher(fixture("oligrapher/truncated.json")).report.skipped[0]?.reason).toMatch(/not valid JSON/);
  });

  it("detects Oligrapher maps only", () => {
    expect(detectOligrapher(shared(REAL + "oligrapher-dev-map.json"))).toBe(true);
    expect(detectOligrapher(shared(REAL + "oligrapher-exxon-config.json"))).toBe(true);
    expect(detectOligrapher(fixture("oligrapher/littlesis-saved.json"))).toBe(true);
    expect(detectOligrapher(fixture("littlesis/entity-72489.json"))).toBe(false);
    expect(detectOligrapher('{"elements": [{"label": "A"}], "connections": []}')).toBe(false);
  });
});

describe("exportOligrapher round trips", () => {
  const doc: PowerMapDocument = {
    format: "powermap",
    version: 1,
    meta: { title: "School board", description: "Who moves the board", captions: [{ id: "c1", text: "North side", x: 1, y: 2, width: 300, height: 200, font: "Arial", size: "12", weight: "400" }] },
    actors: [
      { id: "union-local", name: "Teachers Union Local 418", kind: "union", description: "Our union", roles: ["own"], stance: 2, power: 3, position: { x: 0, y: 0 }, sources: [{ url: "https://example.org/union" }], custom: { color: "#0a0", scale: 2, image: "https://example.org/u.png" } },
      { id: "school-board", name: "School Board", kind: "government_body", position: { x: 200, y: 0 } },
      { id: "board-president", name: "Pat Chair", kind: "person", title: "President", position: { x: 100, y: 100 } },
      { id: "no-position", name: "Acme Charter", kind: "company" },
    ],
    relationships: [
      { id: "r1", from: "board-president", to: "school-board", kind: "position", title: "President" },
      { id: "r2", from: "no-position", to: "board-president", kind: "donation", amount: 2500, currency: "USD", date: "2023-05-01" },
      { id: "r3", from: "union-local", to: "board-president", kind: "endorsement", label: "Endorsed in 2022", current: false, sources: [{ url: "https://example.org/endorse" }], custom: { scale: 3 } },
      { id: "r4", from: "union-local", to: "school-board", kind: "conflict", custom: { arrow: "both" } },
      { id: "r5", from: "school-board", to: "union-local", kind: "contract" },
    ],
  };
  const out = exportOligrapher(doc);
  const back = importOligrapher(out);

  it("writes Oligrapher's current flat format", () => {
    const o = JSON.parse(out) as { graph: { nodes: Record<string, Record<string, unknown>>; edges: Record<string, Record<string, unknown>> } };
    expect(o.graph.nodes["union-local"]).toMatchObject({ id: "union-local", name: "Teachers Union Local 418", x: 0, y: 0, scale: 2, color: "#0a0", url: "https://example.org/union", edgeIds: ["r3", "r4", "r5"] });
    expect(o.graph.edges.r2).toMatchObject({ node1_id: "no-position", node2_id: "board-president", label: "$2,500", arrow: "1->2", dash: false });
    expect(o.graph.edges.r3).toMatchObject({ dash: true, scale: 3, url: "https://example.org/endorse" });
    expect(o.graph.edges.r4?.arrow).toBe("both");
    expect(typeof o.graph.nodes["no-position"]?.x).toBe("number"); // a fallback position
  });

  it("keeps what Oligrapher carries, field by field", () => {
    expectValid(back);
    const d = back.document;
    expect(d.meta.title).toBe("School board");
    expect(d.meta.description).toBe("Who moves the board");
    expect(d.meta.captions).toEqual(doc.meta.captions);
    for (const a of doc.actors) {
      const b = get(d.actors, a.id);
      expect(b.name).toBe(a.name);
      expect(b.description).toBe(a.description);
      if (a.position) expect(b.position).toEqual(a.position);
      expect(b.sources?.[0]?.url).toBe(a.sources?.[0]?.url);
      expect(b.custom).toEqual(a.custom);
    }
    for (const r of doc.relationships) {
      const b = get(d.relationships, r.id);
      expect([b.from, b.to]).toEqual([r.from, r.to]);
      expect(b.kind).toBe(r.kind);
      expect(b.current).toBe(r.current);
      expect(b.sources?.[0]?.url).toBe(r.sources?.[0]?.url);
    }
    expect(get(d.relationships, "r1").title).toBe("President");
    expect(get(d.relationships, "r2")).toMatchObject({ amount: 2500, currency: "USD" });
    expect(get(d.relationships, "r3")).toMatchObject({ label: "Endorsed in 2022", custom: { scale: 3 } });
    expect(get(d.relationships, "r4").custom).toEqual({ arrow: "both" });
    expect(get(d.relationships, "r5").label).toBeUndefined(); // the kind's own label is not kept as a label
  });

  it("is a fixed point on a real map: import → export → import gives the same document", () => {
    const first = importOligrapher(shared(REAL + "oligrapher-dev-map.json")).document;
    const again = importOligrapher(exportOligrapher(first)).document;
    expect(again).toEqual(first);
  });
});
