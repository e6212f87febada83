// The FA2 matrices built in slices (fa2-prepare.ts, fa2-matrices.ts) against graphology's own
// builder (`graphToByteArrays`, what its synchronous forceAtlas2 iterates on): byte for byte on
// random graphs with parallel edges, self-loops, odd weights and fixed nodes, whatever the slice
// size; an edit between two slices that FA2 depends on restarts the build (the result is the
// edited graph's), a restyle does not; a cancelled preparation runs no further slice.
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import { createEdgeWeightGetter } from "graphology-utils/getters";
import { mulberry32 } from "@powermap/core";
import { layoutMatrices, layoutSettings, prepareMatrices, type LayoutMatrices } from "../src/layouts/fa2-matrices.ts";
import { prepareLayout, type PrepareClock } from "../src/layouts/fa2-prepare.ts";
import { createFa2Engine } from "../src/layouts/fa2-engine.ts";
import type { LayoutMessage } from "../src/layouts/fa2-protocol.ts";

type G = MultiDirectedGraph<{ x: number; y: number; size?: number; fixed?: boolean; color?: string }, { size?: unknown; color?: string }>;

/** n nodes, m edges between random ends (parallel edges and self-loops happen), odd weights and sizes. */
function randomGraph(n: number, m: number, seed: number): G {
  const r = mulberry32(seed);
  const graph: G = new MultiDirectedGraph();
  for (let i = 0; i < n; i++) {
    const a: G extends MultiDirectedGraph<infer N> ? N : never = { x: r() * 2000 - 1000, y: r() * 2000 - 1000 };
    if (r() < 0.8) a.size = 1 + r() * 9;
    if (r() < 0.05) a.fixed = true;
    graph.addNode(`v${i}`, a);
  }
  const weights: unknown[] = [undefined, Number.NaN, "3", 0, 0.25];
  for (let e = 0; e < m; e++) {
    const s = Math.floor(r() * n);
    const t = r() < 0.05 ? s : r() < 0.1 ? (s + 1) % n : Math.floor(r() * n); // self-loops, repeated pairs
    const size = r() < 0.2 ? weights[Math.floor(r() * weights.length)] : 1 + Math.floor(r() * 5) + r();
    graph.addEdge(`v${s}`, `v${t}`, size === undefined ? {} : { size });
  }
  // A few more parallel edges on one pair.
  for (let k = 0; k < 3 && n > 1; k++) graph.addEdge("v0", "v1", { size: k + 1 });
  return graph;
}

/** graphology's matrices, with the weight getter its forceAtlas2 makes of `getEdgeWeight: "size"`. */
function reference(graph: G) {
  return graphToByteArrays(graph, createEdgeWeightGetter("size").fromEntry as Parameters<typeof graphToByteArrays>[1]);
}

