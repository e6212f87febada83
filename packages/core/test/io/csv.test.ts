import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/io/parse.ts";
import { exportCsv, importCsv } from "../../src/io/formats/csv.ts";
import { parseCsvRecords, sniffDelimiter } from "../../src/io/formats/csv-parse.ts";
import { detectCsvMapping } from "../../src/io/formats/csv-mapping.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";

const fx = (name: string) => readFileSync(new URL(`../fixtures/io/csv/${name}`, import.meta.url), "utf8");
const valid = (doc: PowerMapDocument) => {
  const r = parse(doc);
  expect(r.ok ? [] : r.issues).toEqual([]);
};

describe("parseCsvRecords", () => {
  it("handles quoted delimiters, doubled quotes, quoted newlines, CRLF and a BOM", () => {
    const { records } = parseCsvRecords('\uFEFFa,b\r\n"x, y","say ""hi""\r\nthere"\r\n\r\nlast,', ",");
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"\r\nthere'] },
      { line: 5, cells: ["last", ""] },
    ]);
  });
  it("reports an unterminated quote with its line", () => {
    expect(parseCsvRecords('a\n"open\nstill', ",").unterminatedQuoteAt).toBe(2);
  });
  it("sniffs comma, semicolon, tab and pipe, ignoring delimiters inside quotes", () => {
    expect(sniffDelimiter('"a;b;c",x,y\n')).toBe(",");
    expect(sniffDelimiter("a;b;c\n1,2;3;4")).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter("a|b")).toBe("|");
  });
});

describe("detectCsvMapping", () => {
  it("maps common header names and lets overrides win", () => {
    const header = ["Full name", "Category", "Influence", "Org"];
    expect(detectCsvMapping(header, "actors").mapping).toEqual({ name: 0, kind: 1, power: 2 });
    expect(detectCsvMapping(header, "actors", { name: "Org" }).mapping).toEqual({ name: 3, kind: 1, power: 2 });
  });
  it('reads "Source" as the from column only when no better endpoint column exists', () => {
    expect(detectCsvMapping(["Actor 1", "Actor 2", "Source"], "relationships").mapping).toMatchObject({ from: 0, to: 1, sources: 2 });
    expect(detectCsvMapping(["source", "target", "type"], "relationships").mapping).toEqual({ from: 0, to: 1, kind: 2 });
  });
});

