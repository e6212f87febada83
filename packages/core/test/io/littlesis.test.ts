import { describe, expect, it } from "vitest";
import { detectLittleSis, importLittleSis } from "../../src/io/formats/littlesis.ts";
import { expectValid, fixture, shared } from "./littlesis-helpers.ts";

const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const hit = list.find((x) => x.id === id);
  if (!hit) throw new Error(`no ${id}`);
  return hit;
};

describe("importLittleSis", () => {
  it("reads a single entity response (API docs example)", () => {
    const r = importLittleSis(fixture("littlesis/entity-72489.json"));
    expectValid(r);
    expect(r.document.actors).toHaveLength(1);
    const a = r.document.actors[0];
    expect(a).toMatchObject({
      id: "littlesis-72489",
      name: "Robert Mercer",
      kind: "person",
      description: "Renaissance Tech billionaire, Club for Growth backer",
      notes: "Robert Mercer is co-CEO of Renaissance Technologies LLC, a hedge fund.",
      aliases: ["Robert Leroy Mercer"],
      tags: ["Business Person"],
      externalIds: { littlesis: "72489" },
    });
    expect(a?.sources?.[0]?.url).toBe("https://littlesis.org/entities/72489-Robert_Mercer");
    expect(r.report.skipped).toEqual([]);
    expect(r.document.meta.sources?.[0]?.title).toContain("CC BY-SA 4.0");
  });

  it("reads a relationship with its included entities, keeping entity1 → entity2", () => {
    const r = importLittleSis(fixture("littlesis/relationship-297069.json"));
    expectValid(r);
    expect(r.document.actors.map((a) => a.id).sort()).toEqual(["littlesis-28778", "littlesis-72489"]);
    const rnc = byId(r.document.actors, "littlesis-28778");
    expect(rnc.kind).toBe("political_committee");
    expect(rnc.aliases).toEqual(["RNC"]);
    expect(rnc.custom).toEqual({ website: "https://gop.com/", startDate: "1856" }); // "1856-00-00" → a year
    const rel = r.document.relationships[0];
    expect(rel).toMatchObject({
      id: "littlesis-rel-297069",
      from: "littlesis-72489",
      to: "littlesis-28778",
      kind: "donation",
      amount: 500,
      currency: "USD",
      date: "2011-08-15",
      current: false,
      label: "Campaign Contribution",
      externalIds: { littlesis: "297069" },
      custom: { filings: 1 },
    });
    expect(rel?.startDate).toBeUndefined();
    expect(rel?.sources?.[0]?.url).toBe("https://littlesis.org/relationships/297069");
  });

  it("reads a connections list (extensions and connected_* fields)", () => {
    const r = importLittleSis(fixture("littlesis/connections-72489.json"));
    expectValid(r);
    expect(r.document.actors).toHaveLength(1);
    expect(r.document.actors[0]?.kind).toBe("political_committee");
    expect(r.report.warnings).toEqual([]);
  });

  describe("a batch with every category and broken records", () => {
    const r = importLittleSis(fixture("littlesis/batch.json"));
    const rel = (n: number) => byId(r.document.relationships, `littlesis-rel-${n}`);
    const kindOf = (n: number) => byId(r.document.actors, `littlesis-${n}`).kind;

    it("is valid and counts what it kept", () => {
      expectValid(r);
      expect(r.report.imported).toEqual({ actors: 13, relationships: 15 });
    });

    it("maps entity types to kinds by precedence", () => {
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(kindOf)).toEqual([
        "person", "government_body", "union", "company", "company", "school", "political_committee",
        "person", "person", "media", "nonprofit", "other",
      ]);
      expect(byId(r.document.actors, "littlesis-3").tags).toEqual(["Membership Organization", "Labor Union"]);
      expect(r.report.warnings).toContainEqual({ record: "entity 12", field: "types", reason: expect.stringContaining('"Secret Society"') });
    });

    it("maps the 12 categories with their fields", () => {
      expect([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112].map((n) => rel(n).kind)).toEqual([
        "position", "education", "membership", "family", "donation", "contract", "lobbying", "social", "professional", "ownership", "subsidiary", "influence",
      ]);
      expect(rel(101)).toMatchObject({ from: "littlesis-1", to: "littlesis-2", title: "President", isBoard: true, isExecutive: false, startDate: "2019-01", current: true });
      expect(rel(102)).toMatchObject({ startDate: "1990", endDate: "1994", current: false });
      expect(rel(103).current).toBeUndefined(); // is_current null = unknown
      expect(rel(104)).toMatchObject({ label: "Wife", custom: { description2: "Husband", isNonbiological: false } });
      expect(rel(105)).toMatchObject({ amount: 25000, currency: "USD", date: "2020-03-15" });
      expect(rel(106)).toMatchObject({ amount: 1200000, startDate: "2021-07-01", endDate: "2023-06-30", custom: { goods: "Charter school management", description2: "Client" } });
      expect(rel(110).percentage).toBe(51);
      // Hierarchy: LittleSis stores child → parent; subsidiary runs parent → child.
      expect(rel(111)).toMatchObject({ from: "littlesis-4", to: "littlesis-5" });
    });

    it("reports unknown categories, dangling ends, bad values and missing ids", () => {
      expect(rel(113).kind).toBe("influence");
      expect(r.report.warnings).toContainEqual({ record: "relationship 113", field: "category_id", reason: expect.stringContaining("99") });
      expect(r.report.skipped).toContainEqual({ record: "relationship 114", field: "to", reason: expect.stringContaining("littlesis-9999") });
      expect(r.report.skipped).toContainEqual({ record: "relationship 117", field: "from", reason: expect.any(String) });
      expect(rel(115).amount).toBeUndefined();
      expect(rel(115).startDate).toBeUndefined();
      expect(r.report.changed).toContainEqual({ record: "relationship 115", field: "amount", reason: expect.stringContaining("-5") });
      expect(r.report.changed).toContainEqual({ record: "relationship 115", field: "start_date", reason: expect.stringContaining("2021-13-40") });
      expect(rel(116)).toMatchObject({ startDate: "2020-05-01" });
      expect(rel(116).endDate).toBeUndefined();
      expect(r.report.changed).toContainEqual({ record: "relationship 116", field: "endDate", reason: expect.stringContaining("before") });
      expect(r.report.warnings).toContainEqual({ record: "[2].data[0] (type \"lists\")", field: "type", reason: expect.any(String) });
    });

    it("keeps hostile text verbatim as data and drops javascript: URLs", () => {
      const a = byId(r.document.actors, "littlesis-13");
      expect(a.name).toBe("<img src=x onerror=alert(1)>");
      expect(a.description).toBe("<script>alert('x')</script>");
      expect(a.custom?.website).toBeUndefined();
      expect(a.sources).toBeUndefined();
      expect(r.report.changed).toContainEqual({ record: "entity 13", field: "website", reason: expect.stringContaining("http") });
      expect(r.report.changed).toContainEqual({ record: "entity 13", field: "links.self", reason: expect.stringContaining("http") });
      expect(JSON.stringify(r.document)).not.toContain("javascript:");
    });
  });

  it("never throws: truncated JSON, error responses, wrong shapes", () => {
    for (const input of [fixture("littlesis/truncated.json"), fixture("littlesis/error-404.json"), "", "null", "42", '"x"', "[1, 2]", '{"data": 5}']) {
      const r = importLittleSis(input);
      expectValid(r);
      expect(r.document.actors).toHaveLength(0);
      expect(r.report.skipped.length).toBeGreaterThan(0);
    }
    expect(importLittleSis(fixture("littlesis/truncated.json")).report.skipped[0]?.reason).toMatch(/not valid JSON/);
  });

  it("ignores __proto__ keys without polluting prototypes", () => {
    const r = importLittleSis(fixture("littlesis/proto.json"));
    expectValid(r);
    expect(r.document.actors[0]).toMatchObject({ id: "littlesis-7", name: "Proto Org", kind: "other" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(r.document.actors[0])).toBe(Object.prototype);
  });

  it("detects LittleSis API JSON and rejects other formats", () => {
    expect(detectLittleSis(fixture("littlesis/entity-72489.json"))).toBe(true);
    expect(detectLittleSis(JSON.parse(fixture("littlesis/batch.json")))).toBe(true);
    expect(detectLittleSis(shared("fixtures/littlesis-oligrapher/oligrapher-exxon-config.json"))).toBe(false);
    expect(detectLittleSis(shared("fixtures/littlesis-oligrapher/littlesis-swamped.json"))).toBe(false);
    expect(detectLittleSis("{oops")).toBe(false);
  });
});
