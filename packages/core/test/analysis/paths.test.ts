import { describe, expect, it } from "vitest";
import { pathsBetween } from "../../src/analysis/paths.ts";
import { NotFoundError, UsageError } from "../../src/errors.ts";
import type { KindOverrides } from "../../src/kinds.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { build } from "./build.ts";

/*
 * Yen's textbook example (Wikipedia, "Yen's algorithm"): directed graph C D E F G H with lengths
 *   C→D 3, C→E 2, D→F 4, E→D 1, E→F 2, E→G 3, F→G 2, F→H 1, G→H 2.
 * Every loopless C→H path, worked out by hand:
 *   C-E-F-H 5, C-E-G-H 7, C-D-F-H 8, C-E-D-F-H 8, C-E-F-G-H 8, C-D-F-G-H 11, C-E-D-F-G-H 11.
 * A step costs −ln(w), so a length L is encoded as a forward kind of weight e^−L at strength 5.
 */
const kindOfLength = { 1: "influence", 2: "donation", 3: "lobbying", 4: "endorsement" } as const;
const yenKinds: KindOverrides = {
  influence: { weight: Math.exp(-1) },
  donation: { weight: Math.exp(-2) },
  lobbying: { weight: Math.exp(-3) },
  endorsement: { weight: Math.exp(-4) },
};
const edges: [string, string, 1 | 2 | 3 | 4][] = [
  ["C", "D", 3], ["C", "E", 2], ["D", "F", 4], ["E", "D", 1], ["E", "F", 2], ["E", "G", 3], ["F", "G", 2], ["F", "H", 1], ["G", "H", 2],
];
const yen = (): PowerGraph => build(["C", "D", "E", "F", "G", "H"], edges.map(([from, to, l]) => ({ from, to, kind: kindOfLength[l], strength: 5 })));
const route = (p: { steps: { from: { id: string }; to: { id: string } }[] }) => [p.steps[0]!.from.id, ...p.steps.map((s) => s.to.id)].join("-");

describe("pathsBetween (Yen)", () => {
  it("finds the textbook k shortest loopless paths in order", () => {
    const res = pathsBetween(yen(), "C", "H", { k: 3, kinds: yenKinds });
    expect(res.map(route).slice(0, 2)).toEqual(["C-E-F-H", "C-E-G-H"]);
    expect(res.map((p) => p.cost).map((c) => Number(c.toFixed(9)))).toEqual([5, 7, 8]);
    expect(["C-D-F-H", "C-E-D-F-H", "C-E-F-G-H"]).toContain(route(res[2]!));
    expect(res[0]!.score).toBeCloseTo(Math.exp(-5), 12);
  });

  it("lists every loopless path once when k exceeds their number", () => {
    const res = pathsBetween(yen(), "C", "H", { k: 10, kinds: yenKinds });
    expect(res.map((p) => Number(p.cost.toFixed(9)))).toEqual([5, 7, 8, 8, 8, 11, 11]);
    expect(new Set(res.map(route))).toEqual(new Set(["C-E-F-H", "C-E-G-H", "C-D-F-H", "C-E-D-F-H", "C-E-F-G-H", "C-D-F-G-H", "C-E-D-F-G-H"]));
  });

  it("maxDepth keeps only paths with at most that many steps", () => {
    const res = pathsBetween(yen(), "C", "H", { k: 10, kinds: yenKinds, maxDepth: 3 });
    expect(res.map(route)).toEqual(["C-E-F-H", "C-E-G-H", "C-D-F-H"]);
    // With 2 steps there is no way from C to H.
    expect(pathsBetween(yen(), "C", "H", { kinds: yenKinds, maxDepth: 2 })).toEqual([]);
  });

  it("follows influence direction unless direction is any", () => {
    expect(pathsBetween(yen(), "H", "C", { kinds: yenKinds })).toEqual([]);
    const back = pathsBetween(yen(), "H", "C", { kinds: yenKinds, direction: "any", k: 1 });
    expect(route(back[0]!)).toBe("H-F-E-C");
    expect(back[0]!.steps.every((s) => s.along === "backward")).toBe(true);
  });

  it("starts from the campaign's own actors by default and prefers strong ties", () => {
    // union —membership 5— teacher —social 5— member (0.4·0.5 = 0.2), union —social 1— member (0.1),
    // ally (own) —family 5— member (0.7): the best path starts at the ally.
    const g = build(
      [{ id: "union", roles: ["own"], kind: "union" }, "teacher", { id: "member", name: "Board Member" }, { id: "ally", roles: ["own"] }],
      [
        { from: "teacher", to: "union", kind: "membership", strength: 5 },
        { from: "teacher", to: "member", kind: "social", strength: 5 },
        { from: "union", to: "member", kind: "social", strength: 1 },
        { from: "ally", to: "member", kind: "family", strength: 5 },
      ],
    );
    const res = pathsBetween(g, undefined, "Board Member", { k: 3 });
    expect(res.map(route)).toEqual(["ally-member", "union-teacher-member", "union-member"]);
    expect(res.map((p) => Number(p.score.toFixed(9)))).toEqual([0.7, 0.2, 0.1]);
    expect(res[1]!.steps[0]!.text).toBe("union ←is a member of— teacher");
    expect(pathsBetween(g, "own", "member", { k: 1 }).map(route)).toEqual(["ally-member"]);
  });

  it("does not walk through conflicts unless asked, and skips ended relationships", () => {
    const g = build(["a", "b", "c"], [
      { from: "a", to: "b", kind: "conflict", strength: 5 },
      { from: "b", to: "c", kind: "social", strength: 5 },
      { from: "a", to: "c", kind: "social", strength: 5, endDate: "2020-01-01" },
    ]);
    expect(pathsBetween(g, "a", "c")).toEqual([]);
    expect(pathsBetween(g, "a", "c", { includeOpposition: true }).map((p) => Number(p.score.toFixed(9)))).toEqual([-0.3]);
    expect(pathsBetween(g, "a", "c", { asOf: "2019" }).map(route)).toEqual(["a-c"]);
  });

  it("rejects unknown actors and bad options", () => {
    expect(() => pathsBetween(yen(), "C", "Z")).toThrow(NotFoundError);
    expect(() => pathsBetween(yen(), "C", "Z")).toThrow(/^pathsBetween: unknown actor "Z"/);
    expect(() => pathsBetween(yen(), "C", "H", { k: 0 })).toThrow(UsageError);
    expect(() => pathsBetween(yen(), undefined, "H")).toThrow(/pathsBetween: no start actor/);
  });
});

