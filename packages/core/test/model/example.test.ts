import { describe, expect, it } from "vitest";
import { schoolBoardExample } from "../../src/graph/index.ts";
import { parse, serialize } from "../../src/io/index.ts";
import { ACTOR_KINDS, ACTOR_ROLES, RELATIONSHIP_KINDS } from "../../src/schema/index.ts";

describe("school-board example map", () => {
  const doc = schoolBoardExample();

  it("validates through parse with no issues and no warnings", () => {
    const r = parse(serialize(doc), { today: "2026-11-28" });
    expect(r.ok ? r.warnings : r.issues).toEqual([]);
    if (r.ok) expect(r.document).toEqual(doc);
  });

  it("has 40–55 actors of every kind and role and relationships of every kind", () => {
    expect(doc.actors.length).toBeGreaterThanOrEqual(40);
    expect(doc.actors.length).toBeLessThanOrEqual(55);
    expect(new Set(doc.actors.map((a) => a.kind))).toEqual(new Set(ACTOR_KINDS));
    expect(new Set(doc.actors.flatMap((a) => a.roles ?? []))).toEqual(new Set(ACTOR_ROLES));
    expect(new Set(doc.relationships.map((r) => r.kind))).toEqual(new Set(RELATIONSHIP_KINDS));
  });

  it("has the key actors other modules rely on", () => {
    const byId = new Map(doc.actors.map((a) => [a.id, a]));
    expect(byId.get("union-local")).toMatchObject({ kind: "union", roles: ["own"] });
    expect(byId.get("school-board")).toMatchObject({ kind: "government_body", roles: expect.arrayContaining(["target"]) });
    expect(byId.get("board-president")).toMatchObject({ kind: "person", roles: expect.arrayContaining(["target"]) });
    expect(doc.relationships.some((r) => r.from === "board-president" && r.to === "school-board" && r.kind === "position" && r.isBoard)).toBe(true);
    const seats = doc.relationships.filter((r) => r.kind === "position" && r.to === "school-board" && r.isBoard && r.current !== false);
    expect(seats.length).toBeGreaterThanOrEqual(5);
    expect(seats.length).toBeLessThanOrEqual(7);
  });

  it("has ended relationships, sources on many (not all) claims, positions for every actor", () => {
    const ended = doc.relationships.filter((r) => r.current === false && r.endDate !== undefined && r.endDate < "2026");
    expect(ended.length).toBeGreaterThanOrEqual(2);
    expect(ended.some((r) => r.to === "school-board")).toBe(true);
    const sourced = [...doc.actors, ...doc.relationships].filter((x) => (x.sources ?? []).length > 0).length;
    const total = doc.actors.length + doc.relationships.length;
    expect(sourced / total).toBeGreaterThan(0.3);
    expect(sourced).toBeLessThan(total);
    for (const s of [...doc.actors, ...doc.relationships].flatMap((x) => x.sources ?? [])) if (s.url) expect(s.url).toMatch(/^https:\/\//);
    expect(doc.actors.every((a) => a.position)).toBe(true);
    expect(doc.actors.filter((a) => a.stance === undefined).length).toBeGreaterThan(0);
    const donations = doc.relationships.filter((r) => r.kind === "donation");
    expect(donations.every((r) => r.amount !== undefined && r.currency === "USD" && r.date !== undefined)).toBe(true);
  });

  it("is deterministic and returns a fresh copy each call", () => {
    const a = schoolBoardExample();
    a.actors[0]!.name = "changed";
    expect(schoolBoardExample()).toEqual(doc);
    expect(serialize(schoolBoardExample())).toBe(serialize(doc));
  });
});
