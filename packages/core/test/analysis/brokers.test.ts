import { describe, expect, it } from "vitest";
import { brokers } from "../../src/analysis/brokers.ts";
import { NotFoundError } from "../../src/errors.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { build } from "./build.ts";

/*
 * Bridge graph, undirected (social ties), A = {a1, a2}, B = {b1, b2}:
 *   a1 – x, a2 – x, x – y, y – b1, y – b2, b1 – b2, a1 – z, z – b1
 * Shortest paths per pair:
 *   a1→b1: a1 z b1 (only one, length 2)                  z 1
 *   a1→b2: a1 x y b2 | a1 z b1 b2 (two, length 3)        x ½, y ½, z ½, b1 ½
 *   a2→b1: a2 x y b1 (a2 x a1 z b1 is longer)            x 1, y 1
 *   a2→b2: a2 x y b2                                     x 1, y 1
 * Sums over the 4 pairs: x 2.5, y 2.5, z 1.5, b1 0.5 → divided by 4: 0.625, 0.625, 0.375, 0.125.
 */
const bridge = (): PowerGraph =>
  build(
    ["a1", "a2", "b1", "b2", "x", "y", "z"],
    [
      ["a1", "x"], ["a2", "x"], ["x", "y"], ["y", "b1"], ["y", "b2"], ["b1", "b2"], ["a1", "z"], ["z", "b1"],
    ].map(([from, to]) => ({ from: from!, to: to!, kind: "social" as const })),
  );

describe("brokers", () => {
  it("ranks actors by the share of A–B shortest paths through them", () => {
    const res = brokers(bridge(), ["a1", "a2"], ["b1", "b2"]);
    expect(res.map((r) => r.id)).toEqual(["x", "y", "z"]);
    expect(res.map((r) => r.score)).toEqual([0.625, 0.625, 0.375]);
  });

  it("can include the groups' own members", () => {
    const res = brokers(bridge(), ["a1", "a2"], ["b1", "b2"], { includeMembers: true });
    expect(res.find((r) => r.id === "b1")?.score).toBe(0.125);
    expect(res.find((r) => r.id === "a1")).toBeUndefined(); // a1 lies on no shortest A–B path
  });

  it("counts a pair of actors once however many relationships join them, and honours asOf", () => {
    const g = bridge();
    g.addDirectedEdgeWithKey("extra", "a2", "x", { id: "extra", from: "a2", to: "x", kind: "family" });
    expect(brokers(g, ["a1", "a2"], ["b1", "b2"]).map((r) => r.score)).toEqual([0.625, 0.625, 0.375]);
    // End the z – b1 tie: every path now runs through x and y.
    g.mergeEdgeAttributes("r8", { endDate: "2001" });
    expect(brokers(g, ["a1", "a2"], ["b1", "b2"])).toEqual([
      { id: "x", name: "x", score: 1 },
      { id: "y", name: "y", score: 1 },
    ]);
    expect(brokers(g, ["a1", "a2"], ["b1", "b2"], { asOf: "2000" }).map((r) => r.id)).toEqual(["x", "y", "z"]);
  });

  it("follows influence direction when asked", () => {
    // a → m → b by donations; the reverse direction has no path.
    const g = build(["a", "m", "b"], [{ from: "a", to: "m", kind: "donation" }, { from: "m", to: "b", kind: "donation" }]);
    expect(brokers(g, "a", "b", { direction: "influence" })).toEqual([{ id: "m", name: "m", score: 1 }]);
    expect(brokers(g, "b", "a", { direction: "influence" })).toEqual([]);
    expect(() => brokers(g, "a", "nobody")).toThrow(/^brokers: unknown actor/);
    expect(() => brokers(g, "a", "nobody")).toThrow(NotFoundError);
  });
});
