import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/errors.ts";
import { MAX_DEPTH, migrate, parse, serialize, type Migration } from "../../src/io/index.ts";

const TODAY = "2026-06-01";

/** A small valid document; each case below breaks one thing in a copy of it. */
function base(): Record<string, unknown> & { actors: Record<string, unknown>[]; relationships: Record<string, unknown>[]; meta: Record<string, unknown> } {
  return {
    format: "powermap",
    version: 1,
    meta: { title: "t" },
    actors: [
      { id: "a0", name: "Ann", kind: "person" },
      { id: "a1", name: "Board", kind: "government_body" },
      { id: "a2", name: "Bank", kind: "financial_institution" },
      { id: "a3", name: "Union", kind: "union" },
    ],
    relationships: [
      { id: "r0", from: "a0", to: "a1", kind: "position" },
      { id: "r1", from: "a2", to: "a0", kind: "donation", amount: 10, currency: "USD" },
    ],
  };
}

interface Case {
  name: string;
  edit: (d: ReturnType<typeof base>) => void;
  code: string;
  collection?: "actors" | "relationships" | "meta";
  index?: number;
  id?: string;
  field?: string;
  /** Words the message must contain. */
  says?: string[];
  severity?: "error" | "warning";
}

const CASES: Case[] = [
  { name: "stance out of range", edit: (d) => (d.actors[3]!.stance = 7), code: "out_of_range", collection: "actors", index: 3, id: "a3", field: "stance", says: ['actors[3] (id "a3"): field "stance": expected an integer from -2 to 2, got 7'] },
  { name: "power not an integer", edit: (d) => (d.actors[1]!.power = 2.5), code: "invalid_type", collection: "actors", index: 1, id: "a1", field: "power", says: ["an integer from 1 to 5", "got 2.5"] },
  { name: "strength too high", edit: (d) => (d.relationships[0]!.strength = 9), code: "out_of_range", collection: "relationships", index: 0, id: "r0", field: "strength", says: ["from 1 to 5", "got 9"] },
  { name: "percentage above 100", edit: (d) => Object.assign(d.relationships[0]!, { kind: "ownership", percentage: 140 }), code: "out_of_range", collection: "relationships", index: 0, id: "r0", field: "percentage", says: ["a number from 0 to 100", "got 140"] },
  { name: "negative amount", edit: (d) => (d.relationships[1]!.amount = -3), code: "out_of_range", collection: "relationships", index: 1, id: "r1", field: "amount", says: ["at least 0", "got -3"] },
  { name: "unknown actor kind", edit: (d) => (d.actors[2]!.kind = "wizard"), code: "invalid_value", collection: "actors", index: 2, id: "a2", field: "kind", says: ['"person"', 'got "wizard"'] },
  { name: "unknown role", edit: (d) => (d.actors[0]!.roles = ["ally", "king"]), code: "invalid_value", collection: "actors", index: 0, id: "a0", field: "roles.1", says: ['got "king"'] },
  { name: "unknown relationship kind", edit: (d) => (d.relationships[1]!.kind = "bribe"), code: "invalid_value", collection: "relationships", index: 1, id: "r1", field: "kind", says: ['got "bribe"'] },
  { name: "wrong type", edit: (d) => (d.actors[1]!.name = 42), code: "invalid_type", collection: "actors", index: 1, id: "a1", field: "name", says: ["expected a string, got 42"] },
  { name: "missing required field", edit: (d) => delete d.actors[2]!.kind, code: "missing_field", collection: "actors", index: 2, id: "a2", field: "kind", says: ["required field is missing"] },
  { name: "empty name", edit: (d) => (d.actors[0]!.name = "   "), code: "invalid_length", collection: "actors", index: 0, id: "a0", field: "name", says: ["name must not be empty"] },
  { name: "javascript: url", edit: (d) => (d.actors[3]!.sources = [{ url: "javascript:alert(1)" }]), code: "invalid_value", collection: "actors", index: 3, id: "a3", field: "sources.0.url", says: ["http", 'got "javascript:alert(1)"'] },
  { name: "source without url or title", edit: (d) => (d.relationships[0]!.sources = [{ quote: "x" }]), code: "invalid_value", collection: "relationships", index: 0, id: "r0", field: "sources.0.url", says: ["a source needs a url or a title"] },
  { name: "bad date format", edit: (d) => (d.relationships[0]!.startDate = "2020-13"), code: "invalid_format", collection: "relationships", index: 0, id: "r0", field: "startDate", says: ["YYYY-MM-DD", 'got "2020-13"'] },
  { name: "impossible calendar date", edit: (d) => (d.relationships[0]!.endDate = "2021-02-30"), code: "invalid_value", collection: "relationships", index: 0, id: "r0", field: "endDate", says: ["not a real calendar date"] },
  { name: "bad currency", edit: (d) => (d.relationships[1]!.currency = "usd"), code: "invalid_format", collection: "relationships", index: 1, id: "r1", field: "currency", says: ["ISO 4217"] },
  { name: "custom field holding a list", edit: (d) => (d.actors[0]!.custom = { ok: 1, bad: [1] }), code: "invalid_type", collection: "actors", index: 0, id: "a0", field: "custom.bad", says: ["a string, a number, true or false or null"] },
  { name: "position not numeric", edit: (d) => (d.actors[0]!.position = { x: "1", y: 2 }), code: "invalid_type", collection: "actors", index: 0, id: "a0", field: "position.x" },
  { name: "meta field wrong", edit: (d) => (d.meta.title = 5), code: "invalid_type", collection: "meta", index: 0, field: "title", says: ['meta: field "title"'] },
  { name: "duplicate actor id", edit: (d) => (d.actors[2]!.id = "a0"), code: "duplicate_id", collection: "actors", index: 2, id: "a0", field: "id", says: ['duplicate id "a0"', 'actors[0] (id "a0")'] },
  { name: "duplicate relationship id", edit: (d) => (d.relationships[1]!.id = "r0"), code: "duplicate_id", collection: "relationships", index: 1, id: "r0", field: "id" },
  { name: "dangling from", edit: (d) => (d.relationships[1]!.from = "ghost"), code: "dangling_reference", collection: "relationships", index: 1, id: "r1", field: "from", says: ['unknown actor "ghost"'] },
  { name: "dangling to", edit: (d) => (d.relationships[0]!.to = "nobody"), code: "dangling_reference", collection: "relationships", index: 0, id: "r0", field: "to" },
  { name: "start after end", edit: (d) => Object.assign(d.relationships[0]!, { startDate: "2021-03", endDate: "2020" }), code: "date_order", collection: "relationships", index: 0, id: "r0", field: "endDate", says: ["ends (2020) before it starts (2021-03)"] },
  { name: "current but ended", edit: (d) => Object.assign(d.relationships[0]!, { endDate: "2024-01", current: true }), code: "ended_but_current", collection: "relationships", index: 0, id: "r0", field: "current", severity: "warning" },
  { name: "current but not started", edit: (d) => Object.assign(d.relationships[0]!, { startDate: "2030", current: true }), code: "not_started_but_current", collection: "relationships", index: 0, id: "r0", field: "current", severity: "warning" },
  { name: "field of another kind", edit: (d) => (d.relationships[0]!.amount = 5), code: "field_not_for_kind", collection: "relationships", index: 0, id: "r0", field: "amount", severity: "warning" },
  { name: "self loop", edit: (d) => (d.relationships[0]!.to = "a0"), code: "self_loop", collection: "relationships", index: 0, id: "r0", field: "to", severity: "warning" },
  { name: "__proto__ key in custom", edit: (d) => (d.actors[1]!.custom = JSON.parse('{"__proto__": {"polluted": true}, "ok": "yes"}')), code: "forbidden_key", collection: "actors", index: 1, id: "a1", field: "custom.__proto__", severity: "warning" },
  { name: "actor that is not an object", edit: (d) => (d.actors[2] = 17 as never), code: "invalid_type", collection: "actors", index: 2, says: ["actors[2]: expected an object, got 17"] },
  { name: "actors not a list", edit: (d) => (d.actors = { a: 1 } as never), code: "invalid_type", field: "actors", says: ['document: field "actors": expected a list, got an object'] },
];

