import { describe, expect, it } from "vitest";
import { influencersOf } from "../../src/analysis/influence.ts";
import { InfluenceView } from "../../src/analysis/influence-graph.ts";
import { AmbiguousNameError, NotFoundError, UsageError } from "../../src/errors.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import { buildSnapshot } from "../../src/snapshot/build.ts";
import { build } from "./build.ts";

/*
 * Hand-worked map (default registry). Raw arc weight = kind weight × strength/5:
 *   r1 pac  —donation 5→ dana   0.8·1   = 0.8
 *   r2 fund —funding 5→  pac    0.8·1   = 0.8
 *   r3 sam  —social 5—   dana   0.5·1   = 0.5 both ways
 *   r4 fund —social (3)— sam    0.5·0.6 = 0.3 both ways
 *   r5 xan  —conflict 5— dana  −0.6     both ways
 *   r6 union —endorsement 4→ sam 0.5·0.8 = 0.4
 *   r7 union —conflict 5— pac  −0.6     both ways
 * Ties into each actor weigh: dana 0.8+0.5+0.6 = 1.9, pac 0.8+0.6 = 1.4, sam 0.5+0.3+0.4 = 1.2,
 * fund 0.3, union 0.6, xan 0.6, so shares w' = w / max(1, in):
 *   pac→dana 8/19, sam→dana 5/19, xan→dana −6/19, fund→pac 4/7, union→pac −3/7,
 *   dana→sam 5/12, fund→sam 1/4, union→sam 1/3, sam→fund 0.3, pac→union −0.6, dana→xan −0.6.
 * Simple paths into dana with ≤ 3 steps:
 *   pac  : 8/19 + pac→union→sam→dana (−0.6·1/3·5/19 = −1/19)          = 7/19    ≈  0.368421
 *   sam  : 5/19 + sam→fund→pac→dana (0.3·4/7·8/19 = 9.6/133)          = 44.6/133 ≈  0.335338
 *   xan  : −6/19                                                      ≈ −0.315789
 *   fund : fund→pac→dana 32/133 + fund→sam→dana 5/76                  = 163/532 ≈  0.306391
 *   union: union→sam→dana 5/57 + union→pac→dana −24/133               = −37/399 ≈ −0.092732
 */
const map = (): PowerGraph =>
  build(
    [
      { id: "pac", name: "Riverton Growth PAC", kind: "political_committee" },
      { id: "dana", name: "Dana Ortiz" },
      { id: "fund", name: "Fund Founder", aliases: ["The Founder"] },
      { id: "sam", name: "Sam Lee" },
      { id: "xan", name: "Xan Doe" },
      { id: "union", name: "Teachers Local", kind: "union" },
    ],
    [
      { from: "pac", to: "dana", kind: "donation", strength: 5, amount: 50000, currency: "USD", sources: [{ url: "https://example.org/filing" }] },
      { from: "fund", to: "pac", kind: "funding", strength: 5 },
      { from: "sam", to: "dana", kind: "social", strength: 5 },
      { from: "fund", to: "sam", kind: "social" },
      { from: "xan", to: "dana", kind: "conflict", strength: 5 },
      { from: "union", to: "sam", kind: "endorsement", strength: 4 },
      { from: "union", to: "pac", kind: "conflict", strength: 5 },
    ],
  );

const scores = (g: PowerGraph, opts = {}) => Object.fromEntries(influencersOf(g, "dana", opts).map((r) => [r.id, r.score]));

