import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AmbiguousNameError, DuplicateIdError, NotFoundError, UsageError, ValidationError } from "../../src/errors.ts";
import { PowerMap, schoolBoardExample, type ChangeEvent } from "../../src/graph/index.ts";
import type { PowerMapDocument } from "../../src/schema/index.ts";

function small(): PowerMapDocument {
  return {
    format: "powermap",
    version: 1,
    meta: { title: "Small" },
    actors: [
      { id: "u", name: "Union Local", kind: "union", roles: ["own"], aliases: ["The Union"] },
      { id: "b", name: "School Board", kind: "government_body", roles: ["target"] },
      { id: "p", name: "Pat Lee", kind: "person", stance: -1, aliases: ["P. Lee"] },
      { id: "p2", name: "pat lee", kind: "person" },
      { id: "g", name: "García Foundation", kind: "nonprofit" },
    ],
    relationships: [
      { id: "r1", from: "p", to: "b", kind: "position", title: "President", isBoard: true },
      { id: "r2", from: "u", to: "p", kind: "endorsement" },
      { id: "r3", from: "g", to: "p", kind: "donation", amount: 100, currency: "USD" },
    ],
  };
}

function recorder(map: PowerMap): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  map.subscribe((e) => events.push(e));
  return events;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("PowerMap basics", () => {
  it("round trips a document exactly, including unknown fields and order", () => {
    const doc = { ...schoolBoardExample(), extraTop: { keep: true } } as PowerMapDocument;
    const map = PowerMap.fromDocument(doc);
    expect(map.toDocument()).toEqual(doc);
    expect(map.graph.order).toBe(doc.actors.length);
    expect(map.graph.size).toBe(doc.relationships.length);
    expect(map.graph.source("seat-harmon")).toBe("board-president");
  });

  it("refuses an invalid document with issues naming record and field", () => {
    const doc = small();
    (doc.actors[2] as { stance: number }).stance = 5;
    const e = catchError(() => PowerMap.fromDocument(doc));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]).toMatchObject({ record: { collection: "actors", index: 2, id: "p" }, field: "stance" });
    expect((e as Error).message).toContain('PowerMap.fromDocument: 1 problem in the document: actors[2] (id "p"): field "stance"');
  });

  it("stores frozen private copies: outside mutation cannot corrupt the map", () => {
    const map = PowerMap.fromDocument(small());
    const input = { id: "n", name: "New", kind: "media" as const, tags: ["a"] };
    map.addActor(input);
    input.tags.push("b");
    input.name = "Changed";
    expect(map.getActor("n")).toEqual({ id: "n", name: "New", kind: "media", tags: ["a"] });
    const stored = map.getActor("n") as { name: string; tags: string[] };
    expect(() => (stored.name = "x")).toThrow(TypeError);
    expect(() => stored.tags.push("x")).toThrow(TypeError);
    const doc = map.toDocument();
    doc.actors[0]!.name = "mutated";
    expect(map.getActor("u")?.name).toBe("Union Local");
  });
});

