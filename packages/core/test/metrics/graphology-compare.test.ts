// Compares the snapshot measures with graphology-metrics / graphology-shortest-path /
// graphology-components on seeded random graphs. Tolerance: 1e-9 for exact measures (betweenness,
// closeness, degree), 1e-6 for iterative ones (graphology stops at an L1 change < n·1e-12 here).
import { DirectedGraph, UndirectedGraph } from "graphology";
import betweenness from "graphology-metrics/centrality/betweenness.js";
import closeness from "graphology-metrics/centrality/closeness.js";
import eigenvector from "graphology-metrics/centrality/eigenvector.js";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import { degreeCentrality } from "graphology-metrics/centrality/degree.js";
import { singleSourceLength } from "graphology-shortest-path/unweighted.js";
import { singleSource as dijkstraSingleSource } from "graphology-shortest-path/dijkstra.js";
import { connectedComponents, stronglyConnectedComponents } from "graphology-components";
import { describe, expect, it } from "vitest";
import { bfs, centrality, dijkstra, strongComponents, weakComponents, type CentralityMeasure, type CentralityOptions } from "../../src/metrics/index.ts";
import { snapshotFromDocument } from "../../src/snapshot/index.ts";
import { customW, documentOf, randomGraph } from "./helpers.ts";

const SEEDS = [1, 2, 3];

function setup(seed: number, n = 60, m = 150) {
  const { nodes, edges } = randomGraph(seed, n, m);
  const snap = snapshotFromDocument(documentOf(nodes, edges));
  const dg = new DirectedGraph();
  const ug = new UndirectedGraph();
  for (const id of nodes) {
    dg.addNode(id);
    ug.addNode(id);
  }
  for (const [a, b, w] of edges) {
    dg.addEdge(a, b, { weight: w });
    ug.addEdge(a, b, { weight: w });
  }
  return { nodes, edges, snap, dg, ug };
}

function scoresOf(snap: ReturnType<typeof snapshotFromDocument>, measure: CentralityMeasure, opts: CentralityOptions): Record<string, number> {
  return Object.fromEntries(centrality(snap, measure, opts).map((r) => [r.id, r.score]));
}

function expectClose(got: Record<string, number>, want: Record<string, number>, tol: number): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [id, w] of Object.entries(want)) {
    if (!(Math.abs(got[id]! - w) <= tol)) expect.fail(`${id}: got ${got[id]}, graphology ${w}`);
  }
}

describe.each(SEEDS)("random graph seed %i vs graphology", (seed) => {
  const { nodes, edges, snap, dg, ug } = setup(seed);

  it("betweenness, unweighted, directed and undirected", () => {
    expectClose(scoresOf(snap, "betweenness", {}), betweenness(dg, { getEdgeWeight: null }), 1e-9);
    expectClose(scoresOf(snap, "betweenness", { direction: "undirected" }), betweenness(ug, { getEdgeWeight: null }), 1e-9);
  });

  it("betweenness, weighted (length = weight)", () => {
    expectClose(scoresOf(snap, "betweenness", { weighted: true, weight: customW, distance: "weight" }), betweenness(dg, { getEdgeWeight: "weight" }), 1e-9);
  });

  it("closeness (Wasserman–Faust)", () => {
    expectClose(scoresOf(snap, "closeness", {}), closeness(dg, { wassermanFaust: true }), 1e-9);
    expectClose(scoresOf(snap, "closeness", { direction: "undirected" }), closeness(ug, { wassermanFaust: true }), 1e-9);
  });

  it("degree", () => {
    expectClose(scoresOf(snap, "degree", {}), degreeCentrality(dg), 1e-12);
  });

  it("pagerank, unweighted and weighted", () => {
    expectClose(scoresOf(snap, "pagerank", { tolerance: 1e-12 }), pagerank(dg, { getEdgeWeight: null, tolerance: 1e-13 }), 1e-6);
    expectClose(
      scoresOf(snap, "pagerank", { tolerance: 1e-12, weighted: true, weight: customW }),
      pagerank(dg, { getEdgeWeight: "weight", tolerance: 1e-13 }),
      1e-6,
    );
  });

  it("eigenvector (undirected)", () => {
    expectClose(scoresOf(snap, "eigenvector", { direction: "undirected", tolerance: 1e-12 }), eigenvector(ug, { getEdgeWeight: null, tolerance: 1e-13, maxIterations: 100000 }), 1e-6);
  });

  it("BFS and Dijkstra from every tenth actor", () => {
    for (let s = 0; s < nodes.length; s += 10) {
      const lengths = singleSourceLength(dg, nodes[s]!);
      const got = bfs(snap, s, "out");
      for (let v = 0; v < nodes.length; v++) expect(got.dist[v]).toBe(lengths[nodes[v]!] ?? -1);
      const w = new Float64Array(edges.map((e) => e[2]));
      const dj = dijkstra(snap, s, w, "out");
      const paths = dijkstraSingleSource(dg, nodes[s]!, "weight");
      for (let v = 0; v < nodes.length; v++) {
        const p = paths[nodes[v]!];
        if (!p) {
          expect(dj.dist[v]).toBe(Infinity);
          continue;
        }
        let len = 0;
        for (let i = 1; i < p.length; i++) len += dg.getEdgeAttribute(dg.edge(p[i - 1]!, p[i]!)!, "weight") as number;
        expect(dj.dist[v]).toBe(len);
        // Walking the predecessor tree back reproduces the distance.
        let x = v;
        let back = 0;
        while (dj.pred[x]! >= 0) {
          back += w[dj.predRel[x]!]!;
          x = dj.pred[x]!;
        }
        expect(x).toBe(s);
        expect(back).toBe(len);
      }
    }
  });

  it("weakly and strongly connected components", () => {
    const canon = (groups: string[][]) => groups.map((g) => [...g].sort().join(",")).sort();
    const group = (labels: Int32Array, count: number) => {
      const out: string[][] = Array.from({ length: count }, () => []);
      labels.forEach((c, v) => out[c]!.push(nodes[v]!));
      return out;
    };
    const wcc = weakComponents(snap);
    expect(canon(group(wcc.labels, wcc.count))).toEqual(canon(connectedComponents(dg)));
    const scc = strongComponents(snap);
    expect(canon(group(scc.labels, scc.count))).toEqual(canon(stronglyConnectedComponents(dg)));
  });
});

describe("sparse random graphs (many components)", () => {
  it("components and closeness agree on a graph with isolated parts", () => {
    const { snap, dg } = setup(9, 80, 60);
    const wcc = weakComponents(snap);
    expect(wcc.count).toBe(connectedComponents(dg).length);
    expect(wcc.count).toBeGreaterThan(5);
    expect(strongComponents(snap).count).toBe(stronglyConnectedComponents(dg).length);
    expectClose(scoresOf(snap, "closeness", {}), closeness(dg, { wassermanFaust: true }), 1e-9);
    expectClose(scoresOf(snap, "betweenness", {}), betweenness(dg, { getEdgeWeight: null }), 1e-9);
  });
});