describe("influencersOf", () => {
  it("matches the hand-computed truncated Katz scores and order", () => {
    const res = influencersOf(map(), "dana");
    expect(res.map((r) => r.id)).toEqual(["pac", "sam", "xan", "fund", "union"]);
    const s = scores(map());
    expect(s.pac).toBeCloseTo(7 / 19, 12);
    expect(s.sam).toBeCloseTo(44.6 / 133, 12);
    expect(s.xan).toBeCloseTo(-6 / 19, 12);
    expect(s.fund).toBeCloseTo(163 / 532, 12);
    expect(s.union).toBeCloseTo(-37 / 399, 12);
    expect(res.find((r) => r.id === "union")).toMatchObject({ sign: -1, effect: "opposes" });
    expect(res[0]).toMatchObject({ sign: 1, effect: "pushes", name: "Riverton Growth PAC" });
  });

  it("reads a snapshot given with the map, the graph then holding the actors only (a worker's case)", () => {
    const full = map();
    const actorsOnly = full.copy();
    actorsOnly.clearEdges();
    const given = { graph: actorsOnly, snapshot: buildSnapshot(full) };
    expect(influencersOf(given, "dana").map((r) => [r.id, r.score])).toEqual(influencersOf(full, "dana").map((r) => [r.id, r.score]));
    // Without the snapshot the same graph has no relationships, hence no influencers.
    expect(influencersOf(actorsOnly, "dana")).toEqual([]);
  });

  it("depth truncates the sum", () => {
    // depth 1: only the shares of direct ties; depth 2 adds fund's and union's 2-step paths, while
    // pac's and sam's longer paths (3 steps) are cut.
    const s1 = scores(map(), { depth: 1 });
    expect(Object.keys(s1).sort()).toEqual(["pac", "sam", "xan"]);
    expect(s1.pac).toBeCloseTo(8 / 19, 12);
    expect(s1.xan).toBeCloseTo(-6 / 19, 12);
    const s2 = scores(map(), { depth: 2 });
    expect(s2.fund).toBeCloseTo(163 / 532, 12);
    expect(s2.union).toBeCloseTo(-37 / 399, 12);
    expect(s2.pac).toBeCloseTo(8 / 19, 12);
    expect(s2.sam).toBeCloseTo(5 / 19, 12);
  });

  it("includeOpposition: false drops conflict relationships from the view", () => {
    const s = scores(map(), { includeOpposition: false });
    // Without r5 and r7: in(dana) = 1.3, in(pac) = 0.8, in(sam) = 1.2.
    // pac 0.8/1.3; sam 0.5/1.3 + 0.3·0.8·0.8/1.3; fund 0.8·0.8/1.3 + 0.25·0.5/1.3; union (0.4/1.2)·0.5/1.3.
    expect(s.pac).toBeCloseTo(8 / 13, 12);
    expect(s.sam).toBeCloseTo(6.92 / 13, 12);
    expect(s.fund).toBeCloseTo(7.65 / 13, 12);
    expect(s.union).toBeCloseTo(5 / 39, 12);
    expect(s.xan).toBeUndefined();
  });

  it("explains the best paths of each influencer, strongest first, with relationships and sources", () => {
    const fund = influencersOf(map(), "Dana Ortiz").find((r) => r.id === "fund")!;
    expect(fund.paths.map((p) => p.steps.map((s) => s.to.id))).toEqual([["pac", "dana"], ["sam", "dana"]]);
    expect(fund.paths[0]!.score).toBeCloseTo(32 / 133, 12);
    expect(fund.paths[0]!.cost).toBeCloseTo(-Math.log(32 / 133), 12);
    expect(fund.paths[1]!.score).toBeCloseTo(5 / 76, 12);
    const step = fund.paths[0]!.steps[1]!;
    expect(step.text).toBe("Riverton Growth PAC —donated $50,000 to→ Dana Ortiz");
    expect(step.relationship).toMatchObject({ id: "r1", kind: "donation", strength: 5, sources: [{ url: "https://example.org/filing" }] });
    expect(step.along).toBe("forward");
    // sam's second path walks r4 against its recorded direction (fund → sam).
    const sam = influencersOf(map(), "dana").find((r) => r.id === "sam")!;
    expect(sam.paths[1]!.steps[0]).toMatchObject({ along: "backward", text: "Sam Lee ←is a friend of— Fund Founder" });
    expect(sam.paths[1]!.score).toBeCloseTo(9.6 / 133, 12);
    // union's paths carry their signs.
    const union = influencersOf(map(), "dana").find((r) => r.id === "union")!;
    expect(union.paths.map((p) => Number(p.score.toFixed(6)))).toEqual([-0.180451, 0.087719]);
  });

  it("top and pathsPerActor limit the answer", () => {
    const res = influencersOf(map(), "dana", { top: 2, pathsPerActor: 1 });
    expect(res.map((r) => r.id)).toEqual(["pac", "sam"]);
    expect(res.every((r) => r.paths.length === 1)).toBe(true);
  });

  it("kind overrides change the view", () => {
    // Without donations in(dana) = 1.1: pac only reaches dana through union (conflict) → sam:
    // −0.6 · 1/3 · 0.5/1.1 = −1/11; fund only through sam: 1/4 · 0.5/1.1 = 5/44.
    const s = scores(map(), { kinds: { donation: { weight: 0 } } });
    expect(s.pac).toBeCloseTo(-1 / 11, 12);
    expect(s.fund).toBeCloseTo(5 / 44, 12);
  });

  it("does not mutate the map", () => {
    const g = map();
    const before = JSON.stringify(g.export());
    influencersOf(g, "dana");
    expect(JSON.stringify(g.export())).toBe(before);
  });

  it("names errors by the function", () => {
    const g = build(["a", { id: "b", name: "Pat" }, { id: "c", name: "pat" }], []);
    expect(() => influencersOf(g, "nobody")).toThrow(NotFoundError);
    expect(() => influencersOf(g, "nobody")).toThrow(/^influencersOf: unknown actor "nobody"/);
    try {
      influencersOf(g, "PAT");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AmbiguousNameError);
      expect((e as AmbiguousNameError).candidates.map((c) => c.id).sort()).toEqual(["b", "c"]);
    }
    expect(() => influencersOf(g, "a", { depth: 0 })).toThrow(UsageError);
    expect(() => influencersOf(g, "a", { kinds: { social: { weight: 2 } } })).toThrow(/influencersOf: kinds.social.weight/);
  });
});

