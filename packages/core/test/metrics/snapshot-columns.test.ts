import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { graphFromDocument } from "../../src/graph/from-document.ts";
import { PowerMap } from "../../src/graph/power-map.ts";
import { buildSnapshot, snapshotFromDocument, snapshotOf, structureRevision } from "../../src/snapshot/index.ts";
import { influenceArraysOf, stepsOf, tiesOf, type InfluenceArrays } from "../../src/analysis/influence-arrays.ts";
import type { AnalysisSnapshot } from "../../src/snapshot/types.ts";
import type { PowerGraph } from "../../src/graph/types.ts";
import type { Actor } from "../../src/schema/actor.ts";
import type { Meta } from "../../src/schema/document.ts";
import type { Relationship } from "../../src/schema/relationship.ts";
import { mulberry32 } from "../../src/metrics/random.ts";

// buildSnapshot reads columns that graphology's events keep in step with the graph (see
// src/snapshot/columns.ts). The reference here walks the graph itself and builds the snapshot
// from those arrays by id lookup, so any missed or misapplied event shows up as a difference.

function layout(s: AnalysisSnapshot): unknown {
  return {
    ids: [...s.ids],
    names: [...s.names],
    rels: s.relationships.map((r) => r.id),
    kinds: [...s.relKinds],
    weights: [...s.relWeights],
    arrays: [s.outOffsets, s.outTargets, s.outRel, s.inOffsets, s.inSources, s.inRel].map((a) => [...a]),
  };
}

function walked(graph: PowerGraph, asOf?: string): AnalysisSnapshot {
  const actors = graph.mapNodes((_k, a) => a);
  const relationships = graph.mapEdges((_k, r, source, target) => ({ ...r, from: source, to: target }));
  return snapshotFromDocument({ actors, relationships }, { asOf });
}

const actor = (id: string, name = id.toUpperCase()): Actor => ({ id, name, kind: "person" }) as Actor;
const rel = (id: string, from: string, to: string, strength = 3, end?: string): Relationship =>
  ({ id, from, to, kind: "donation", strength, ...(end ? { end } : {}) }) as Relationship;

/** Random edits straight on a graphology graph, covering every event the columns follow. */
function randomEdits(graph: PowerGraph, seed: number, steps: number, check: (step: number) => void): void {
  const rnd = mulberry32(seed);
  const nodes = (): string[] => graph.nodes();
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let next = 0;
  for (let step = 0; step < steps; step++) {
    const x = rnd();
    const ns = nodes();
    if (x < 0.25 || ns.length < 3) {
      const id = `n${next++}`;
      graph.addNode(id, actor(id));
    } else if (x < 0.55) {
      const f = pick(ns);
      const t = rnd() < 0.1 ? f : pick(ns);
      const id = `e${next++}`;
      graph.addDirectedEdgeWithKey(id, f, t, rel(id, f, t, 1 + Math.floor(rnd() * 5), rnd() < 0.3 ? "2015" : undefined));
    } else if (x < 0.65 && graph.size > 0) {
      graph.dropEdge(pick(graph.edges()));
    } else if (x < 0.72) {
      graph.dropNode(pick(ns));
    } else if (x < 0.8) {
      const id = pick(ns);
      graph.replaceNodeAttributes(id, actor(id, `renamed ${step}`));
    } else if (x < 0.88 && graph.size > 0) {
      const e = pick(graph.edges());
      graph.replaceEdgeAttributes(e, rel(e, graph.source(e), graph.target(e), 5));
    } else if (x < 0.93 && graph.size > 0) {
      graph.mergeEdgeAttributes(pick(graph.edges()), { strength: 2 });
    } else if (x < 0.96) {
      graph.updateEachEdgeAttributes((_k, r) => ({ ...r, strength: 4 }));
    } else if (x < 0.98) {
      graph.updateEachNodeAttributes((_k, a) => ({ ...a, name: `all ${step}` }));
    } else if (x < 0.99) {
      graph.clearEdges();
    } else {
      graph.clear();
    }
    check(step);
  }
}

