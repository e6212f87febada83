import { describe, expect, it } from "vitest";
import { communities } from "../../src/analysis/communities.ts";
import { powerGrid } from "../../src/analysis/grid.ts";
import { moneyFlows } from "../../src/analysis/money.ts";
import { NotFoundError } from "../../src/errors.ts";
import { build } from "./build.ts";

describe("moneyFlows", () => {
  const g = () =>
    build(
      ["pac", "f1", "f2", "dana", "vendor"],
      [
        { from: "f1", to: "pac", kind: "donation", amount: 1000, currency: "USD", date: "2023-02" },
        { from: "f1", to: "pac", kind: "donation", amount: 2000, currency: "USD", date: "2024-10" },
        { from: "f2", to: "pac", kind: "funding", amount: 500, currency: "EUR", endDate: "2001" },
        { from: "pac", to: "dana", kind: "donation", amount: 300, currency: "USD", date: "2024-01-15" },
        { from: "pac", to: "vendor", kind: "contract" },
        { from: "pac", to: "dana", kind: "social" },
        { from: "f1", to: "pac", kind: "donation", amount: 40 },
      ],
    );

  it("sums amounts by counterparty and currency, in and out", () => {
    const m = moneyFlows(g(), "pac");
    expect(m.in.map((f) => [f.counterparty.id, f.currency, f.amount, f.relationships])).toEqual([
      ["f1", "USD", 3000, ["r1", "r2"]],
      ["f2", "EUR", 500, ["r3"]], // an ended grant is still money received
      ["f1", "unspecified", 40, ["r7"]],
    ]);
    expect(m.out.map((f) => [f.counterparty.id, f.currency, f.amount, f.kinds])).toEqual([["dana", "USD", 300, ["donation"]]]);
    expect(m.totals).toEqual({ in: { USD: 3000, EUR: 500, unspecified: 40 }, out: { USD: 300 } });
    expect(m.withoutAmount).toEqual(["r5"]);
  });

  it("counts only money given by the asOf date", () => {
    const m = moneyFlows(g(), "pac", { asOf: "2023-12" }); // "2024-01" would count the 2024-01-15 gift
    expect(moneyFlows(g(), "pac", { asOf: "2024-01" }).totals.out).toEqual({ USD: 300 });
    expect(m.totals).toEqual({ in: { USD: 1000, EUR: 500, unspecified: 40 }, out: {} });
    expect(() => moneyFlows(g(), "nobody")).toThrow(NotFoundError);
  });
});

describe("powerGrid", () => {
  it("places actors in quadrants with layout coordinates", () => {
    const g = build(
      [
        { id: "ally", stance: 2, power: 5 },
        { id: "weak-ally", stance: 1, power: 2 },
        { id: "swing", stance: 0, power: 4 },
        { id: "opp", stance: -2, power: 3 },
        { id: "small-opp", stance: -1, power: 1 },
        { id: "unknown", power: 4 },
        { id: "no-power", stance: 1 },
        { id: "twin-a", name: "A twin", stance: 0, power: 1 },
        { id: "twin-b", name: "B twin", stance: 0, power: 1 },
      ],
      [],
    );
    const grid = powerGrid(g);
    const q = Object.fromEntries(grid.points.map((p) => [p.id, p.quadrant]));
    expect(q).toEqual({
      ally: "allies with power",
      "weak-ally": "allies with little power",
      swing: "neutral with power",
      opp: "opponents with power",
      "small-opp": "opponents with little power",
      unknown: "unknown stance",
      "no-power": "unknown power",
      "twin-a": "neutral with little power",
      "twin-b": "neutral with little power",
    });
    expect(grid.quadrants["neutral with little power"]).toEqual(["twin-a", "twin-b"]);
    const p = Object.fromEntries(grid.points.map((x) => [x.id, [x.x, x.y]]));
    expect(p.ally).toEqual([2, 5]);
    expect(p.unknown).toEqual([null, 4]);
    // Two actors in one cell: a 2×2 lattice of step 0.4 centred on (0, 1).
    expect(p["twin-a"]![0]).toBeCloseTo(-0.2, 12);
    expect(p["twin-b"]![0]).toBeCloseTo(0.2, 12);
    expect(p["twin-a"]![1]).toBeCloseTo(0.8, 12);
  });
});

describe("communities", () => {
  // Two 4-cliques joined by one tie. Unweighted modularity of the split (m = 13 links, each side has
  // 6 inner links and degree sum 13): Q = 2 · (6/13 − (13/26)²) = 12/13 − 1/2.
  const cliques = () => {
    const rels = [];
    for (const side of ["a", "b"])
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) rels.push({ from: `${side}${i}`, to: `${side}${j}`, kind: "social" as const });
    rels.push({ from: "a0", to: "b0", kind: "social" as const });
    return build(["a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3", "alone"], rels);
  };

  it("finds the two cliques with the hand-computed modularity", () => {
    const c = communities(cliques());
    expect(c.count).toBe(3); // two cliques and the isolated actor
    expect(c.members.slice(0, 2).sort()).toEqual([["a0", "a1", "a2", "a3"], ["b0", "b1", "b2", "b3"]]);
    expect(c.members[2]).toEqual(["alone"]);
    expect(c.assignments.a1).toBe(c.assignments.a3);
    expect(c.assignments.a1).not.toBe(c.assignments.b1);
    expect(c.modularity).toBeCloseTo(12 / 13 - 1 / 2, 10);
  });

  it("is deterministic for a seed and ignores ended relationships", () => {
    expect(communities(cliques())).toEqual(communities(cliques()));
    const g = cliques();
    g.mergeEdgeAttributes("r13", { endDate: "2001" });
    expect(communities(g).modularity).toBeCloseTo(0.5, 10); // two disconnected cliques: 2·(1/2 − 1/4)
  });
});