describe("parse: each kind of bad input names record and field", () => {
  it.each(CASES)("$name", (c) => {
    const doc = base();
    c.edit(doc);
    const r = parse(JSON.stringify(doc), { today: TODAY });
    const all: Issue[] = r.ok ? r.warnings : r.issues;
    const hit = all.find((i) => i.code === c.code);
    expect(hit, JSON.stringify(all, null, 1)).toBeDefined();
    const issue = hit as Issue;
    expect(issue.severity).toBe(c.severity ?? "error");
    expect(r.ok).toBe(c.severity === "warning");
    if (c.collection) {
      expect(issue.record?.collection).toBe(c.collection);
      expect(issue.record?.index).toBe(c.index);
      expect(issue.record?.id).toBe(c.id);
      const label = c.collection === "meta" ? "meta" : c.id ? `${c.collection}[${c.index}] (id "${c.id}")` : `${c.collection}[${c.index}]`;
      expect(issue.message.startsWith(label)).toBe(true);
    } else expect(issue.record).toBeUndefined();
    expect(issue.field).toBe(c.field);
    if (c.field) expect(issue.message).toContain(`field "${c.field}"`);
    const expectedPath = c.collection === "meta" ? ["meta", ...(c.field?.split(".") ?? [])] : c.collection ? [c.collection, c.index, ...(c.field?.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)) ?? [])] : (c.field?.split(".") ?? []);
    expect(issue.path).toEqual(expectedPath);
    for (const words of c.says ?? []) expect(issue.message).toContain(words);
  });

  it("the valid base document parses without issues", () => {
    const r = parse(base(), { today: TODAY });
    expect(r).toMatchObject({ ok: true, warnings: [] });
  });

  it("collects every issue instead of stopping at the first, sorted by record", () => {
    const doc = base();
    doc.actors[3]!.stance = 9;
    doc.actors[0]!.kind = "x";
    doc.relationships[1]!.from = "ghost";
    doc.relationships[0]!.strength = 0;
    doc.actors[1]!.id = "a0";
    const r = parse(doc, { today: TODAY });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.record?.collection, i.record?.index, i.field])).toEqual([
      ["actors", 0, "kind"],
      ["actors", 1, "id"],
      ["actors", 3, "stance"],
      ["relationships", 0, "strength"],
      ["relationships", 0, "to"], // "a1" was renamed, so r0 now dangles
      ["relationships", 1, "from"],
    ]);
  });

  it("keeps unknown extra fields at every level", () => {
    const doc = base();
    doc.extraTop = { nested: [1, { deep: true }] };
    doc.meta.organizer = "Local 12";
    doc.actors[0]!.favouriteColour = "green";
    doc.relationships[0]!.meetingNotes = ["a", "b"];
    doc.actors[1]!.sources = [{ url: "https://x.example", archive: "https://web.archive.example/x" }];
    const r = parse(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document).toEqual(doc);
  });
});

