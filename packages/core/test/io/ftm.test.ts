import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFtm, exportFtm, importFtm, importFtmStream } from "../../src/io/formats/ftm.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";
import { expectValid, fixture, shared } from "./littlesis-helpers.ts";

const get = <T extends { id: string }>(list: T[], id: string): T => {
  const hit = list.find((x) => x.id === id);
  if (!hit) throw new Error(`no ${id}`);
  return hit;
};
const countBy = <T>(list: T[], key: (x: T) => string): Record<string, number> =>
  list.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});
const DONATIONS = "ftm-fixtures/nomenklatura-donations.ijson";
const ZALA = "ftm-fixtures/yente-zala-entities.ftm.json";

describe("importFtm on real OpenSanctions / nomenklatura files", () => {
  it("reads German party donations: 95 actors, 290 payments in EUR", () => {
    const r = importFtm(shared(DONATIONS));
    expectValid(r);
    expect(r.report.imported).toEqual({ actors: 95, relationships: 290 });
    expect(countBy(r.document.actors, (a) => a.kind)).toEqual({ other: 17, person: 22, company: 56 });
    const rels = r.document.relationships;
    expect(rels.every((x) => x.kind === "donation" && x.currency === "EUR")).toBe(true);
    // Sum of amountEur computed independently (Python Decimal) from the file.
    expect(rels.reduce((s, x) => s + (x.amount ?? 0), 0)).toBeCloseTo(40589689.15, 2);
    expect(get(rels, "2216b422a31242fe204654ce194864661f515921")).toMatchObject({
      from: "f9c295f21b233ac878fbac4d271bb6fd13d7952a", to: "6d03aec76fdeec8f9697d8b19954ab6fc2568bc8", amount: 100000, date: "2011-12-29",
    });
    expect(r.report.skipped).toEqual([]);
    expect(r.report.warnings).toContainEqual({ record: "89 Address entities", field: "schema", reason: expect.stringContaining("not imported") });
  });

  it("reads an OpenSanctions cluster with envelope fields", () => {
    const r = importFtm(shared(ZALA));
    expectValid(r);
    expect(r.report.imported).toEqual({ actors: 17, relationships: 21 });
    expect(countBy(r.document.relationships, (x) => x.kind)).toEqual({ ownership: 14, family: 4, position: 3 });
    expect(r.document.relationships.filter((x) => x.percentage !== undefined).map((x) => x.percentage).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 48, 49, 50, 51, 75, 100, 100, 100]);
    expect(get(r.document.relationships, "ofac-d8ecdd62dca8ba39b832a77c170926630683ea05")).toMatchObject({
      from: "NK-aU5ybkbRFJucf8YMwsJvDw", to: "NK-abdzbEBkqyT29GyREbiURZ", kind: "position", title: "Leader or official of",
    });
    const maria = get(r.document.actors, "NK-2Tbri3s6GgNtAwsSXh4qpL");
    expect(maria).toMatchObject({ name: "OSETROVA, Maria Aleksandrovna", kind: "person", externalIds: { ftm: "NK-2Tbri3s6GgNtAwsSXh4qpL", opensanctions: "NK-2Tbri3s6GgNtAwsSXh4qpL" } });
    expect(maria.tags).toEqual(["debarment", "corp.disqual", "sanction", "sanctions target"]);
    expect(maria.custom?.birthDate).toBe("1988-01-07");
    expect(maria.sources?.map((s) => s.url)).toHaveLength(2);
  });

  it("reads the small t1 dataset without edges", () => {
    const r = importFtm(shared("ftm-fixtures/yente-t1-entities.ftm.json"));
    expectValid(r);
    expect(r.report.imported).toEqual({ actors: 6, relationships: 0 });
  });
});