/** Independent reference: enumerate every simple path into T (≤ depth steps, no inner member of T). */
function bruteForce(g: PowerGraph, T: Set<string>, depth: number): Map<string, number> {
  const view = new InfluenceView(g);
  const out = new Map<string, number>();
  const cap = (x: string) => Math.max(1, view.inArcs(x).reduce((s, a) => s + a.weight, 0));
  const walk = (start: string, node: string, product: number, seen: Set<string>, steps: number): void => {
    for (const a of view.outArcs(node)) {
      if (seen.has(a.target)) continue;
      const p = (product * a.sign * a.weight) / cap(a.target);
      if (T.has(a.target)) out.set(start, (out.get(start) ?? 0) + p);
      else if (steps + 1 < depth) walk(start, a.target, p, new Set([...seen, a.target]), steps + 1);
    }
  };
  g.forEachNode((id) => {
    if (!T.has(id)) walk(id, id, 1, new Set([id]), 0);
  });
  return out;
}

function randomGraph(seed: number, n: number, m: number): PowerGraph {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const kinds = ["donation", "social", "conflict", "position", "appointment", "membership", "family"] as const;
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const rels = Array.from({ length: m }, () => {
    const from = ids[Math.floor(rnd() * n)]!;
    let to = ids[Math.floor(rnd() * n)]!;
    if (to === from) to = ids[(ids.indexOf(from) + 1) % n]!;
    return { from, to, kind: kinds[Math.floor(rnd() * kinds.length)]!, strength: 1 + Math.floor(rnd() * 5) };
  });
  return build(ids, rels);
}

describe("influencersOf against simple-path enumeration", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("random graph %i, depth 1…3", (seed) => {
    const g = randomGraph(seed, 12, 30);
    for (const depth of [1, 2, 3]) {
      const got = new Map(influencersOf(g, ["n0", "n1"], { depth, top: Infinity, pathsPerActor: 0, expandGroups: false, epsilon: 0 }).map((r) => [r.id, r.score]));
      const want = bruteForce(g, new Set(["n0", "n1"]), depth);
      for (const [id, v] of want) if (Math.abs(v) > 1e-12) expect(got.get(id), `${id} depth ${depth}`).toBeCloseTo(v, 10);
      for (const [id, v] of got) expect(want.get(id) ?? 0, `${id} depth ${depth}`).toBeCloseTo(v, 10);
    }
  });
});
