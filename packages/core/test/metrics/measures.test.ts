import { describe, expect, it } from "vitest";
import { NotFoundError, PowermapError, UsageError } from "../../src/errors.ts";
import { CENTRALITY_DEFAULTS, centrality, computeBetweenness, strongComponents, weakComponents, bfs, dijkstra } from "../../src/metrics/index.ts";
import { snapshotFromDocument } from "../../src/snapshot/index.ts";
import { documentOf, randomGraph } from "./helpers.ts";

describe("centrality options", () => {
  const snap = snapshotFromDocument(documentOf(["a", "b", "c"], [["a", "b"], ["b", "c"]]));

  it("defaults are frozen", () => {
    expect(Object.isFrozen(CENTRALITY_DEFAULTS)).toBe(true);
  });

  it.each([
    ["pagerank", { alpha: 1.5 }, /option "alpha"/],
    ["degree", { alpha: 0.5 }, /option "alpha" applies only to pagerank/],
    ["betweenness", { samples: 0 }, /option "samples"/],
    ["closeness", { direction: "sideways" }, /option "direction"/],
    ["degree", { colour: "red" }, /option "colour" is not an option/],
    ["indegree", { direction: "undirected" }, /option "direction"/],
    ["pagerank", { weight: "heaviness", weighted: true }, /option "weight"/],
    ["degree", { top: -1 }, /option "top"/],
  ] as const)("%s %j is rejected naming the option", (measure, opts, re) => {
    expect(() => centrality(snap, measure, opts as never)).toThrow(UsageError);
    expect(() => centrality(snap, measure, opts as never)).toThrow(re);
  });

  it("rejects an unknown measure and unknown personalization ids", () => {
    expect(() => centrality(snap, "fame" as never)).toThrow(/unknown measure/);
    expect(() => centrality(snap, "pagerank", { personalization: ["zz"] })).toThrow(NotFoundError);
  });

  it("rejects negative weights naming the relationship", () => {
    expect(() => centrality(snap, "degree", { weighted: true, weight: () => -1 })).toThrow(/relationship "r0"/);
  });

  it("top returns the best rows only, in the same order as the full ranking", () => {
    const { nodes, edges } = randomGraph(4, 200, 600);
    const s = snapshotFromDocument(documentOf(nodes, edges));
    const all = centrality(s, "pagerank");
    expect(centrality(s, "pagerank", { top: 10 })).toEqual(all.slice(0, 10));
    expect(centrality(s, "degree", { top: 20 })).toEqual(centrality(s, "degree").slice(0, 20));
  });
});

describe("pagerank details", () => {
  it("a personalized PageRank concentrates on the seed and its successors", () => {
    const s = snapshotFromDocument(documentOf(["a", "b", "c", "d"], [["a", "b"], ["b", "c"], ["c", "a"], ["d", "a"]]));
    const r = centrality(s, "pagerank", { personalization: ["d"] });
    expect(r.find((x) => x.id === "d")!.score).toBeCloseTo(0.15, 12);
    expect(r.reduce((t, x) => t + x.score, 0)).toBeCloseTo(1, 12);
  });

  it("throws instead of returning an unconverged vector", () => {
    const { nodes, edges } = randomGraph(5, 100, 400);
    const s = snapshotFromDocument(documentOf(nodes, edges));
    expect(() => centrality(s, "pagerank", { maxIterations: 2 })).toThrow(PowermapError);
  });

  it("eigenvector on a graph without cycles reports non-convergence", () => {
    const s = snapshotFromDocument(documentOf(["a", "b", "c"], [["a", "b"], ["b", "c"]]));
    expect(() => centrality(s, "eigenvector")).toThrow(/did not converge/);
    // The undirected view is fine (path graph P3: centre sqrt(2)/2).
    const r = centrality(s, "eigenvector", { direction: "undirected" });
    expect(r[0]).toMatchObject({ id: "b" });
    expect(r[0]!.score).toBeCloseTo(Math.SQRT1_2, 6);
  });
});