describe("importCsv", () => {
  const result = importCsv({ actors: fx("actors.csv"), relationships: fx("relationships.csv") });
  const doc = result.document;
  const actor = (name: string) => doc.actors.find((a) => a.name === name);

  it("reads the organizer spreadsheet into a valid map", () => {
    valid(doc);
    expect(result.report.imported).toEqual({ actors: 6, relationships: 4 });
  });
  it("maps columns to fields, words to values, and unknown columns to custom", () => {
    expect(actor("Riverton Education Association, Local 12")).toEqual({
      id: "riverton-education-association-local-12",
      name: "Riverton Education Association, Local 12",
      kind: "union",
      roles: ["own"],
      stance: 2,
      power: 3,
      tags: ["labor", "coalition"],
      notes: "Our union.\r\n1,900 members across 31 schools.",
      sources: [{ url: "https://www.rea12.example.org/about" }],
      custom: { Phone: "555-0100" },
    });
    expect(actor("Dana Whitfield")).toMatchObject({ stance: 2, custom: { Ward: "4" } });
    expect(actor("Riverton Unified School Board")?.kind).toBe("government_body");
    expect(actor("Councilmember Ruth Park")?.notes).toBe('Said "no new taxes" at the March hearing');
    expect(actor("Harborview Development Group")).toMatchObject({
      roles: ["bad_actor", "opposition"],
      sources: [{ title: "Ledger story", url: "https://www.rivertonledger.example.com/news/2025/lincoln-site" }],
    });
  });
  it("warns about unknown categories, sets the default and keeps the original", () => {
    expect(actor("Harborview Development Group")).toMatchObject({ kind: "other", custom: { originalKind: "developer" } });
    expect(result.report.warnings).toContainEqual({ record: "actors.csv line 7", field: "kind", reason: expect.stringContaining('"developer"') });
    expect(actor("Keystone Capital Partners")?.kind).toBe("financial_institution");
  });
  it("resolves relationship endpoints by name and parses amounts, currencies and dates", () => {
    const donation = doc.relationships.find((r) => r.kind === "donation");
    expect(donation).toMatchObject({ from: "harborview-development-group", to: "councilmember-ruth-park", amount: 2500, currency: "USD", strength: 4 });
    expect(donation?.notes).toBe("Two checks:\n$1,000 in May and $1,500 in June");
    expect(doc.relationships.find((r) => r.kind === "contract")).toMatchObject({ amount: 1200000, startDate: "2022-07", endDate: "2025-06" });
  });
  it("skips a relationship to an actor not in the sheet, naming the line and field", () => {
    expect(result.report.skipped).toEqual([{ record: "relationships.csv line 7", field: "to", reason: expect.stringContaining('"Mayor Donnelly"') }]);
  });
  it("reads semicolon and tab separated sheets", () => {
    const r = importCsv({ actors: fx("actors-semicolon.csv"), relationships: fx("relationships.tsv") });
    valid(r.document);
    expect(r.document.actors.map((a) => [a.name, a.kind, a.stance, a.power, a.tags])).toEqual([
      ["Ortiz; Maria", "person", 1, 2, ["parents", "volunteers"]],
      ["Eastside Tenants Association", "community_group", 1, 2, ["housing"]],
    ]);
    expect(r.document.relationships).toEqual([{ id: "r2", from: "ortiz-maria", to: "eastside-tenants-association", kind: "membership", strength: 4 }]);
  });
  it("creates actors from an edge list when there is no actors sheet", () => {
    const r = importCsv(fx("edge-list.csv"));
    valid(r.document);
    expect(r.document.actors.map((a) => a.id)).toEqual(["alice-moreno", "board-of-education", "bob-tran"]);
    expect(r.document.relationships.map((x) => [x.from, x.to, x.kind, x.custom?.weight])).toEqual([
      ["alice-moreno", "board-of-education", "endorsement", "3"],
      ["bob-tran", "board-of-education", "donation", "2"],
      ["alice-moreno", "bob-tran", "social", undefined],
    ]);
    expect(r.report.warnings.map((w) => w.reason)).toContain('no actors sheet: 3 actors were created from the names used, with kind "other"');
  });
  it("reports a missing required column instead of reading garbage", () => {
    const r = importCsv({ relationships: fx("missing-column.csv") });
    expect(r.document.relationships).toEqual([]);
    expect(r.report.skipped).toEqual([{ record: "relationships.csv", field: "to", reason: expect.stringMatching(/missing required column "to" \(looked for: to, target, actor2/) }]);
  });
  it("repairs or skips broken rows and keeps hostile text as text", () => {
    const r = importCsv({ actors: fx("actors-broken.csv"), relationships: fx("relationships-broken.csv") });
    valid(r.document);
    const a1 = r.document.actors.find((a) => a.id === "a1");
    expect(a1).toEqual({ id: "a1", name: "<img src=x onerror=alert(1)>", kind: "person", notes: '=HYPERLINK("http://evil.example","click")' });
    expect(r.document.actors.find((a) => a.id === "a3")).toMatchObject({ name: "Robert'); DROP TABLE actors;--", kind: "other", tags: ["tag one", "tag two"] });
    const notes = [...r.report.skipped, ...r.report.changed].map((n) => `${n.record}|${n.field}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        "actors.csv line 2|stance",
        "actors.csv line 2|power",
        "actors.csv line 2|sources.0.url",
        "actors.csv line 3|name",
        "actors.csv line 4|sources.0.url",
        "actors.csv line 5|id",
        "relationships.csv line 2|amount",
        "relationships.csv line 2|startDate",
        "relationships.csv line 2|current",
        "relationships.csv line 3|to",
      ]),
    );
    expect(r.report.changed.some((n) => n.record === "actors.csv line 6" && /never closed/.test(n.reason))).toBe(true);
    expect(r.document.actors.some((a) => a.name === "Never read")).toBe(false);
    const r1 = r.document.relationships.find((x) => x.id === "r1");
    expect(r1).toEqual({ id: "r1", from: "a1", to: "a3", kind: "influence", endDate: "2019", custom: { originalKind: "secret handshake" } });
    expect(r.report.changed).toContainEqual({ record: "relationships.csv line 2", field: "percentage", reason: expect.stringContaining("100") });
    // r3: negative amount dropped by the schema, reversed dates repaired
    expect(r.document.relationships.find((x) => x.id === "r3")).toEqual({ id: "r3", from: "a3", to: "a1", kind: "funding", startDate: "2021", current: true });
  });
});

describe("exportCsv", () => {
  it("round-trips the example map through the two sheets, keeping what CSV carries", () => {
    const doc = schoolBoardExample();
    const files = exportCsv(doc);
    expect(Object.keys(files)).toEqual(["actors.csv", "relationships.csv"]);
    const back = importCsv({ actors: files["actors.csv"], relationships: files["relationships.csv"] });
    valid(back.document);
    expect(back.report.skipped).toEqual([]);
    expect(back.report.warnings).toEqual([]);
    const carried = (s: { url?: string; title?: string }[] | undefined) => s?.map(({ url, title }) => (url && title ? { url, title } : url ? { url } : { title }));
    const custom = (c: Record<string, unknown> | undefined) => (c ? Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)])) : undefined);
    // empty lists cannot be told from absent ones in a cell
    const noEmpty = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
    const strip = (r: Record<string, unknown>) => JSON.parse(JSON.stringify(noEmpty({ ...r, sources: carried(r.sources as never), custom: custom(r.custom as never) })));
    expect(back.document.actors.map(strip)).toEqual(doc.actors.map(strip));
    expect(back.document.relationships.map(strip)).toEqual(doc.relationships.map(strip));
  });
  it("defuses formulas for spreadsheets and restores them on import", () => {
    const doc: PowerMapDocument = {
      format: "powermap",
      version: 1,
      meta: {},
      actors: [
        { id: "x", name: "=cmd|' /C calc'!A0", kind: "person", stance: -2, notes: '@SUM(1+1)\n"quoted", with comma' },
        { id: "y", name: "+plus", kind: "other", tags: ["-minus"] },
      ],
      relationships: [],
    };
    const csv = exportCsv(doc)["actors.csv"] as string;
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    expect(csv).toMatch(/,-2,/);
    const back = importCsv({ actors: csv });
    expect(back.document.actors).toEqual(doc.actors);
  });
});
