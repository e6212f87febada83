// Compares every measure with networkx on Zachary's karate club, Padgett's Florentine families, a
// small weighted digraph and a multigraph with parallel relationships and a self-loop. Expected
// values: packages/core/test/datasets/networkx-fixtures.json, made by make_fixtures.py (command in
// its header). Tolerance: 1e-6 absolute per actor (iterative measures run to tolerance 1e-12).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { centrality, type CentralityMeasure, type CentralityOptions } from "../../src/metrics/index.ts";
import { snapshotFromDocument } from "../../src/snapshot/index.ts";
import { graphFromDocument } from "../../src/graph/from-document.ts";
import { customW, documentOf } from "./helpers.ts";

interface FixtureCase {
  measure: CentralityMeasure;
  options: CentralityOptions & { weightAttr?: string };
  networkx: string;
  expected: Record<string, number>;
}
interface FixtureGraph {
  name: string;
  directed: boolean;
  nodes: string[];
  edges: [string, string, number?][];
  cases: FixtureCase[];
}
const fixtures = JSON.parse(readFileSync(new URL("../datasets/networkx-fixtures.json", import.meta.url), "utf8")) as { graphs: FixtureGraph[] };

const TOL = 1e-6;

function ourOptions(c: FixtureCase): CentralityOptions {
  const { weightAttr, ...rest } = c.options;
  const o: CentralityOptions = { ...rest };
  if (weightAttr) o.weight = customW;
  if (c.measure === "pagerank" || c.measure === "eigenvector") o.tolerance = 1e-12;
  return o;
}

describe.each(fixtures.graphs.map((g) => [g.name, g] as const))("networkx fixtures: %s", (_name, g) => {
  const doc = documentOf(g.nodes, g.edges, g.directed ? "influence" : "social");
  const graph = graphFromDocument(doc);
  const fromDoc = snapshotFromDocument(doc);

  it("has the fixture's size", () => {
    expect(graph.order).toBe(g.nodes.length);
    expect(fromDoc.m).toBe(g.edges.length);
  });

  it.each(g.cases.map((c) => [`${c.measure} ${JSON.stringify(c.options)} ~ ${c.networkx}`, c] as const))("%s", (_label, c) => {
    for (const input of [graph, fromDoc]) {
      const ranked = centrality(input, c.measure, ourOptions(c));
      expect(ranked).toHaveLength(g.nodes.length);
      const got = Object.fromEntries(ranked.map((r) => [r.id, r.score]));
      for (const [id, want] of Object.entries(c.expected)) {
        const diff = Math.abs(got[id]! - want);
        if (!(diff <= TOL)) expect.fail(`${c.measure} of ${id}: got ${got[id]}, networkx ${want} (diff ${diff})`);
      }
      // Best first, ties by id.
      for (let i = 1; i < ranked.length; i++) {
        const a = ranked[i - 1]!;
        const b = ranked[i]!;
        expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
      }
    }
  });
});

describe("default tolerances", () => {
  const g = fixtures.graphs.find((x) => x.name === "karate")!;
  const graph = graphFromDocument(documentOf(g.nodes, g.edges, "social"));
  it.each(["pagerank", "eigenvector"] as const)("%s at the default tolerance is within 1e-5 of the converged value", (measure) => {
    const c = g.cases.find((x) => x.measure === measure && Object.keys(x.options).length === 1)!;
    for (const r of centrality(graph, measure, { direction: "undirected" })) expect(Math.abs(r.score - c.expected[r.id]!)).toBeLessThan(1e-5);
  });
});