describe("mutations, undo and redo", () => {
  it("addActor: validates, undoes and redoes; makes an id from the name", () => {
    const map = PowerMap.fromDocument(small());
    const before = map.toDocument();
    const a = map.addActor({ name: "Pat Lee", kind: "person" });
    expect(a.id).toBe("pat-lee");
    expect(map.getActor("pat-lee")?.name).toBe("Pat Lee");
    expect(map.undo()).toBe(true);
    expect(map.toDocument()).toEqual(before);
    expect(map.redo()).toBe(true);
    expect(map.toDocument().actors.at(-1)?.id).toBe("pat-lee");
    expect(() => map.addActor({ id: "u", name: "Dup", kind: "union" })).toThrow(DuplicateIdError);
    const e = catchError(() => map.addActor({ id: "bad", name: "Bad", kind: "person", power: 9 }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues).toMatchObject([{ code: "out_of_range", field: "power", record: { collection: "actors", index: 6, id: "bad" } }]);
    expect((e as Error).message).toBe('PowerMap.addActor: actors[6] (id "bad"): field "power": expected an integer from 1 to 5, got 9');
    expect(map.hasActor("bad")).toBe(false);
  });

  it("moveActors: one undo step and one event for many actors; unchanged positions skipped; bad input changes nothing", () => {
    const map = PowerMap.fromDocument(small());
    const events: ChangeEvent[] = [];
    map.subscribe((e) => events.push(e));
    const before = map.toDocument();
    const moved = map.moveActors(
      new Map([
        ["u", { x: 1, y: 2 }],
        ["p", { x: -3.5, y: 4 }],
      ]),
      "Layout",
    );
    expect(moved).toBe(2);
    expect(events).toHaveLength(1);
    expect(events[0]!.change).toMatchObject({ type: "batch", label: "Layout", actorIds: ["u", "p"] });
    expect(map.getActor("p")).toEqual({ ...small().actors[2], position: { x: -3.5, y: 4 } });
    expect(Object.isFrozen(map.getActor("p")!.position)).toBe(true);
    // The name index still finds the moved actors by name and alias.
    expect(map.findActor("P. Lee").id).toBe("p");
    // Same positions again: nothing to do, no event, no undo step.
    expect(map.moveActors([["u", { x: 1, y: 2 }]])).toBe(0);
    expect(events).toHaveLength(1);
    // What a batch of updateActor calls gives, record for record.
    const viaUpdates = PowerMap.fromDocument(small());
    viaUpdates.batch("Layout", () => {
      viaUpdates.updateActor("u", { position: { x: 1, y: 2 } });
      viaUpdates.updateActor("p", { position: { x: -3.5, y: 4 } });
    });
    expect(map.toDocument()).toEqual(viaUpdates.toDocument());
    map.undo();
    expect(map.toDocument()).toEqual(before);
    map.redo();
    expect(map.getActor("u")!.position).toEqual({ x: 1, y: 2 });
    // Unknown id or a coordinate that is not a finite number: an error, and nothing moved.
    const now = map.toDocument();
    expect(() => map.moveActors([["g", { x: 9, y: 9 }], ["ghost", { x: 0, y: 0 }]])).toThrow(NotFoundError);
    const bad = catchError(() => map.moveActors([["g", { x: 9, y: 9 }], ["b", { x: Number.NaN, y: 0 }]])) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.issues[0]).toMatchObject({ field: "position.x", record: { collection: "actors", index: 1, id: "b" } });
    const nothing = catchError(() => map.moveActors([["g", null as never]])) as ValidationError;
    expect(nothing).toBeInstanceOf(ValidationError);
    expect(nothing.issues[0]).toMatchObject({ field: "position", record: { collection: "actors", id: "g" } });
    expect(map.toDocument()).toEqual(now);
    expect(events).toHaveLength(3); // the move, its undo and redo; nothing from the refused calls
  });

  it("updateActor: merges the patch, removes fields set to undefined, keeps the id", () => {
    const map = PowerMap.fromDocument(small());
    map.updateActor("p", { stance: 2, title: "Chair" });
    expect(map.getActor("p")).toMatchObject({ stance: 2, title: "Chair", name: "Pat Lee" });
    map.updateActor("p", { stance: undefined });
    expect(map.getActor("p")).not.toHaveProperty("stance");
    map.undo();
    map.undo();
    expect(map.getActor("p")).toEqual(small().actors[2]);
    expect(() => map.updateActor("p", { id: "q" })).toThrow(UsageError);
    expect(() => map.updateActor("nope", { name: "x" })).toThrow(NotFoundError);
    const e = catchError(() => map.updateActor("b", { kind: "castle" as never })) as ValidationError;
    expect(e.issues[0]).toMatchObject({ field: "kind", record: { collection: "actors", index: 1, id: "b" } });
    // the name index follows renames
    map.updateActor("g", { name: "Hill Fund" });
    expect(map.findActor("hill fund").id).toBe("g");
    expect(() => map.findActor("García Foundation")).toThrow(NotFoundError);
  });

  it("removeActor removes its relationships; undo restores all of them with the same ids and order", () => {
    const map = PowerMap.fromDocument(small());
    const before = map.toDocument();
    const events = recorder(map);
    map.removeActor("p");
    expect(map.graph.order).toBe(4);
    expect(map.graph.size).toBe(0);
    expect(events[0]?.change).toMatchObject({ type: "removeActor", actorIds: ["p"] });
    expect([...(events[0]?.change.relationshipIds ?? [])].sort()).toEqual(["r1", "r2", "r3"]);
    map.undo();
    expect(map.toDocument()).toEqual(before);
    map.redo();
    expect(map.getRelationship("r1")).toBeUndefined();
    expect(() => map.removeActor("p")).toThrow(NotFoundError);
  });

  it("addRelationship checks endpoints, dates and fields", () => {
    const map = PowerMap.fromDocument(small());
    const r = map.addRelationship({ from: "u", to: "b", kind: "lobbying", strength: 2 });
    expect(r.id).toBe("u-lobbying-b");
    expect(map.graph.hasDirectedEdge("u", "b")).toBe(true);
    const dangling = catchError(() => map.addRelationship({ id: "x", from: "u", to: "ghost", kind: "social" })) as ValidationError;
    expect(dangling).toBeInstanceOf(ValidationError);
    expect(dangling.issues).toMatchObject([{ code: "dangling_reference", field: "to", record: { collection: "relationships", index: 4, id: "x" } }]);
    const dates = catchError(() => map.addRelationship({ id: "y", from: "u", to: "b", kind: "alliance", startDate: "2024", endDate: "2023-05" })) as ValidationError;
    expect(dates.issues).toMatchObject([{ code: "date_order", field: "endDate" }]);
    expect(() => map.addRelationship({ id: "r1", from: "u", to: "b", kind: "alliance" })).toThrow(DuplicateIdError);
    map.undo();
    expect(map.getRelationship("u-lobbying-b")).toBeUndefined();
  });

  it("updateRelationship can move an endpoint, and undo moves it back", () => {
    const map = PowerMap.fromDocument(small());
    const before = map.toDocument();
    map.updateRelationship("r2", { to: "b", strength: 4 });
    expect(map.graph.target("r2")).toBe("b");
    expect(map.getRelationship("r2")).toMatchObject({ to: "b", strength: 4 });
    map.undo();
    expect(map.graph.target("r2")).toBe("p");
    expect(map.toDocument()).toEqual(before);
    expect(() => map.updateRelationship("r2", { to: "ghost" })).toThrow(ValidationError);
    // The record's place in map order is found only to word the error, and named right.
    const bad = catchError(() => map.updateRelationship("r3", { strength: 9 })) as ValidationError;
    expect(bad.issues[0]).toMatchObject({ field: "strength", record: { collection: "relationships", index: 2, id: "r3" } });
    expect(() => map.updateRelationship("zz", { strength: 1 })).toThrow(NotFoundError);
  });

  it("removeRelationship and updateMeta undo and redo", () => {
    const map = PowerMap.fromDocument(small());
    const before = map.toDocument();
    map.removeRelationship("r3");
    map.updateMeta({ title: "Renamed", campaign: "C" });
    expect(map.meta).toEqual({ title: "Renamed", campaign: "C" });
    expect(() => map.updateMeta({ title: 3 as never })).toThrow(ValidationError);
    map.undo();
    map.undo();
    expect(map.toDocument()).toEqual(before);
    map.redo();
    map.redo();
    expect(map.getRelationship("r3")).toBeUndefined();
    expect(map.meta.title).toBe("Renamed");
    expect(() => map.removeRelationship("r3")).toThrow(NotFoundError);
  });

  it("replaceDocument is one undoable step and keeps the same graph object", () => {
    const map = PowerMap.fromDocument(small());
    const graph = map.graph;
    const before = map.toDocument();
    const example = schoolBoardExample();
    map.replaceDocument(example);
    expect(map.graph).toBe(graph);
    expect(map.toDocument()).toEqual(example);
    expect(map.findActor("Linda Harmon").id).toBe("board-president");
    map.undo();
    expect(map.toDocument()).toEqual(before);
    map.redo();
    expect(map.graph.order).toBe(example.actors.length);
    expect(() => map.replaceDocument({ format: "powermap" } as PowerMapDocument)).toThrow(ValidationError);
  });

  it("a new command clears redo; canUndo/canRedo and labels follow", () => {
    const map = PowerMap.fromDocument(small());
    expect([map.canUndo, map.canRedo]).toEqual([false, false]);
    expect(map.undo()).toBe(false);
    map.addActor({ id: "x", name: "X", kind: "other" });
    expect(map.undoLabel).toBe("Add actor");
    map.undo();
    expect([map.canUndo, map.canRedo, map.redoLabel]).toEqual([false, true, "Add actor"]);
    map.addActor({ id: "y", name: "Y", kind: "other" });
    expect(map.canRedo).toBe(false);
    expect(map.redo()).toBe(false);
  });

  it("batch groups mutations into one step and one event, and rolls back on error", () => {
    const map = PowerMap.fromDocument(small());
    const before = map.toDocument();
    const events = recorder(map);
    const out = map.batch("Add a coalition", () => {
      map.addActor({ id: "c", name: "Coalition", kind: "community_group" });
      map.addRelationship({ id: "rc", from: "u", to: "c", kind: "alliance" });
      map.updateActor("c", { position: { x: 10, y: 20 } });
      return 42;
    });
    expect(out).toBe(42);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ version: 1, source: "apply", change: { type: "batch", label: "Add a coalition", actorIds: ["c", "u"], relationshipIds: ["rc"] } });
    expect(map.undoLabel).toBe("Add a coalition");
    map.undo();
    expect(map.toDocument()).toEqual(before);
    expect(events[1]).toMatchObject({ version: 2, source: "undo", change: { type: "batch" } });
    map.redo();
    expect(map.getActor("c")?.position).toEqual({ x: 10, y: 20 });

    const mid = map.toDocument();
    expect(() =>
      map.batch("fails", () => {
        map.removeActor("u");
        map.addActor({ id: "u", name: "dup", kind: "union" });
        map.addActor({ id: "u", name: "dup again", kind: "union" });
      }),
    ).toThrow(DuplicateIdError);
    expect(map.toDocument()).toEqual(mid);
    expect(map.undoLabel).toBe("Add a coalition");
    expect(() => map.batch("x", () => map.undo())).toThrow(UsageError);
  });

  it("undo and redo restore exact documents after any sequence of mutations (property)", () => {
    type Op = [number, number, number];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(20), fc.nat(20)), { maxLength: 12 }), (ops: Op[]) => {
        const map = PowerMap.fromDocument(small());
        const states = [map.toDocument()];
        let n = 0;
        for (const [op, i, j] of ops) {
          const actors = map.actors();
          const rels = map.relationships();
          const a = actors[i % Math.max(actors.length, 1)];
          const b = actors[j % Math.max(actors.length, 1)];
          const r = rels[i % Math.max(rels.length, 1)];
          if (op === 0) map.addActor({ id: `n${n++}`, name: `New ${n}`, kind: "other" });
          else if (op === 1 && a) map.removeActor(a.id);
          else if (op === 2 && a) map.updateActor(a.id, { power: (j % 5) + 1, title: undefined });
          else if (op === 3 && a && b) map.addRelationship({ id: `e${n++}`, from: a.id, to: b.id, kind: "social" });
          else if (op === 4 && r) map.removeRelationship(r.id);
          else if (op === 5 && r && b) map.updateRelationship(r.id, { from: b.id, strength: (i % 5) + 1 });
          else continue;
          states.push(map.toDocument());
        }
        for (let k = states.length - 2; k >= 0; k--) {
          map.undo();
          expect(map.toDocument()).toEqual(states[k]);
        }
        for (let k = 1; k < states.length; k++) {
          map.redo();
          expect(map.toDocument()).toEqual(states[k]);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("events", () => {
  it("version increments on every apply, undo and redo; unsubscribe stops events", () => {
    const map = PowerMap.fromDocument(small());
    const events = recorder(map);
    const other: ChangeEvent[] = [];
    const off = map.subscribe((e) => other.push(e));
    map.updateActor("u", { power: 3 });
    map.undo();
    map.redo();
    off();
    map.removeRelationship("r1");
    expect(map.version).toBe(4);
    expect(events.map((e) => [e.version, e.source, e.change.type, e.change.ids])).toEqual([
      [1, "apply", "updateActor", ["u"]],
      [2, "undo", "updateActor", ["u"]],
      [3, "redo", "updateActor", ["u"]],
      [4, "apply", "removeRelationship", ["p", "b", "r1"]],
    ]);
    expect(other).toHaveLength(3);
  });

  it("a throwing listener does not stop the change or other listeners", () => {
    const map = PowerMap.fromDocument(small());
    const seen: number[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      map.subscribe(() => {
        throw new Error("boom");
      });
      map.subscribe((e) => seen.push(e.version));
      map.addActor({ id: "z", name: "Z", kind: "other" });
    } finally {
      console.error = original;
    }
    expect(seen).toEqual([1]);
    expect(map.hasActor("z")).toBe(true);
  });
});

describe("findActor and search", () => {
  const map = PowerMap.fromDocument(small());

  it("finds by exact id, then case-insensitive name or alias", () => {
    expect(map.findActor("u").name).toBe("Union Local");
    expect(map.findActor("  union   LOCAL ").id).toBe("u");
    expect(map.findActor("the union").id).toBe("u");
    expect(map.findActor("p. lee").id).toBe("p");
  });

  it("an ambiguous name lists the candidates", () => {
    const e = catchError(() => map.findActor("PAT LEE"));
    expect(e).toBeInstanceOf(AmbiguousNameError);
    expect((e as AmbiguousNameError).candidates).toEqual([
      { id: "p", name: "Pat Lee" },
      { id: "p2", name: "pat lee" },
    ]);
    expect((e as Error).message).toContain('Pat Lee (id "p"), pat lee (id "p2")');
  });

  it("an unknown name is NotFoundError with suggestions", () => {
    const e = catchError(() => map.findActor("Union"));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as Error).message).toContain('did you mean "Union Local"');
    expect(() => map.findActor("")).toThrow(UsageError);
  });

  it("search ranks exact, prefix, word start, then substring; folds accents", () => {
    expect(map.search("pat").map((h) => h.id)).toEqual(["p", "p2"]);
    expect(map.search("garcia")[0]).toMatchObject({ id: "g", matched: "García Foundation" });
    expect(map.search("lee").map((h) => h.id)).toEqual(["p", "p2"]); // word start, "P. Lee" (6) shortest
    expect(map.search("lee")[0]?.matched).toBe("P. Lee");
    expect(map.search("ion").map((h) => h.id)).toEqual(["u", "g"]);
    expect(map.search("o", 1)).toHaveLength(1);
    expect(map.search("   ")).toEqual([]);
  });

  it("search on the example finds board members by partial name", () => {
    const ex = PowerMap.fromDocument(schoolBoardExample());
    expect(ex.search("harm")[0]?.id).toBe("board-president");
    expect(ex.findActor("the school board").id).toBe("school-board");
  });
});

describe("PowerMap.documentHead", () => {
  it("is the document without its records: unknown top-level fields, meta, format — a fresh copy", () => {
    const doc = { format: "powermap", version: 1, meta: { title: "Head" }, custom: { team: "research" }, actors: [{ id: "a", name: "A", kind: "person" }], relationships: [] };
    const map = PowerMap.fromDocument(doc as never);
    const head = map.documentHead();
    expect(head).toEqual({ format: "powermap", version: 1, meta: { title: "Head" }, custom: { team: "research" } });
    const { actors: _a, relationships: _r, ...rest } = map.toDocument();
    expect(head).toEqual(rest);
    (head.meta as { title: string }).title = "changed";
    expect(map.documentHead().meta).toEqual({ title: "Head" });
  });
});
