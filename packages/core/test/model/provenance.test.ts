import { describe, expect, it } from "vitest";
import { PowerMap, schoolBoardExample, unsourcedClaims } from "../../src/graph/index.ts";

describe("unsourcedClaims", () => {
  it("lists actors and relationships without sources, named for people", () => {
    const map = PowerMap.fromDocument({
      format: "powermap",
      version: 1,
      meta: {},
      actors: [
        { id: "a", name: "Acme Bank", kind: "financial_institution", sources: [{ url: "https://a.example" }] },
        { id: "b", name: "Bo Diaz", kind: "person", sources: [] },
        { id: "c", name: "City PAC", kind: "political_committee" },
      ],
      relationships: [
        { id: "r1", from: "a", to: "c", kind: "donation", sources: [{ title: "Filing 12" }] },
        { id: "r2", from: "c", to: "b", kind: "donation" },
        { id: "r3", from: "b", to: "a", kind: "employment", label: "loan officer" },
      ],
    });
    expect(unsourcedClaims(map)).toEqual({
      claims: [
        { collection: "actors", id: "b", name: "Bo Diaz" },
        { collection: "actors", id: "c", name: "City PAC" },
        { collection: "relationships", id: "r2", name: "City PAC donated to Bo Diaz" },
        { collection: "relationships", id: "r3", name: "Bo Diaz → Acme Bank: loan officer" },
      ],
      counts: { unsourcedActors: 2, unsourcedRelationships: 2, unsourced: 4, actors: 3, relationships: 3 },
    });
    // follows edits: adding a source removes the claim from the list
    map.updateActor("c", { sources: [{ url: "https://c.example" }] });
    expect(unsourcedClaims(map.graph).counts.unsourcedActors).toBe(1);
  });

  it("on the example, matches a direct count of records without sources", () => {
    const doc = schoolBoardExample();
    const report = unsourcedClaims(PowerMap.fromDocument(doc));
    const expectActors = doc.actors.filter((a) => !a.sources?.length).map((a) => a.id);
    const expectRels = doc.relationships.filter((r) => !r.sources?.length).map((r) => r.id);
    expect(report.claims.filter((c) => c.collection === "actors").map((c) => c.id)).toEqual(expectActors);
    expect(report.claims.filter((c) => c.collection === "relationships").map((c) => c.id)).toEqual(expectRels);
    expect(report.counts.unsourced).toBe(expectActors.length + expectRels.length);
  });
});
