import { describe, expect, it } from "vitest";
import { graphFromDocument, type Actor, type PowerMapDocument, type Relationship } from "@powermap/core";
import { EMPTY_FILTERS, type Filters } from "../src/state/ui-state.ts";
import { activeOn, actorPasses, hiddenByFilters } from "../src/state/visibility.ts";

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const actor = (a: Partial<Actor>): Actor => ({ id: "x", name: "X", kind: "person", ...a });
const rel = (r: Partial<Relationship>): Relationship => ({ id: "r", from: "a", to: "b", kind: "influence", ...r });

describe("actorPasses", () => {
  it("empty filters pass everything", () => expect(actorPasses(actor({}), EMPTY_FILTERS)).toBe(true));
  it("kind, role (any of), tag (any of)", () => {
    expect(actorPasses(actor({ kind: "company" }), f({ kinds: ["person"] }))).toBe(false);
    expect(actorPasses(actor({ roles: ["ally", "own"] }), f({ roles: ["own"] }))).toBe(true);
    expect(actorPasses(actor({}), f({ roles: ["own"] }))).toBe(false);
    expect(actorPasses(actor({ tags: ["labor"] }), f({ tags: ["faith", "labor"] }))).toBe(true);
  });
  it("stance: unknown is its own value", () => {
    expect(actorPasses(actor({}), f({ stances: ["unknown"] }))).toBe(true);
    expect(actorPasses(actor({ stance: 0 }), f({ stances: ["unknown"] }))).toBe(false);
    expect(actorPasses(actor({ stance: -2 }), f({ stances: [-2, -1] }))).toBe(true);
  });
});

describe("activeOn (as-of date)", () => {
  it("compares partial dates by the period they cover", () => {
    expect(activeOn(rel({ startDate: "2020-06" }), "2020")).toBe(true); // started during 2020
    expect(activeOn(rel({ startDate: "2021" }), "2020-12-31")).toBe(false);
    expect(activeOn(rel({ endDate: "2019" }), "2019-12-31")).toBe(true);
    expect(activeOn(rel({ endDate: "2019-05" }), "2019-06-01")).toBe(false);
    expect(activeOn(rel({ date: "2024-03-01" }), "2024-02")).toBe(false); // a donation made later
    expect(activeOn(rel({}), "1900")).toBe(true);
  });
});

describe("hiddenByFilters", () => {
  const doc: PowerMapDocument = {
    format: "powermap",
    version: 1,
    meta: {},
    actors: [actor({ id: "a", kind: "person" }), actor({ id: "b", kind: "company" }), actor({ id: "c", kind: "person" })],
    relationships: [rel({ id: "ab", from: "a", to: "b" }), rel({ id: "ac", from: "a", to: "c", kind: "donation" }), rel({ id: "ca", from: "c", to: "a", endDate: "2000" })],
  };
  const g = graphFromDocument(doc);
  it("hides relationships whose actor is hidden", () => {
    const h = hiddenByFilters(g, f({ kinds: ["person"] }));
    expect([...h.nodes]).toEqual(["b"]);
    expect([...h.edges]).toEqual(["ab"]);
  });
  it("relationship kind and date filters hide only relationships", () => {
    const h = hiddenByFilters(g, f({ relationshipKinds: ["influence"], asOf: "2010" }));
    expect(h.nodes.size).toBe(0);
    expect([...h.edges].sort()).toEqual(["ac", "ca"]);
  });
});
