import { DirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/dijkstra";
import { describe, expect, it } from "vitest";
import { currentFilter } from "../../src/analysis/current.ts";
import { resolveGroup } from "../../src/analysis/groups.ts";
import { influencersOf } from "../../src/analysis/influence.ts";
import { InfluenceView } from "../../src/analysis/influence-graph.ts";
import { pathsBetween } from "../../src/analysis/paths.ts";
import { brokers } from "../../src/analysis/brokers.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import { graphFromDocument } from "../../src/graph/from-document.ts";

const g = graphFromDocument(schoolBoardExample());
const counts = currentFilter(undefined);

describe("queries on the shipped school-board example", () => {
  it("the school board group is the body and its current position holders", () => {
    const group = resolveGroup(g, "the school board");
    expect(group.ids[0]).toBe("school-board");
    expect(group.ids).toContain("board-president");
    for (const m of group.members) {
      const rel = g.getEdgeAttributes(m.relationship);
      expect(rel.to).toBe("school-board");
      expect(counts(rel)).toBe(true);
    }
  });

  it("influencers of the board exclude its members, and every step is a current relationship of the map", () => {
    const group = new Set(resolveGroup(g, "school-board").ids);
    const res = influencersOf(g, "school-board");
    expect(res.length).toBeGreaterThan(3);
    for (const r of res) {
      expect(group.has(r.id)).toBe(false);
      expect(r.paths.length).toBeGreaterThan(0);
      for (const p of r.paths) {
        expect(p.steps[0]!.from.id).toBe(r.id);
        expect(group.has(p.steps.at(-1)!.to.id)).toBe(true);
        for (const s of p.steps) {
          const rel = g.getEdgeAttributes(s.relationship.id);
          expect(counts(rel)).toBe(true);
          expect(s.along === "forward" ? [rel.from, rel.to] : [rel.to, rel.from]).toEqual([s.from.id, s.to.id]);
        }
      }
    }
    // Sorted by |score|, and the exact computation agrees with the default (pruned) one here.
    const exact = influencersOf(g, "school-board", { epsilon: 0, pathsPerActor: 0 });
    expect(exact.map((r) => r.id)).toEqual(res.map((r) => r.id));
    for (let i = 1; i < res.length; i++) expect(Math.abs(res[i - 1]!.score)).toBeGreaterThanOrEqual(Math.abs(res[i]!.score));
  });

  it("the best path from the union to the board president matches graphology's Dijkstra", () => {
    // Independent reference: a simple digraph with the cheapest −ln(weight) per ordered pair.
    const view = new InfluenceView(g, { includeOpposition: false });
    const ref = new DirectedGraph<Record<string, never>, { cost: number }>();
    g.forEachNode((id) => ref.addNode(id));
    g.forEachNode((id) => {
      if (id === "board-president") return; // the target is a sink
      for (const a of view.outArcs(id)) {
        const cost = -Math.log(a.weight);
        if (a.target === "union-local") continue; // paths do not come back through the start
        const old = ref.hasEdge(id, a.target) ? ref.getEdgeAttribute(id, a.target, "cost") : Infinity;
        if (cost < old) ref.mergeEdge(id, a.target, { cost });
      }
    });
    const nodes = bidirectional(ref, "union-local", "board-president", "cost")!;
    let want = 0;
    for (let i = 1; i < nodes.length; i++) want += ref.getEdgeAttribute(nodes[i - 1]!, nodes[i]!, "cost");

    const paths = pathsBetween(g, "union-local", "board-president", { k: 4 });
    expect(paths).toHaveLength(4);
    expect(paths[0]!.cost).toBeCloseTo(want, 12);
    for (let i = 1; i < paths.length; i++) expect(paths[i]!.cost).toBeGreaterThanOrEqual(paths[i - 1]!.cost - 1e-12);
    for (const p of paths) {
      const ids = [p.steps[0]!.from.id, ...p.steps.map((s) => s.to.id)];
      expect(new Set(ids).size).toBe(ids.length); // loopless
      expect(ids[0]).toBe("union-local");
      expect(ids.at(-1)).toBe("board-president");
      expect(p.score).toBeCloseTo(Math.exp(-p.cost), 12);
    }
    // "own" starts from every actor with role own, so it can only do as well or better.
    expect(pathsBetween(g, "own", "board-president", { k: 1 })[0]!.cost).toBeLessThanOrEqual(paths[0]!.cost + 1e-12);
  });

  it("brokers between the union and the board are neither union nor board members", () => {
    const members = new Set([...resolveGroup(g, "union-local").ids, ...resolveGroup(g, "school-board").ids]);
    const res = brokers(g, "union-local", "school-board");
    expect(res.length).toBeGreaterThan(0);
    for (const b of res) {
      expect(members.has(b.id)).toBe(false);
      expect(b.score).toBeGreaterThan(0);
      expect(b.score).toBeLessThanOrEqual(1);
    }
  });
});