describe("pathsBetween against enumeration of every loopless path", () => {
  it.each([1, 2, 3, 4, 5, 6])("random graph %i", (seed) => {
    let s = seed;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const kinds = ["donation", "social", "position", "appointment", "family", "endorsement"] as const;
    const ids = Array.from({ length: 9 }, (_, i) => `n${i}`);
    const rels = Array.from({ length: 22 }, () => {
      const from = ids[Math.floor(rnd() * 9)]!;
      const to = ids[(ids.indexOf(from) + 1 + Math.floor(rnd() * 8)) % 9]!;
      return { from, to, kind: kinds[Math.floor(rnd() * kinds.length)]!, strength: 1 + Math.floor(rnd() * 5) };
    });
    const g = build(ids, rels);
    // Reference: cheapest relationship per ordered pair, then every simple n0 → n8 path by DFS.
    const cost = new Map<string, number>();
    g.forEachEdge((_id, r) => {
      const info = { donation: ["f", 0.8], social: ["b", 0.5], position: ["b", 0.9], appointment: ["f", 0.9], family: ["b", 0.7], endorsement: ["f", 0.5] }[r.kind as (typeof kinds)[number]];
      const c = -Math.log(((info[1] as number) * (r.strength ?? 3)) / 5);
      const put = (a: string, b: string) => cost.set(`${a}>${b}`, Math.min(cost.get(`${a}>${b}`) ?? Infinity, c));
      put(r.from, r.to);
      if (info[0] === "b") put(r.to, r.from);
    });
    const all: number[] = [];
    const dfs = (v: string, seen: Set<string>, c: number): void => {
      if (v === "n8") return void all.push(c);
      for (const w of ids) {
        const e = cost.get(`${v}>${w}`);
        if (e !== undefined && !seen.has(w) && w !== "n0") dfs(w, new Set([...seen, w]), c + e);
      }
    };
    dfs("n0", new Set(["n0"]), 0);
    all.sort((a, b) => a - b);
    expect(all.length).toBeGreaterThan(2); // the seeds give graphs with several alternatives
    const got = pathsBetween(g, "n0", "n8", { k: 6 }).map((p) => p.cost);
    expect(got.length).toBe(Math.min(6, all.length));
    got.forEach((c, i) => expect(c).toBeCloseTo(all[i]!, 10));
  });
});
