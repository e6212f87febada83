import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { parse } from "../../src/io/parse.ts";
import { serialize } from "../../src/io/serialize.ts";
import { detectFormat, FORMAT_IDS } from "../../src/io/formats/detect.ts";
import { exportData, FORMATS, importData } from "../../src/io/formats/index.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";

const io = (p: string) => readFileSync(new URL(`../fixtures/io/${p}`, import.meta.url), "utf8");
const shared = (p: string) => readFileSync(new URL(`../fixtures/real/${p}`, import.meta.url), "utf8");

describe("FORMATS", () => {
  it("lists every format id once, with what it can do", () => {
    expect(FORMATS.map((f) => f.id)).toEqual([...FORMAT_IDS]);
    expect(FORMATS.filter((f) => !f.canImport).map((f) => f.id)).toEqual(["neo4j"]);
    expect(FORMATS.filter((f) => !f.canExport).map((f) => f.id)).toEqual(["littlesis"]);
  });
});

describe("detectFormat", () => {
  it("goes by the extension when it names a format", () => {
    const cases: [string, string][] = [
      ["map.gexf", "gexf"], ["MAP.GraphML", "graphml"], ["actors.csv", "csv"], ["sheet.tsv", "csv"], ["entities.jsonl", "ftm"],
      ["donations.ijson", "ftm"], ["zala.ftm.json", "ftm"], ["x.powermap.json", "powermap"], ["dump.cypher", "neo4j"],
    ];
    for (const [name, id] of cases) expect([name, detectFormat("", name)]).toEqual([name, id]);
  });
  it("looks at the content when the extension is ambiguous or missing", () => {
    const cases: [string, string][] = [
      [io("gexf/gephi-campaign.gexf"), "gexf"],
      [io("gexf/karate-networkx.gexf"), "gexf"],
      [io("graphml/yed-org-chart.graphml"), "graphml"],
      [io("graphml/karate-networkx.graphml"), "graphml"],
      [io("graphology/mixed-campaign.json"), "graphology"],
      [io("graphology/undirected-friendships.json"), "graphology"],
      [io("csv/actors.csv"), "csv"],
      [io("csv/actors-semicolon.csv"), "csv"],
      [io("csv/relationships.tsv"), "csv"],
      [serialize(schoolBoardExample()), "powermap"],
      [shared("fixtures/littlesis-oligrapher/oligrapher-dev-map.json"), "oligrapher"],
      [shared("ftm-fixtures/yente-zala-entities.ftm.json"), "ftm"],
      [shared("ftm-fixtures/nomenklatura-donations.ijson"), "ftm"],
      [io("kumu/blueprint.json"), "kumu"],
      [(exportData(schoolBoardExample(), "neo4j") as Record<string, string>)["map.cypher"] as string, "neo4j"],
    ];
    for (const [text, id] of cases) expect([text.slice(0, 40), detectFormat(text)]).toEqual([text.slice(0, 40), id]);
    // ".json" and ".xml" do not decide: the content does
    for (const [text, id] of cases.filter(([, f]) => f !== "csv" && f !== "neo4j")) {
      expect([text.slice(0, 40), detectFormat(text, "upload.json"), detectFormat(text, "upload.xml")]).toEqual([text.slice(0, 40), id, id]);
    }
  });
  it("returns undefined when it cannot tell", () => {
    expect(detectFormat("just some words")).toBeUndefined();
    expect(detectFormat('{"hello": "world"}')).toBeUndefined();
    expect(detectFormat("<html><body/></html>")).toBeUndefined();
    // a list of LittleSis-scraped rows is not LittleSis API JSON (and not anything else we read)
    expect(detectFormat(shared("fixtures/littlesis-oligrapher/littlesis-swamped.json"))).toBeUndefined();
  });
});

