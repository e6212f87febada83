import { describe, expect, it } from "vitest";
import { detectKumu, exportKumu, importKumu } from "../../src/io/formats/kumu.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";
import { expectValid, fixture } from "./littlesis-helpers.ts";

const get = <T extends { id: string }>(list: T[], id: string): T => {
  const hit = list.find((x) => x.id === id);
  if (!hit) throw new Error(`no ${id}`);
  return hit;
};

describe("importKumu: blueprint", () => {
  const r = importKumu(fixture("kumu/blueprint.json"));
  const actor = (id: string) => get(r.document.actors, id);
  const rel = (id: string) => get(r.document.relationships, id);

  it("is valid and counts what it kept", () => {
    expectValid(r);
    expect(r.report.imported).toEqual({ actors: 8, relationships: 7 });
  });

  it("maps element types and fields", () => {
    expect(actor("maria-lopez")).toMatchObject({
      name: "Maria Lopez", kind: "person", description: "Board president since 2021", tags: ["board", "swing vote"],
      stance: -1, power: 5, roles: ["target", "power_broker"], title: "President",
      custom: { "Favorite Dessert": "flan" }, externalIds: { wikidata: "Q42" },
    });
    expect(actor("springfield-school-board")).toMatchObject({ kind: "government_body", sources: [{ url: "https://example.org/board" }, { title: "Minutes of 2023-04-01" }] });
    expect(actor("teachers-local-418")).toMatchObject({ kind: "union", roles: ["own"], custom: { image: "https://example.org/logo.png" } });
    expect(actor("acme-1")).toMatchObject({ name: "Acme", kind: "company", externalIds: { kumu: "acme-1" } });
    expect(actor("acme-2").description).toBe("A different Acme");
    expect(actor("parents-united")).toMatchObject({ kind: "other", custom: { size: 3, "kumu type": "Alien Mothership" } });
    expect(r.report.warnings).toContainEqual({ record: 'element 5 ("Parents United")', field: "type", reason: expect.stringContaining("Alien Mothership") });
  });

  it("resolves connections by id, label and case-insensitive label", () => {
    expect(rel("kumu-connection-1")).toMatchObject({ from: "teachers-local-418", to: "maria-lopez", kind: "endorsement", strength: 4, startDate: "2022-09", tags: ["2022", "election"] });
    expect(rel("c-don")).toMatchObject({ from: "acme-1", to: "maria-lopez", kind: "donation", amount: 1500, currency: "USD", date: "2021-10-02", notes: "Reported on form 460", externalIds: { kumu: "c-don" } });
    expect(rel("kumu-connection-3")).toMatchObject({ from: "maria-lopez", to: "springfield-school-board", kind: "position", title: "President", isBoard: true });
    expect(rel("kumu-connection-4")).toMatchObject({ kind: "influence", custom: { direction: "mutual", "kumu type": "likes" } });
    expect(rel("kumu-connection-5")).toMatchObject({ kind: "alliance", custom: { direction: "undirected" } });
    expect(r.report.warnings).toContainEqual({ record: "connection 3", field: "type", reason: expect.stringContaining('"likes"') });
  });

  it("reports duplicates, dangling ends, wrong types and hostile values", () => {
    const skipped = r.report.skipped.map((s) => `${s.record}|${s.field ?? ""}`);
    expect(skipped).toEqual(expect.arrayContaining(['element 7 ("Maria Lopez")|label', "element 8|label", "element 10|", "connection 5|to"]));
    expect(rel("kumu-connection-7").amount).toBeUndefined();
    expect(rel("kumu-connection-8").percentage).toBeUndefined();
    const changed = r.report.changed.map((s) => `${s.record}|${s.field ?? ""}`);
    expect(changed).toEqual(expect.arrayContaining([
      'element 1 ("Springfield School Board")|sources', "element 6 (\"<img src=x onerror=alert(1)>\")|image", 'element 6 ("<img src=x onerror=alert(1)>")|nested',
      'element 9 ("Proto")|__proto__', "connection 6|amount", "connection 6|direction", "connection 7|percentage",
    ]));
    const hostile = r.document.actors.find((a) => a.name === "<img src=x onerror=alert(1)>");
    expect(hostile?.kind).toBe("other");
    expect(hostile?.custom).toBeUndefined();
    expect(JSON.stringify(r.document)).not.toContain("javascript:");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(actor("proto").custom).toBeUndefined();
  });
});