const bytes = (a: Float32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function expectSameAsLibrary(graph: G, m: LayoutMatrices) {
  const ref = reference(graph);
  expect(m.nodes.length).toBe(ref.nodes.length);
  expect(m.edges.length).toBe(ref.edges.length);
  expect(Buffer.compare(bytes(m.nodes), bytes(ref.nodes))).toBe(0);
  expect(Buffer.compare(bytes(m.edges), bytes(ref.edges))).toBe(0);
  expect(m.ids).toEqual(graph.nodes());
  const start = graph.nodes().flatMap((id) => [graph.getNodeAttribute(id, "x"), graph.getNodeAttribute(id, "y")]);
  expect([...m.start]).toEqual(start); // full precision, not the Float32 of the matrix
  graph.nodes().forEach((id, i) => expect(m.index.get(id)).toBe(i));
}

/** A clock advancing 1 ms per reading; deferred slices run when pumped. */
function steppedClock() {
  let t = 0;
  const queue: (() => void)[] = [];
  const clock: PrepareClock = { now: () => ++t, defer: (fn) => void queue.push(fn) };
  return { clock, queue, pumpOne: () => queue.shift()?.(), pump: () => { while (queue.length) queue.shift()!(); } };
}

describe("FA2 matrices built in slices = graphology's graphToByteArrays", () => {
  for (const [n, m, seed] of [
    [1, 0, 1],
    [2, 3, 2],
    [300, 900, 3],
    [1500, 7000, 4],
    [4000, 2000, 5],
  ] as const)
    it(`byte for byte: ${n} nodes, ${m}+ edges`, () => {
      const graph = randomGraph(n, m, seed);
      expectSameAsLibrary(graph, layoutMatrices(graph));
      for (const budget of [1, 3, 10]) {
        const c = steppedClock();
        const build = prepareMatrices(graph, c.clock.now);
        let out: LayoutMatrices | null = null;
        let steps = 0;
        let done = 0;
        while (!out) {
          out = build.step(budget);
          steps++;
          expect(build.done).toBeGreaterThanOrEqual(done);
          done = build.done;
          expect(steps).toBeLessThan(1e5);
        }
        if (n + m > 2000) expect(steps).toBeGreaterThan(1); // really sliced
        expectSameAsLibrary(graph, out);
      }
    });

  it("an empty graph gives empty matrices", () => {
    const m = layoutMatrices(new MultiDirectedGraph());
    expect([m.ids.length, m.nodes.length, m.edges.length, m.start.length]).toEqual([0, 0, 0, 0]);
  });
});

/** Prepares `graph` in slices, running `between(k)` before slice k (k ≥ 1); returns the result and the restarts. */
function prepareWith(graph: G, between: (k: number) => void) {
  const c = steppedClock();
  let ready: LayoutMatrices | null = null;
  let restarts = 0;
  let slices = 0;
  prepareLayout(graph, (m) => (ready = m), { clock: c.clock, sliceMs: 2, onProgress: (_d, r) => (restarts = r) });
  while (c.queue.length) {
    if (slices > 0) between(slices);
    c.pumpOne();
    slices++;
  }
  return { ready: ready as LayoutMatrices | null, restarts, slices };
}

describe("prepareLayout: the graph changing between slices", () => {
  const edits: [string, (g: G) => void][] = [
    ["a node added", (g) => g.addNode("new", { x: 5, y: 6 })],
    ["a node dropped", (g) => g.dropNode("v7")],
    ["an edge added", (g) => g.addEdge("v3", "v9", { size: 4 })],
    ["an edge dropped", (g) => g.dropEdge(g.edges()[10]!)],
    ["a node moved (set x)", (g) => g.setNodeAttribute("v1", "x", 12345)],
    ["a node moved (merge y)", (g) => g.mergeNodeAttributes("v2", { y: -777 })],
    ["a node fixed", (g) => g.setNodeAttribute("v2", "fixed", true)],
    ["an edge weight changed", (g) => g.setEdgeAttribute(g.edges()[0]!, "size", 9)],
    ["an edge's attributes replaced", (g) => g.replaceEdgeAttributes(g.edges()[1]!, { size: 2.5 })],
    ["every node updated without hints", (g) => g.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.x + 1 }))],
    ["every edge updated, hinted as weights", (g) => g.updateEachEdgeAttributes((_id, a) => ({ ...a, size: 2 }), { attributes: ["size"] })],
    ["the graph cleared and refilled", (g) => { g.clear(); g.addNode("only", { x: 1, y: 2 }); }],
  ];
  for (const [what, edit] of edits)
    it(`${what}: starts again; the matrices are the edited graph's`, () => {
      const graph = randomGraph(1200, 4000, 21);
      const { ready, restarts, slices } = prepareWith(graph, (k) => k === 3 && edit(graph));
      expect(slices).toBeGreaterThanOrEqual(4); // the edit came mid-build (and restarts would be 0 otherwise)
      expect(restarts).toBe(1);
      expectSameAsLibrary(graph, ready!);
    });

  it("a restyle (colours, hinted bulk colour) does not restart; the matrices are unchanged", () => {
    const graph = randomGraph(1200, 4000, 22);
    const { ready, restarts } = prepareWith(graph, (k) => {
      if (k === 2) graph.setNodeAttribute("v1", "color", "#f00");
      if (k === 3) graph.updateEachNodeAttributes((_id, a) => ({ ...a, color: "#0f0" }), { attributes: ["color"] });
      if (k === 4) graph.mergeEdgeAttributes(graph.edges()[0]!, { color: "#00f" });
    });
    expect(restarts).toBe(0);
    expectSameAsLibrary(graph, ready!);
  });

  it("node sizes changing meanwhile do not restart, and cannot change the layout (FA2 without adjustSizes never reads them)", () => {
    const graph = randomGraph(600, 1800, 23);
    const { ready, restarts } = prepareWith(graph, (k) => k === 2 && graph.updateEachNodeAttributes((_id, a) => ({ ...a, size: 40 }), { attributes: ["size"] }));
    expect(restarts).toBe(0);
    // Iterate the matrices (some rows carry the old sizes) and compare with the library on the graph as it now is.
    const settings = layoutSettings(graph.order);
    expect(settings.adjustSizes).toBe(false);
    let done: Extract<LayoutMessage, { type: "done" }> | null = null;
    const queue: (() => void)[] = [];
    const handle = createFa2Engine((msg) => msg.type === "done" && (done = msg), { now: () => 0, defer: (fn) => void queue.push(fn) });
    handle({ type: "start", run: 1, nodes: ready!.nodes, edges: ready!.edges, settings, durationMs: Infinity, maxIterations: 15, firstAfterMs: null, progressEveryMs: 1e9 });
    while (queue.length) queue.shift()!();
    const expected = forceAtlas2(graph, { iterations: 15, settings, getEdgeWeight: "size" });
    const xy = (done as Extract<LayoutMessage, { type: "done" }> | null)!.xy;
    ready!.ids.forEach((id, i) => expect({ x: xy[2 * i], y: xy[2 * i + 1] }).toEqual(expected[id]));
  });

  it("cancel: no further slice runs, onReady is never called, the graph's listeners are removed", () => {
    const graph = randomGraph(1500, 5000, 24);
    const listeners = () => graph.listenerCount("nodeAdded") + graph.listenerCount("eachNodeAttributesUpdated") + graph.listenerCount("edgeAttributesUpdated");
    const c = steppedClock();
    let ready = 0;
    let progress = 0;
    const p = prepareLayout(graph, () => ready++, { clock: c.clock, sliceMs: 2, onProgress: () => progress++ });
    expect(listeners()).toBe(3);
    c.pumpOne();
    c.pumpOne();
    expect(progress).toBe(2);
    p.cancel();
    expect(listeners()).toBe(0);
    c.pump();
    expect(ready).toBe(0);
    expect(progress).toBe(2);
  });

  it("never calls onReady synchronously, even for a tiny graph", () => {
    const graph = randomGraph(3, 2, 25);
    const c = steppedClock();
    let ready = 0;
    prepareLayout(graph, () => ready++, { clock: c.clock });
    expect(ready).toBe(0);
    c.pump();
    expect(ready).toBe(1);
    expect(graph.listenerCount("nodeAdded")).toBe(0);
  });
});