describe("importData", () => {
  it("detects and imports each of our formats", () => {
    expect(importData(io("gexf/gephi-campaign.gexf")).report.format).toBe("gexf");
    expect(importData(io("graphml/yed-org-chart.graphml"), { filename: "org.graphml" }).report.imported).toEqual({ actors: 3, relationships: 2 });
    expect(importData(io("graphology/mixed-campaign.json")).report.format).toBe("graphology");
  });
  it("reads CSV sheets given as files, telling them apart by name or header", () => {
    const byName = importData({ "Actors.csv": io("csv/actors.csv"), "Relationships.csv": io("csv/relationships.csv") });
    expect(byName.report.imported).toEqual({ actors: 6, relationships: 4 });
    expect(byName.report.skipped[0]?.record).toBe("Relationships.csv line 7");
    const byHeader = importData({ "sheet1.csv": io("csv/relationships.csv"), "sheet2.csv": io("csv/actors.csv") });
    expect(byHeader.report.imported).toEqual({ actors: 6, relationships: 4 });
  });
  it("applies a header mapping override", () => {
    const csv = "Org,Sector,Notes\nHarborview,company,x\n";
    const r = importData(csv, { format: "csv", csv: { actors: { name: "Org", kind: "Sector" } } });
    expect(r.document.actors).toEqual([{ id: "harborview", name: "Harborview", kind: "company", notes: "x" }]);
  });
  it("imports our own format through parse, and repairs a file with bad records", () => {
    const doc = schoolBoardExample();
    expect(importData(serialize(doc)).document).toEqual(parse(doc).ok ? (parse(doc) as { document: unknown }).document : null);
    const broken = structuredClone(doc) as unknown as { actors: Record<string, unknown>[]; relationships: Record<string, unknown>[] };
    broken.actors[1]!.stance = 9;
    broken.actors[2]!.name = "";
    const r = importData(JSON.stringify(broken));
    expect(parse(r.document).ok).toBe(true);
    expect(r.report.changed).toContainEqual({ record: 'actors[1] (id "union-president")', field: "stance", reason: expect.any(String) });
    expect(r.report.skipped).toContainEqual({ record: 'actors[2] (id "member-teacher")', field: "name", reason: expect.any(String) });
    expect(r.document.actors).toHaveLength(doc.actors.length - 1);
    expect(r.document.relationships.some((x) => x.from === "member-teacher" || x.to === "member-teacher")).toBe(false);
  });
  it("gives an empty map and a reason for unreadable input, and throws only for misuse", () => {
    const r = importData("??? not data", { filename: "notes.txt" });
    expect(r.document.actors).toEqual([]);
    expect(r.report.skipped[0]?.reason).toMatch(/could not tell the format/);
    expect(() => importData("x", { format: "neo4j" })).toThrow(UsageError);
    expect(() => importData("x", { format: "nope" as never })).toThrow(/unknown format "nope"/);
    expect(() => exportData(schoolBoardExample(), "littlesis")).toThrow(/import-only/);
  });
});

describe("exportData round trips", () => {
  const doc = schoolBoardExample();
  const noEmpty = <T extends object>(r: T): T => Object.fromEntries(Object.entries(r).filter(([, v]) => !(Array.isArray(v) && v.length === 0))) as T;
  it.each(["powermap", "graphology", "gexf", "graphml"] as const)("%s keeps every actor and relationship field", (format) => {
    const out = exportData(doc, format);
    expect(typeof out).toBe("string");
    const back = importData(out as string);
    expect(back.report.format).toBe(format);
    expect(parse(back.document).ok).toBe(true);
    const lists = format === "gexf" || format === "graphml" ? noEmpty : <T,>(x: T) => x;
    expect(back.document.actors).toEqual(doc.actors.map(lists));
    expect(back.document.relationships).toEqual(doc.relationships);
  });
  it("csv comes back as two files that import to the same actors and relationships (ids, kinds, endpoints)", () => {
    const files = exportData(doc, "csv") as Record<string, string>;
    const back = importData(files);
    expect(back.document.actors.map((a) => [a.id, a.kind, a.name])).toEqual(doc.actors.map((a) => [a.id, a.kind, a.name]));
    expect(back.document.relationships.map((r) => [r.id, r.from, r.to, r.kind])).toEqual(doc.relationships.map((r) => [r.id, r.from, r.to, r.kind]));
  });
  it.each(["oligrapher", "kumu", "ftm"] as const)("%s output is detected and read back by the registry", (format) => {
    const out = exportData(doc, format) as string;
    expect(detectFormat(out)).toBe(format);
    const back = importData(out);
    expect(back.report.format).toBe(format);
    expect(back.document.actors.length).toBeGreaterThan(0);
  });
});

describe("importData on cut-off input", () => {
  const files: [string, "csv" | "gexf" | "graphml" | "graphology"][] = [
    ["csv/actors.csv", "csv"],
    ["csv/relationships.csv", "csv"],
    ["gexf/gephi-campaign.gexf", "gexf"],
    ["graphml/yed-org-chart.graphml", "graphml"],
    ["graphology/mixed-campaign.json", "graphology"],
  ];
  it.each(files)("%s: every prefix imports without throwing into a valid map", (file, format) => {
    const text = io(file);
    for (let k = 0; k <= text.length; k += Math.max(1, Math.floor(text.length / 60))) {
      const { document } = importData(text.slice(0, k), { format });
      const r = parse(document);
      expect([k, r.ok]).toEqual([k, true]);
    }
  });
});