describe("importKumu: project export and broken input", () => {
  it("reads _id/attributes items and reversed connections", () => {
    const r = importKumu(fixture("kumu/project-export.json"));
    expectValid(r);
    expect(r.document.meta.title).toBe("Coalition map");
    expect(get(r.document.actors, "elem-aaa")).toMatchObject({ name: "City Council", kind: "government_body", tags: ["city"] });
    expect(r.document.relationships[0]).toMatchObject({ id: "conn-111", from: "elem-bbb", to: "elem-aaa", kind: "membership" });
  });

  it("never throws on unreadable input", () => {
    for (const input of [fixture("kumu/truncated.json"), "", "[]", '{"elements": 5}', '{"elements": [], "connections": [{"from": "a", "to": "b"}]}']) {
      const r = importKumu(input);
      expectValid(r);
      expect(r.document.actors).toHaveLength(0);
      expect(r.report.skipped.length).toBeGreaterThan(0);
    }
  });

  it("detects Kumu JSON only", () => {
    expect(detectKumu(fixture("kumu/blueprint.json"))).toBe(true);
    expect(detectKumu(fixture("kumu/project-export.json"))).toBe(true);
    expect(detectKumu(fixture("oligrapher/legacy-small.json"))).toBe(false);
    expect(detectKumu('{"nodes": {}}')).toBe(false);
  });
});

describe("exportKumu round trip", () => {
  const doc: PowerMapDocument = {
    format: "powermap",
    version: 1,
    meta: { title: "t" },
    actors: [
      {
        id: "union-local", name: "Teachers Union Local 418", kind: "union", roles: ["own", "ally"], stance: 2, power: 3, powerSources: ["membership", "votes"],
        selfInterest: "Smaller classes", aliases: ["Local 418"], title: "Union", description: "Our union", tags: ["labor"], notes: "Meets Tuesdays",
        externalIds: { littlesis: "42", wikidata: "Q1" }, custom: { members: 1200, founded: "1968", active: true }, sources: [{ url: "https://example.org/u" }, { title: "Annual report" }],
      },
      { id: "school-board", name: "School Board", kind: "government_body", stance: -1, power: 5, roles: ["target"] },
      { id: "p", name: "Pat", kind: "person" },
    ],
    relationships: [
      { id: "r1", from: "union-local", to: "p", kind: "endorsement", label: "Endorsed 2022", strength: 4, date: "2022-09", tags: ["election"], notes: "Door knocking", sources: [{ url: "https://example.org/e" }] },
      { id: "r2", from: "p", to: "school-board", kind: "position", title: "President", isBoard: true, isExecutive: false, startDate: "2021", endDate: "2024-06", current: false },
      { id: "r3", from: "union-local", to: "school-board", kind: "donation", amount: 2500.5, currency: "EUR" },
      { id: "r4", from: "p", to: "union-local", kind: "ownership", percentage: 12.5, custom: { direction: "mutual" }, externalIds: { littlesis: "7" } },
    ],
  };
  const back = importKumu(exportKumu(doc));

  it("keeps every actor and relationship field Kumu can carry", () => {
    expectValid(back);
    for (const a of doc.actors) {
      const b = get(back.document.actors, a.id);
      expect({ ...b, externalIds: undefined }).toEqual({ ...a, externalIds: undefined });
      expect(b.externalIds).toEqual({ ...a.externalIds, kumu: a.id });
    }
    for (const r of doc.relationships) {
      const b = get(back.document.relationships, r.id);
      expect({ ...b, externalIds: undefined }).toEqual({ ...r, externalIds: undefined });
      expect(b.externalIds).toEqual({ ...r.externalIds, kumu: r.id });
    }
  });

  it("does not carry positions or meta (Kumu keeps those in maps and projects)", () => {
    const d: PowerMapDocument = { ...doc, actors: [{ id: "x", name: "X", kind: "media", position: { x: 1, y: 2 } }], relationships: [] };
    const b = importKumu(exportKumu(d)).document;
    expect(b.actors[0]).toMatchObject({ id: "x", kind: "media" });
    expect(b.actors[0]?.position).toBeUndefined();
    expect(b.meta.title).toBeUndefined();
  });
});