describe("buildSnapshot follows the graph through its change events", () => {
  it("matches a walk of the graph after every random edit, with and without asOf", () => {
    for (const seed of [1, 2, 3, 4]) {
      const graph: PowerGraph = new MultiDirectedGraph<Actor, Relationship, Meta>({ allowSelfLoops: true });
      buildSnapshot(graph); // columns attached to the empty graph, filled by events from here on
      randomEdits(graph, seed, 400, (step) => {
        if (step % 7 !== 0) return;
        expect(layout(buildSnapshot(graph)), `seed ${seed} step ${step}`).toEqual(layout(walked(graph)));
        expect(layout(buildSnapshot(graph, { asOf: "2020" }))).toEqual(layout(walked(graph, "2020")));
      });
    }
  });

  it("never changes an earlier snapshot, read only after later random edits", () => {
    for (const seed of [5, 6, 7]) {
      const graph: PowerGraph = new MultiDirectedGraph<Actor, Relationship, Meta>({ allowSelfLoops: true });
      buildSnapshot(graph);
      // Each kept snapshot is built (borrowing the columns) but read only steps later, so a
      // column written in place instead of copied would show up in its layout.
      const kept: { snap: AnalysisSnapshot; expected: unknown; step: number }[] = [];
      randomEdits(graph, seed, 300, (step) => {
        for (const k of kept) expect(layout(k.snap), `seed ${seed}: snapshot of step ${k.step}, read at step ${step}`).toEqual(k.expected);
        kept.length = 0;
        if (step % 2 === 0) kept.push({ snap: buildSnapshot(graph), expected: layout(walked(graph)), step });
      });
    }
  });

  it("starts from a walk when first used on a graph that already has content", () => {
    const graph = new MultiDirectedGraph<Actor, Relationship, Meta>({ allowSelfLoops: true });
    for (const id of ["a", "b", "c"]) graph.addNode(id, actor(id));
    graph.addDirectedEdgeWithKey("r1", "a", "b", rel("r1", "a", "b"));
    graph.addDirectedEdgeWithKey("r2", "c", "a", rel("r2", "c", "a"));
    expect(layout(buildSnapshot(graph))).toEqual(layout(walked(graph)));
    graph.dropNode("a");
    expect(layout(buildSnapshot(graph))).toEqual(layout(walked(graph)));
  });

  it("squeezes out holes after mass removals and keeps the graph's order", () => {
    const graph = new MultiDirectedGraph<Actor, Relationship, Meta>({ allowSelfLoops: true });
    buildSnapshot(graph);
    for (let i = 0; i < 600; i++) graph.addNode(`a${i}`, actor(`a${i}`));
    for (let i = 0; i < 3000; i++) graph.addDirectedEdgeWithKey(`r${i}`, `a${i % 600}`, `a${(i * 7) % 600}`, rel(`r${i}`, `a${i % 600}`, `a${(i * 7) % 600}`));
    for (let i = 0; i < 3000; i += 3) graph.dropEdge(`r${i}`);
    for (let i = 0; i < 600; i += 2) graph.dropNode(`a${i}`);
    expect(graph.size).toBeGreaterThan(0);
    expect(layout(buildSnapshot(graph))).toEqual(layout(walked(graph)));
    graph.addNode("late", actor("late"));
    graph.addDirectedEdgeWithKey("last", "late", "a1", rel("last", "late", "a1"));
    expect(layout(buildSnapshot(graph))).toEqual(layout(walked(graph)));
  });

  it("never changes a snapshot already built (the columns it borrowed are copied on the next edit)", () => {
    const graph = graphFromDocument({
      format: "powermap",
      version: 1,
      meta: {},
      actors: ["a", "b", "c"].map((id) => actor(id)),
      relationships: [rel("r1", "a", "b"), rel("r2", "b", "c")],
    } as never);
    const before = buildSnapshot(graph);
    const frozen = JSON.stringify(layout(before));
    // Not read until after the edits: its arcs are sorted lazily from the borrowed end columns.
    const untouched = buildSnapshot(graph);
    graph.replaceNodeAttributes("a", actor("a", "Changed"));
    graph.addNode("d", actor("d"));
    graph.addDirectedEdgeWithKey("r3", "c", "d", rel("r3", "c", "d"));
    graph.replaceEdgeAttributes("r1", rel("r1", "a", "b", 5));
    graph.dropEdge("r2");
    expect(JSON.stringify(layout(before))).toBe(frozen);
    expect(JSON.stringify(layout(untouched))).toBe(frozen);
    expect(layout(buildSnapshot(graph))).toEqual(layout(walked(graph)));
  });

  it("follows a PowerMap through edits, undo, redo and replaceDocument", () => {
    const map = PowerMap.fromDocument({ format: "powermap", version: 1, meta: { title: "t" }, actors: [], relationships: [] } as never);
    const rnd = mulberry32(7);
    for (let step = 0; step < 200; step++) {
      const ids = map.actors().map((a) => a.id);
      const x = rnd();
      if (x < 0.3 || ids.length < 2) map.addActor({ name: `Actor ${step}`, kind: "person" });
      else if (x < 0.6) map.addRelationship({ from: ids[Math.floor(rnd() * ids.length)]!, to: ids[Math.floor(rnd() * ids.length)]!, kind: "donation" });
      else if (x < 0.7) map.removeActor(ids[Math.floor(rnd() * ids.length)]!);
      else if (x < 0.8) map.updateActor(ids[Math.floor(rnd() * ids.length)]!, { name: `Renamed ${step}` });
      else if (x < 0.9) map.undo();
      else map.redo();
      if (step % 5 === 0) expect(layout(buildSnapshot(map.graph))).toEqual(layout(walked(map.graph)));
    }
    const doc = map.toDocument();
    map.replaceDocument({ ...doc, actors: doc.actors.slice(1), relationships: doc.relationships.filter((r) => r.from !== doc.actors[0]!.id && r.to !== doc.actors[0]!.id) });
    expect(layout(buildSnapshot(map.graph))).toEqual(layout(walked(map.graph)));
    map.undo();
    expect(layout(buildSnapshot(map.graph))).toEqual(layout(walked(map.graph)));
  });
});

