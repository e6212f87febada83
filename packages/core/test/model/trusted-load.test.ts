import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../src/errors.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import { PowerMap } from "../../src/graph/power-map.ts";
import { parse } from "../../src/io/parse.ts";
import { serialize } from "../../src/io/serialize.ts";
import type { PowerMapDocument } from "../../src/schema/document.ts";

const parsed = (doc: unknown): PowerMapDocument => {
  const r = parse(JSON.stringify(doc));
  if (!r.ok) throw new Error("expected a valid document");
  return r.document;
};
const catchError = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
};

describe("PowerMap.fromDocument with { trusted: true }", () => {
  it("builds the same map as the validating path, adopting the document", () => {
    const doc = parsed(schoolBoardExample());
    const checked = PowerMap.fromDocument(schoolBoardExample());
    const trusted = PowerMap.fromDocument(doc, { trusted: true });
    expect(serialize(trusted.toDocument())).toBe(serialize(checked.toDocument()));
    // Adopted, not copied: the records are the document's own, now frozen.
    expect(trusted.getActor(doc.actors[0]!.id)).toBe(doc.actors[0]);
    expect(Object.isFrozen(doc.actors[0])).toBe(true);
    expect(Object.isFrozen(doc.relationships)).toBe(true);
    // The untrusted path copies: the caller's document stays as it was.
    const mine = schoolBoardExample();
    PowerMap.fromDocument(mine);
    expect(Object.isFrozen(mine.actors[0])).toBe(false);
  });

  it("still reports documents the graph cannot hold as ValidationError naming the record", () => {
    const dup = parsed({ format: "powermap", version: 1, meta: {}, actors: [{ id: "a", name: "A", kind: "person" }], relationships: [] });
    dup.actors.push({ id: "a", name: "A again", kind: "person" });
    const e = catchError(() => PowerMap.fromDocument(dup, { trusted: true }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.some((i) => i.record?.index === 1 && i.record.id === "a")).toBe(true);

    const dangling = parsed({ format: "powermap", version: 1, meta: {}, actors: [{ id: "a", name: "A", kind: "person" }], relationships: [] });
    dangling.relationships.push({ id: "r", from: "a", to: "ghost", kind: "social" });
    expect(() => PowerMap.fromDocument(dangling, { trusted: true })).toThrow(ValidationError);
  });

  it("replaceDocument trusted: one undo step, and a broken document leaves the map untouched", () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const before = serialize(map.toDocument());
    const bad = parsed({ format: "powermap", version: 1, meta: {}, actors: [{ id: "x", name: "X", kind: "person" }], relationships: [] });
    bad.relationships.push({ id: "r", from: "x", to: "nobody", kind: "social" });
    expect(() => map.replaceDocument(bad, "Open", { trusted: true })).toThrow(ValidationError);
    expect(serialize(map.toDocument())).toBe(before);

    const next = parsed({ format: "powermap", version: 1, meta: {}, actors: [{ id: "x", name: "Xavier", kind: "person" }], relationships: [] });
    map.replaceDocument(next, "Open", { trusted: true });
    expect(map.findActor("xavier").id).toBe("x");
    expect(map.undo()).toBe(true);
    expect(serialize(map.toDocument())).toBe(before);
    expect(() => map.findActor("Xavier")).toThrow(NotFoundError);
  });
});

describe("name lookups with the lazily built name index", () => {
  it("sees actors added, renamed and removed before and after its first use", () => {
    const map = PowerMap.fromDocument(parsed(schoolBoardExample()), { trusted: true });
    // Changes before any lookup: the index is built later from the graph.
    map.addActor({ id: "new-one", name: "Quincy Adams", kind: "person" });
    map.updateActor("new-one", { name: "Quincy Addams", aliases: ["QA"] });
    expect(map.findActor("quincy addams").id).toBe("new-one");
    expect(map.findActor("qa").id).toBe("new-one");
    expect(() => map.findActor("Quincy Adams")).toThrow(NotFoundError);
    // Changes after the first lookup keep the built index in step.
    map.removeActor("new-one");
    expect(() => map.findActor("QA")).toThrow(NotFoundError);
    map.undo();
    expect(map.search("addams", 5).map((h) => h.id)).toEqual(["new-one"]);
  });
});