describe("sampled betweenness", () => {
  const { nodes, edges } = randomGraph(11, 400, 1600);
  const s = snapshotFromDocument(documentOf(nodes, edges));
  const exact = computeBetweenness(s, { direction: "directed", normalized: true, seed: 1, confidence: 0.95 });

  it("equals the exact value when every source is sampled", () => {
    const all = computeBetweenness(s, { direction: "directed", normalized: true, samples: 400, seed: 3, confidence: 0.95 });
    expect(all.exact).toBe(true);
    for (let v = 0; v < s.n; v++) expect(all.scores[v]).toBeCloseTo(exact.scores[v]!, 12);
  });

  it("stays within its stated error bound and is reproducible by seed", () => {
    const est = computeBetweenness(s, { direction: "directed", normalized: true, samples: 100, seed: 7, confidence: 0.95 });
    expect(est.exact).toBe(false);
    expect(est.errorBound!.confidence).toBe(0.95);
    let worst = 0;
    for (let v = 0; v < s.n; v++) worst = Math.max(worst, Math.abs(est.scores[v]! - exact.scores[v]!));
    expect(worst).toBeLessThanOrEqual(est.errorBound!.epsilon);
    // Informative, not just within a loose bound: the mean error is well below the mean score.
    let mae = 0;
    let mean = 0;
    for (let v = 0; v < s.n; v++) {
      mae += Math.abs(est.scores[v]! - exact.scores[v]!) / s.n;
      mean += exact.scores[v]! / s.n;
    }
    expect(mae).toBeLessThan(0.4 * mean);
    const again = computeBetweenness(s, { direction: "directed", normalized: true, samples: 100, seed: 7, confidence: 0.95 });
    expect([...again.scores]).toEqual([...est.scores]);
  });
});

describe("dijkstra on a multigraph", () => {
  it("takes the shortest of parallel relationships (either direction) and ignores self-loops", () => {
    // r0 a→b 5, r1 a→b 2 (parallel, shorter), r2 b→b 0 (self-loop), r3 b→c 1, r4 c→a 1, r5 a→c 9
    const snap = snapshotFromDocument(documentOf(["a", "b", "c"], [["a", "b"], ["a", "b"], ["b", "b"], ["b", "c"], ["c", "a"], ["a", "c"]]));
    const lengths = new Float64Array([5, 2, 0, 1, 1, 9]);
    const out = dijkstra(snap, 0, lengths, "out");
    expect([...out.dist]).toEqual([0, 2, 3]);
    expect([...out.predRel]).toEqual([-1, 1, 3]);
    const back = dijkstra(snap, 0, lengths, "in");
    expect([...back.dist]).toEqual([0, 2, 1]);
    expect([...back.predRel]).toEqual([-1, 3, 4]);
    const both = dijkstra(snap, 1, lengths, "both");
    expect([...both.dist]).toEqual([2, 0, 1]);
    expect(both.predRel[0]).toBe(1);
  });
});

describe("traversal and components at scale", () => {
  it("handles a 100 000-actor chain without recursion", { timeout: 60_000 }, () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const edges: [string, string][] = [];
    for (let i = 0; i + 1 < n; i++) edges.push([nodes[i]!, nodes[i + 1]!]);
    edges.push([nodes[n - 1]!, nodes[0]!]);
    const s = snapshotFromDocument(documentOf(nodes, edges));
    expect(strongComponents(s).count).toBe(1);
    expect(weakComponents(s).count).toBe(1);
    expect(bfs(s, 0).dist[n - 1]).toBe(n - 1);
    expect(bfs(s, 0, "in").dist[n - 1]).toBe(1);
  });

  it("numbers components in order of their first actor", () => {
    const s = snapshotFromDocument(documentOf(["a", "b", "c", "d", "e"], [["d", "e"], ["b", "a"], ["a", "b"]]));
    const w = weakComponents(s);
    expect([...w.labels]).toEqual([0, 0, 1, 2, 2]);
    expect([...w.sizes]).toEqual([2, 1, 2]);
    const st = strongComponents(s);
    expect(st.count).toBe(4);
    expect([...st.labels]).toEqual([0, 0, 1, 2, 3]);
  });
});

describe("centrality on a map with dates", () => {
  it("asOf drops relationships that are no longer current", () => {
    const doc = documentOf(["a", "b", "c"], [["a", "b"], ["c", "b"]]);
    doc.relationships[0]!.endDate = "2019";
    const now = centrality(snapshotFromDocument(doc), "indegree").find((r) => r.id === "b")!.score;
    const later = centrality(snapshotFromDocument(doc, { asOf: "2022" }), "indegree").find((r) => r.id === "b")!.score;
    expect(now).toBe(1);
    expect(later).toBe(0.5);
  });

  it("influence weights use the kind registry", () => {
    const doc = documentOf(["a", "b"], [["a", "b"]], "donation");
    doc.relationships[0]!.strength = 5;
    const r = centrality(snapshotFromDocument(doc), "indegree", { weighted: true, weight: "influence", normalized: false });
    expect(r[0]).toMatchObject({ id: "b", score: 0.8 });
  });
});

describe("tiny maps", () => {
  it.each([0, 1, 2])("every measure answers on a map of %i actor(s)", (n) => {
    const nodes = ["a", "b"].slice(0, n);
    const s = snapshotFromDocument(documentOf(nodes, n === 2 ? [["a", "b"]] : []));
    for (const m of ["degree", "indegree", "outdegree", "betweenness", "closeness", "pagerank"] as const) {
      const r = centrality(s, m);
      expect(r).toHaveLength(n);
      for (const x of r) expect(Number.isFinite(x.score)).toBe(true);
    }
  });
});