describe("importFtm on written fixtures", () => {
  const r = importFtm(fixture("ftm/mixed.jsonl"));
  const actor = (id: string) => get(r.document.actors, id);
  const rel = (id: string) => get(r.document.relationships, id);

  it("maps the five actor schemata", () => {
    expectValid(r);
    expect(r.report.imported).toEqual({ actors: 10, relationships: 12 });
    expect(["p-alice", "co-parent", "co-sub", "pb-board", "org-union", "le-x"].map((id) => actor(id).kind)).toEqual([
      "person", "company", "financial_institution", "government_body", "union", "other",
    ]);
    expect(actor("p-alice")).toMatchObject({
      name: "Alice Chair", aliases: ["A. Chair", "Ally"], title: "Board president", tags: ["role.pep"],
      sources: [{ url: "https://example.org/alice" }], custom: { country: "us", birthDate: "1970-05" }, externalIds: { ftm: "p-alice", wikidata: "Q123" },
    });
    expect(actor("co-parent").custom).toEqual({ jurisdiction: "us", website: "https://parent.example" });
  });

  it("maps the nine edge schemata with their properties (edges before entities resolved)", () => {
    expect(rel("own-1")).toMatchObject({ from: "co-parent", to: "co-sub", kind: "ownership", percentage: 60, startDate: "2019-03-01", label: "majority shareholder" });
    expect(rel("dir-1")).toMatchObject({ from: "p-alice", to: "pb-board", kind: "position", title: "President", startDate: "2021", endDate: "2024-06-30" });
    expect(rel("mem-1")).toMatchObject({ kind: "membership", title: "Shop steward" });
    expect(rel("emp-1")).toMatchObject({ from: "p-bob", to: "co-sub", kind: "employment", title: "Teacher" });
    expect(rel("fam-1")).toMatchObject({ kind: "family", label: "spouse" });
    expect(rel("assoc-1")).toMatchObject({ from: "p-alice", to: "p-bob", kind: "professional", label: "business partner" });
    expect(rel("pay-1")).toMatchObject({ from: "co-parent", to: "p-alice", kind: "donation", amount: 2500.5, currency: "USD", date: "2022-10-01" });
    expect(rel("pay-2")).toMatchObject({ kind: "contract", amount: 1000000, currency: "EUR", startDate: "2020-01-01" });
    expect(rel("rep-1")).toMatchObject({ from: "le-x", to: "co-parent", kind: "contract", label: "lobbyist" });
    expect(rel("ul-1")).toMatchObject({ kind: "conflict", label: "Opposes the budget" });
    expect([rel("own-multi-1"), rel("own-multi-2")].map((x) => [x.from, x.to])).toEqual([["p-alice", "co-sub"], ["p-bob", "co-sub"]]);
  });

  it("reports broken lines, dangling and non-actor ends, wrong types", () => {
    const skipped = r.report.skipped.map((s) => `${s.record}|${s.field ?? ""}`);
    expect(skipped.sort()).toEqual([
      "line 21 (id \"own-dangling\")|from",
      "line 23 (id \"ul-addr\")|to",
      "line 26|id",
      "line 27 (id \"no-schema\")|schema",
      "line 28 (id \"p-noname\")|name",
      "line 30 (id \"p-bad-props\")|properties",
      "line 31 (id \"dir-nodirector\")|director",
      "line 6|",
    ]);
    expect(r.report.skipped.find((s) => s.record === "line 6")?.reason).toMatch(/not valid JSON/);
    expect(r.report.skipped.find((s) => s.record.includes("ul-addr"))?.reason).toContain("is a Address");
    expect(actor("p-scalar")).toMatchObject({ name: "Scalar Name", custom: { birthDate: "1970" } });
    const changed = r.report.changed.map((s) => `${s.record}|${s.field ?? ""}`);
    expect(changed).toEqual(expect.arrayContaining([
      'line 2 (id "p-alice")|sourceUrl', 'line 20 (id "own-multi")|percentage', 'line 29 (id "p-scalar")|properties.name',
      'line 29 (id "p-scalar")|properties.birthDate', 'line 32 (id "p-proto")|__proto__',
    ]));
    expect(r.report.warnings).toEqual(expect.arrayContaining([
      { record: "1 Vessel entity", field: "schema", reason: expect.any(String) },
      { record: "1 entity", field: "favouriteColour", reason: "property Person.favouriteColour not imported" },
      { record: "1 entity", field: "relative", reason: "property Associate.relative not imported" },
    ]));
  });

  it("keeps hostile text as data and never pollutes prototypes", () => {
    expect(actor("p-hostile")).toMatchObject({ name: "<img src=x onerror=alert(1)>", notes: "<script>alert(1)</script>" });
    expect(JSON.stringify(r.document)).not.toContain("javascript:");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(actor("p-proto").name).toBe("Proto Person");
  });

  it("reads a JSON array and never throws on junk", () => {
    const a = importFtm(fixture("ftm/array.json"));
    expectValid(a);
    expect(a.document.relationships[0]).toMatchObject({ from: "a", to: "b", kind: "membership" });
    for (const input of [fixture("ftm/truncated.json"), "", "{}", "[1,2]", "not json at all\nstill not"]) {
      const x = importFtm(input);
      expectValid(x);
      expect(x.document.actors).toHaveLength(0);
      expect(x.report.skipped.length).toBeGreaterThan(0);
    }
  });

  it("detects FtM JSON, JSON Lines and arrays only", () => {
    expect(detectFtm(shared(DONATIONS))).toBe(true);
    expect(detectFtm(fixture("ftm/array.json"))).toBe(true);
    expect(detectFtm(fixture("kumu/blueprint.json"))).toBe(false);
    expect(detectFtm(fixture("littlesis/entity-72489.json"))).toBe(false);
  });
});