describe("parse: malformed and hostile input", () => {
  it.each([
    ['{"format": "powermap",\n  "version": }', 2, 14, "expected a value"],
    ['{"a": 1,\n\n   "b" 2}', 3, 8, "expected ':'"],
    ['{"a": [1, 2', 1, 12, "unexpected end of input"],
    ["{'a': 1}", 1, 2, "double quotes"],
    ['{"a": "line\nbreak"}', 1, 12, "control character"],
    ['{"a": 1} x', 1, 10, "after the end"],
  ])("malformed JSON %j is located at line %i, column %i", (text, line, column, why) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.code).toBe("invalid_json");
    expect(r.issues[0]!.message).toContain(`line ${line}, column ${column}`);
    expect(r.issues[0]!.message).toContain(why);
  });

  it.each([
    ["an array", "[1, 2]", "a list of 2 items"],
    ["a number", "42", "got 42"],
    ["null", "null", "got null"],
    ["a string value", '"hello"', 'got "hello"'],
  ])("a top-level %s gets a clear issue", (_, text, got) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toMatchObject([{ code: "not_an_object", path: [] }]);
    if (!r.ok) expect(r.issues[0]!.message).toContain(got);
  });

  it("rejects values that are not JSON (cycles, BigInt) without throwing", () => {
    const cyclic: Record<string, unknown> = { ...base() };
    cyclic.self = cyclic;
    for (const v of [cyclic, { ...base(), n: 10n }, undefined, () => 1]) {
      const r = parse(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.code).toBe("not_json");
    }
  });

  it("refuses data nested too deeply with an issue, not a stack overflow", () => {
    const depth = 100_000;
    const text = JSON.stringify(base()).replace(/}$/, `,"deep":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "too_deep", path: ["deep"] });
    // The limit leaves ample room: MAX_DEPTH - 2 levels inside an unknown field are fine.
    const ok = JSON.stringify(base()).replace(/}$/, `,"deep":${"[".repeat(MAX_DEPTH - 2)}${"]".repeat(MAX_DEPTH - 2)}}`);
    expect(parse(ok).ok).toBe(true);
  });

  it("__proto__ keys never change prototypes and are dropped with a warning", () => {
    const text = JSON.stringify(base())
      .replace('"name":"Ann"', '"name":"Ann","__proto__":{"isAdmin":true}')
      .replace('"meta":{', '"meta":{"__proto__":{"polluted":1},')
      .replace('"currency":"USD"', '"currency":"USD","externalIds":{"__proto__":"x","littlesis":"1"}');
    const r = parse(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const actor = r.document.actors[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(actor)).toBe(Object.prototype);
    expect(actor.isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.document.relationships[1]!.externalIds).toEqual({ littlesis: "1" });
    expect(r.warnings.map((w) => w.path)).toEqual([
      ["meta", "__proto__"],
      ["actors", 0, "__proto__"],
      ["relationships", 1, "externalIds", "__proto__"],
    ]);
  });

  it("keeps markup in text as plain data", () => {
    const doc = base();
    doc.actors[0]!.name = "<script>alert(1)</script>";
    doc.actors[0]!.notes = "<img src=x onerror=alert(1)>";
    doc.actors[0]!.custom = { constructor: "c", prototype: "p", toString: "s" };
    const r = parse(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (r.ok) expect(parse(serialize(r.document))).toEqual(r);
    if (r.ok) expect(r.document.actors[0]!.custom).toEqual({ constructor: "c", prototype: "p", toString: "s" });
  });

  it("does not share objects with a value passed in", () => {
    const doc = base();
    const r = parse(doc);
    if (!r.ok) throw new Error("expected ok");
    doc.actors[0]!.name = "Changed";
    expect(r.document.actors[0]!.name).toBe("Ann");
  });

  it("accepts a byte-order mark", () => {
    expect(parse("\uFEFF" + JSON.stringify(base())).ok).toBe(true);
  });
});

describe("format and version (migrations)", () => {
  it.each([
    [{ version: 1, actors: [] }, "unknown_format", "missing"],
    [{ format: "gexf", version: 1 }, "unknown_format", 'got "gexf"'],
    [{ format: "powermap" }, "invalid_version", "got nothing"],
    [{ format: "powermap", version: "1" }, "invalid_version", 'got "1"'],
    [{ format: "powermap", version: 0 }, "invalid_version", "got 0"],
    [{ format: "powermap", version: 7 }, "unsupported_version", "format version 7, written by a newer powermap"],
  ])("%j -> %s", (doc, code, words) => {
    const r = parse(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.code).toBe(code);
    expect(r.issues[0]!.message).toContain(words);
  });

  it("applies one step per version, in order, up to the current version", () => {
    const steps: Migration[] = [
      { from: 1, up: (d) => ({ ...d, people: undefined, actors: d.people }) },
      { from: 2, up: (d) => ({ ...d, actors: (d.actors as { name: string }[]).map((a) => ({ ...a, name: a.name.toUpperCase() })) }) },
    ];
    const r = migrate({ format: "powermap", version: 1, people: [{ name: "ann" }] }, steps, 3);
    expect(r).toMatchObject({ ok: true, document: { version: 3, actors: [{ name: "ANN" }] } });
    const from2 = migrate({ format: "powermap", version: 2, actors: [{ name: "bo" }] }, steps, 3);
    expect(from2).toMatchObject({ ok: true, document: { version: 3, actors: [{ name: "BO" }] } });
    expect(migrate({ format: "powermap", version: 1 }, [], 2)).toMatchObject({ ok: false, issues: [{ code: "unsupported_version" }] });
  });
});
