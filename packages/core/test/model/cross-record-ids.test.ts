import { describe, expect, it } from "vitest";
import { crossRecordIssues } from "../../src/io/checks.ts";

// FNV-1a 32-bit (the id table's hash): used here only to craft ids that all land in one bucket.
const fnv = (s: string): number => {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
};

function check(ids: string[]): { code: string; path: (string | number)[] }[] {
  const actors = ids.map((id) => ({ id }));
  actors.push({ id: ids[3]! }); // duplicate of actors[3]
  const relationships = ids.map((id, i) => ({ id: `r${i}`, from: id, to: i % 10 === 0 ? "nobody" : ids[(i + 1) % ids.length]! }));
  relationships.push({ id: "r5", from: ids[0]!, to: ids[1]! }); // duplicate of relationships[5]
  return crossRecordIssues({ actors, relationships }, "2024-01-01").map((i) => ({ code: i.code, path: i.path }));
}

describe("cross-record id checks on many ids", () => {
  const expected = (n: number) => [
    { code: "duplicate_id", path: ["actors", n, "id"] },
    { code: "duplicate_id", path: ["relationships", n, "id"] },
    ...Array.from({ length: Math.ceil(n / 10) }, (_, k) => ({ code: "dangling_reference", path: ["relationships", k * 10, "to"] })),
  ];

  it("finds duplicates and unknown actors with ordinary ids", () => {
    const ids = Array.from({ length: 120 }, (_, i) => `actor-${i}`);
    expect(check(ids)).toEqual(expected(120));
  });

  it("gives the same answer when every id collides in the hash table (Map fallback)", () => {
    const ids: string[] = [];
    for (let i = 0; ids.length < 120; i++) if ((fnv(`c${i}`) & 255) === 7) ids.push(`c${i}`);
    expect(check(ids)).toEqual(expected(120));
  });

  it("names the first record holding a duplicated id", () => {
    const issues = crossRecordIssues({ actors: [{ id: "a" }, { id: "b" }, { id: "a" }, { id: "a" }], relationships: [] }, "2024-01-01");
    expect(issues.map((i) => i.message)).toEqual([
      'actors[2] (id "a"): field "id": duplicate id "a" (already used by actors[0] (id "a"))',
      'actors[3] (id "a"): field "id": duplicate id "a" (already used by actors[0] (id "a"))',
    ]);
  });
});