describe("importFtmStream", () => {
  it("gives the same document as importFtm when reading a file line by line", async () => {
    const path = fileURLToPath(new URL("../fixtures/real/" + DONATIONS, import.meta.url));
    const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
    const streamed = await importFtmStream(lines);
    expectValid(streamed);
    expect(streamed.document).toEqual(importFtm(shared(DONATIONS)).document);
  });

  it("resolves edges that come before their entities (file reversed)", async () => {
    const reversed = shared(ZALA).trim().split("\n").reverse();
    const r = await importFtmStream((async function* () { yield* reversed; })());
    expectValid(r);
    expect(r.report.imported).toEqual({ actors: 17, relationships: 21 });
  });

  it("splits multi-line chunks and reports bad lines by number", async () => {
    const r = await importFtmStream(['{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{"id":"b","schema":"Person"\n', '{"id":"f","schema":"Family","properties":{"person":["a"],"relative":["zz"]}}']);
    expect(r.report.imported).toEqual({ actors: 1, relationships: 0 });
    expect(r.report.skipped.map((s) => s.record)).toEqual(["line 2", 'line 3 (id "f")']);
  });
});

describe("exportFtm round trip", () => {
  const doc: PowerMapDocument = {
    format: "powermap",
    version: 1,
    meta: {},
    actors: [
      { id: "alice", name: "Alice", kind: "person", aliases: ["Al"], title: "President", description: "Board chair", notes: "n", tags: ["pep"], sources: [{ url: "https://example.org/a" }], externalIds: { wikidata: "Q5" }, custom: { country: "us", birthDate: "1970" } },
      { id: "bob", name: "Bob", kind: "person" },
      { id: "board", name: "School Board", kind: "government_body" },
      { id: "union", name: "Local 418", kind: "union", custom: { website: "https://union.example" } },
      { id: "acme", name: "Acme", kind: "company" },
      { id: "fund", name: "Big Fund", kind: "financial_institution" },
      { id: "church", name: "First Church", kind: "faith_group" },
      { id: "misc", name: "Misc", kind: "other" },
    ],
    relationships: [
      { id: "r-pos", from: "alice", to: "board", kind: "position", title: "President", startDate: "2021", endDate: "2024-06" },
      { id: "r-emp", from: "bob", to: "acme", kind: "employment", title: "Teacher" },
      { id: "r-mem", from: "bob", to: "union", kind: "membership", title: "Steward" },
      { id: "r-own", from: "fund", to: "acme", kind: "ownership", percentage: 12.5, label: "shareholder" },
      { id: "r-fam", from: "alice", to: "bob", kind: "family", label: "spouse" },
      { id: "r-soc", from: "alice", to: "bob", kind: "social" },
      { id: "r-don", from: "acme", to: "alice", kind: "donation", amount: 500, currency: "USD", date: "2022-03-04", notes: "Form 460", sources: [{ url: "https://example.org/460" }] },
      { id: "r-fun", from: "fund", to: "church", kind: "funding", amount: 10000, currency: "EUR" },
      { id: "r-con", from: "board", to: "acme", kind: "contract", amount: 1, currency: "USD" },
      { id: "r-lob", from: "union", to: "board", kind: "lobbying" },
      { id: "r-end", from: "union", to: "alice", kind: "endorsement", label: "Endorsed in 2022" },
      { id: "r-sub", from: "acme", to: "misc", kind: "subsidiary" },
      { id: "r-inf", from: "church", to: "board", kind: "influence" },
    ],
  };
  const out = exportFtm(doc);
  const back = importFtm(out);

  it("writes one entity per line with FtM schemata and array values", () => {
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(lines).toHaveLength(21);
    expect(Object.fromEntries(lines.map((l) => [l.id, l.schema]))).toMatchObject({
      alice: "Person", board: "PublicBody", union: "Organization", acme: "Company", fund: "Company", misc: "LegalEntity",
      "r-pos": "Directorship", "r-emp": "Employment", "r-mem": "Membership", "r-own": "Ownership", "r-fam": "Family", "r-soc": "Associate",
      "r-don": "Payment", "r-lob": "UnknownLink", "r-sub": "UnknownLink",
    });
    for (const l of lines) for (const v of Object.values(l.properties)) expect(v.every((x) => typeof x === "string")).toBe(true);
    expect(get(lines, "r-own").properties).toMatchObject({ owner: ["fund"], asset: ["acme"], percentage: ["12.5"] });
  });

  it("keeps what FtM carries, field by field", () => {
    expectValid(back);
    for (const a of doc.actors) {
      const b = get(back.document.actors, a.id);
      expect(b.name).toBe(a.name);
      expect(b.kind).toBe(a.kind); // via schema, or `classification` for the kinds FtM lacks
      expect(b.externalIds).toEqual({ ftm: a.id, ...a.externalIds });
    }
    const alice = get(back.document.actors, "alice");
    expect(alice).toMatchObject({ aliases: ["Al"], title: "President", description: "Board chair", notes: "n", tags: ["pep"], sources: [{ url: "https://example.org/a" }], custom: { country: "us", birthDate: "1970" } });
    expect(get(back.document.actors, "union").custom).toEqual({ website: "https://union.example" });
    for (const r of doc.relationships) {
      const b = get(back.document.relationships, r.id);
      const { externalIds: _e, label: _l, ...want } = r;
      const { externalIds: _e2, label: _l2, ...got } = b;
      expect(got).toEqual(want);
    }
    expect(get(back.document.relationships, "r-own").label).toBe("shareholder");
    expect(get(back.document.relationships, "r-fam").label).toBe("spouse");
  });
});