// snapshotOf passes the previous revision's snapshot to the next build: when only actors changed
// since (added or edited), the sorted arcs and the influence arrays are carried over, extended to
// the new actors, instead of rebuilt. Compared here with snapshots and views built from scratch.
describe("snapshotOf carries structure over edits that touch only actors", () => {
  const view = (v: InfluenceArrays): unknown => {
    const t = tiesOf(v);
    const steps = [stepsOf(v, true), stepsOf(v, false)];
    const arrays = [v.arcFrom, v.arcTo, v.arcWeight, v.arcSign, v.arcRel, v.arcBackward, v.outOffsets, v.cap, t.offsets, t.source, t.weight, t.back];
    for (const s of steps) arrays.push(s.outOffsets, s.outTo, s.outArc, s.outCost, s.inOffsets, s.inFrom, s.inCost);
    return { n: v.n, ids: [...v.snap.ids], arrays: arrays.map((a) => [...a]) };
  };

  it("gives what a build from scratch gives, after every random edit", () => {
    let carried = 0;
    for (const seed of [11, 12, 13]) {
      const graph: PowerGraph = new MultiDirectedGraph<Actor, Relationship, Meta>({ allowSelfLoops: true });
      snapshotOf(graph);
      randomEdits(graph, seed, 300, (step) => {
        const snap = snapshotOf(graph);
        if (snap.sameRelationships) carried++;
        const fresh = walked(graph);
        expect(layout(snap), `seed ${seed} step ${step}`).toEqual(layout(fresh));
        for (const id of fresh.ids) expect(snap.index.get(id)).toBe(fresh.index.get(id));
        expect(snap.index.get("no such actor")).toBeUndefined();
        expect([...snap.index].sort()).toEqual([...fresh.index].sort());
        // Influence arrays (with ties and steps, so those are carried too) against a fresh build.
        expect(view(influenceArraysOf(graph, {}, "test")), `seed ${seed} step ${step}`).toEqual(view(influenceArraysOf(buildSnapshot(graph) as never, {}, "test")));
      });
    }
    // The edits above add or rename actors about a third of the time.
    expect(carried).toBeGreaterThan(150);
  });

  it("follows a PowerMap: moving and adding actors keeps the arcs, a new relationship does not", () => {
    const map = PowerMap.fromDocument({
      format: "powermap",
      version: 1,
      meta: {},
      actors: ["a", "b", "c"].map((id) => actor(id)),
      relationships: [rel("r1", "a", "b"), rel("r2", "b", "c")],
    } as never);
    const first = snapshotOf(map);
    const arcs = first.inSources;
    map.updateActor("a", { position: { x: 1, y: 2 } });
    map.addActor({ id: "d", name: "D", kind: "person" });
    const second = snapshotOf(map);
    expect(second).not.toBe(first);
    expect(second.sameRelationships).toBe(first);
    expect(second.inSources).toBe(arcs);
    expect([...second.inOffsets]).toEqual([0, 0, 1, 2, 2]);
    map.addRelationship({ from: "d", to: "a", kind: "donation" });
    const third = snapshotOf(map);
    expect(third.sameRelationships).toBeUndefined();
    expect(layout(third)).toEqual(layout(walked(map.graph)));
    map.updateRelationship(third.relationships[0]!.id, { strength: 5 });
    const fourth = snapshotOf(map);
    // Same arcs, new strength: the arcs are carried, views of the relationships are not.
    expect(fourth.sameRelationships).toBeUndefined();
    expect(layout(fourth)).toEqual(layout(walked(map.graph)));
  });
});

describe("structureRevision", () => {
  it("changes with what measures read (actors added or removed, relationships) and only then", () => {
    const map = PowerMap.fromDocument({ format: "powermap", version: 1, meta: {}, actors: ["a", "b"].map((id) => actor(id)), relationships: [rel("r1", "a", "b")] } as never);
    const seen = new Set<string>();
    const same = (edit: () => void): void => {
      const before = structureRevision(map);
      edit();
      expect(structureRevision(map)).toBe(before);
    };
    const changes = (edit: () => void): void => {
      seen.add(structureRevision(map));
      edit();
      expect(seen.has(structureRevision(map))).toBe(false); // never back to an earlier key
    };
    same(() => map.updateActor("a", { name: "Renamed", position: { x: 1, y: 1 }, stance: 2 }));
    changes(() => map.addActor({ id: "c", name: "C", kind: "person" }));
    same(() => map.updateActor("c", { power: 3 }));
    changes(() => map.addRelationship({ id: "r2", from: "c", to: "a", kind: "donation" }));
    changes(() => map.updateRelationship("r2", { strength: 5 }));
    changes(() => map.removeRelationship("r1"));
    changes(() => map.undo());
    changes(() => map.removeActor("b"));
    changes(() => map.replaceDocument(map.toDocument()));
  });
});
