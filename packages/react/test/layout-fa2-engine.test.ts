// The FA2 engine of the layout worker: same positions as graphology's own synchronous ForceAtlas2
// for the same start positions and iterations (deterministic FA2, with and without Barnes–Hut, with
// the matrices built in one go or in slices as on a big map),
// communities planted in a random graph come out separated, and positions are sent only when the
// main thread asked for them.
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { mulberry32 } from "@powermap/core";
import { createFa2Engine, type EngineClock } from "../src/layouts/fa2-engine.ts";
import { layoutMatrices, layoutSettings, prepareMatrices, type LayoutMatrices } from "../src/layouts/fa2-matrices.ts";
import type { LayoutMessage, LayoutRequest } from "../src/layouts/fa2-protocol.ts";

type G = MultiDirectedGraph<{ x: number; y: number; size: number }, { size: number }>;

/** A seeded generator (core's mulberry32). */
const rng = mulberry32;

/** `k` communities of `m` nodes: dense inside (p = 0.3), a few links between; random start positions. */
function planted(k: number, m: number, seed: number): { graph: G; community: (id: string) => number } {
  const r = rng(seed);
  const graph: G = new MultiDirectedGraph();
  for (let i = 0; i < k * m; i++) graph.addNode(`n${i}`, { x: r() * 200 - 100, y: r() * 200 - 100, size: 1 + r() * 4 });
  for (let i = 0; i < k * m; i++)
    for (let j = i + 1; j < k * m; j++) {
      const same = Math.floor(i / m) === Math.floor(j / m);
      if (r() < (same ? 0.3 : 0.004)) graph.addEdge(`n${i}`, `n${j}`, { size: 1 + Math.floor(r() * 3) });
    }
  return { graph, community: (id) => Math.floor(Number(id.slice(1)) / m) };
}

/** A random graph of n nodes with ~3n weighted edges (some parallel), random positions. */
function randomGraph(n: number, seed: number): G {
  const r = rng(seed);
  const graph: G = new MultiDirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`v${i}`, { x: r() * 1000, y: r() * 1000, size: 1 + r() * 9 });
  for (let e = 0; e < 3 * n; e++) graph.addEdge(`v${Math.floor(r() * n)}`, `v${Math.floor(r() * n)}`, { size: 1 + Math.floor(r() * 5) });
  return graph;
}

/** A clock whose time moves by `step` ms at each reading; deferred work runs when pumped. */
function virtualClock(step = 1) {
  let t = 0;
  const queue: (() => void)[] = [];
  const clock: EngineClock = { now: () => (t += step), defer: (fn) => void queue.push(fn) };
  const pump = (max = 1e6) => {
    for (let i = 0; i < max && queue.length > 0; i++) queue.shift()!();
  };
  return { clock, pump, time: () => t };
}

/** The matrices built as the editor does on a big map: in slices (here one batch of nodes or edges per step). */
function slicedMatrices(graph: G): LayoutMatrices {
  let t = 0;
  const build = prepareMatrices(graph, () => ++t);
  let steps = 0;
  for (;;) {
    steps++;
    const m = build.step(1);
    if (m) {
      expect(steps).toBeGreaterThan(2);
      return m;
    }
  }
}

/** Runs the engine through the message protocol (as the worker does) and returns what it posted. */
function runEngine(graph: G, req: Partial<Extract<LayoutRequest, { type: "start" }>>, clockStep = 1, sliced = false) {
  const out: { msg: LayoutMessage; at: number }[] = [];
  const vc = virtualClock(clockStep);
  const handle = createFa2Engine((msg) => out.push({ msg, at: vc.time() }), vc.clock);
  const { ids, nodes, edges } = sliced ? slicedMatrices(graph) : layoutMatrices(graph);
  handle({ type: "start", run: 1, nodes, edges, settings: layoutSettings(graph.order), durationMs: Infinity, firstAfterMs: null, progressEveryMs: 1e9, ...req });
  return { out, ids, handle, pump: vc.pump, time: vc.time };
}

function finalPositions(graph: G, iterations: number, sliced = false): Record<string, { x: number; y: number }> {
  const { out, ids, pump } = runEngine(graph, { maxIterations: iterations }, 1, sliced);
  pump();
  const done = out.map((o) => o.msg).find((m) => m.type === "done");
  if (!done || done.type !== "done") throw new Error("no final positions");
  expect(done.iterations).toBe(iterations);
  return Object.fromEntries(ids.map((id, i) => [id, { x: done.xy[2 * i]!, y: done.xy[2 * i + 1]! }]));
}

describe("FA2 engine = graphology's synchronous ForceAtlas2", () => {
  for (const [n, label, sliced] of [
    [120, "exact repulsion (≤ 500 nodes)", false],
    [700, "Barnes–Hut (> 500 nodes)", false],
    [700, "Barnes–Hut, matrices built in slices", true],
    [2500, "Barnes–Hut, 2,500 nodes, matrices built in slices", true],
  ] as const)
    it(`gives identical positions for the same start and iterations: ${label}`, () => {
      const graph = randomGraph(n, 7);
      // Self-loops and parallel edges are part of the test.
      graph.addEdge("v1", "v1", { size: 2 });
      graph.addEdge("v2", "v3", { size: 1 });
      graph.addEdge("v2", "v3", { size: 4 });
      expect(layoutSettings(n).barnesHutOptimize).toBe(n > 500);
      const expected = forceAtlas2(graph, { iterations: 25, settings: layoutSettings(n), getEdgeWeight: "size" });
      const got = finalPositions(graph, 25, sliced);
      let moved = 0;
      graph.forEachNode((id, a) => {
        expect(got[id]).toEqual(expected[id]);
        moved = Math.max(moved, Math.hypot(got[id]!.x - a.x, got[id]!.y - a.y));
      });
      expect(moved).toBeGreaterThan(1); // the run did move the nodes
    });

  it("uses the editor's settings: inferSettings, no size adjustment, Barnes–Hut above 500 nodes", () => {
    expect(layoutSettings(500)).toMatchObject({ ...forceAtlas2.inferSettings(500), adjustSizes: false, barnesHutOptimize: false });
    expect(layoutSettings(501)).toMatchObject({ ...forceAtlas2.inferSettings(501), adjustSizes: false, barnesHutOptimize: true });
  });
});

describe("FA2 engine: layout quality", () => {
  it("separates planted communities (mean distance inside a community well below the mean between)", () => {
    const { graph, community } = planted(4, 30, 11);
    const spread = (pos: (id: string) => { x: number; y: number }) => {
      const ids = graph.nodes();
      let intra = 0, ni = 0, inter = 0, ne = 0;
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const a = pos(ids[i]!), b = pos(ids[j]!);
          const d = Math.hypot(a.x - b.x, a.y - b.y);
          if (community(ids[i]!) === community(ids[j]!)) {
            intra += d;
            ni++;
          } else {
            inter += d;
            ne++;
          }
        }
      return intra / ni / (inter / ne);
    };
    expect(spread((id) => graph.getNodeAttributes(id))).toBeGreaterThan(0.85); // random start: no structure
    const after = finalPositions(graph, 400);
    expect(spread((id) => after[id]!)).toBeLessThan(0.5);
  });
});

describe("FA2 engine: messages", () => {
  it("sends positions only when asked, after the asked delay, and progress meanwhile", () => {
    const graph = randomGraph(50, 3);
    // Each clock reading is 1 ms: ~2 readings an iteration.
    const { out, handle, pump, time } = runEngine(graph, { durationMs: 3000, firstAfterMs: 400, progressEveryMs: 100 });
    pump(40); // a few chunks
    const positions = () => out.filter((o) => o.msg.type === "positions");
    expect(positions().length).toBe(1);
    expect(positions()[0]!.at).toBeGreaterThanOrEqual(400);
    const progress = out.filter((o) => o.msg.type === "progress");
    expect(progress.length).toBeGreaterThan(3);
    const asked = time();
    handle({ type: "want", run: 1, afterMs: 500 });
    handle({ type: "want", run: 2, afterMs: 0 }); // another run's: ignored
    pump(40);
    expect(positions().length).toBe(2);
    expect(positions()[1]!.at).toBeGreaterThanOrEqual(asked + 500);
    pump();
    const done = out.at(-1)!.msg;
    expect(done).toMatchObject({ type: "done", reason: "duration" });
    expect(done.elapsedMs).toBeGreaterThanOrEqual(3000);
  });

  it("stop sends the final positions at once; cancel sends nothing", () => {
    const graph = randomGraph(30, 5);
    const a = runEngine(graph, {});
    a.pump(3);
    a.handle({ type: "stop", run: 1 });
    expect(a.out.at(-1)!.msg).toMatchObject({ type: "done", reason: "stopped" });
    const n = a.out.length;
    a.pump(10);
    expect(a.out.length).toBe(n); // the loop ended
    const b = runEngine(graph, { progressEveryMs: 1 });
    b.pump(3);
    const k = b.out.length;
    expect(k).toBeGreaterThan(0); // progress while running
    b.handle({ type: "cancel", run: 2 }); // another run's: ignored
    b.pump(3);
    const m = b.out.length;
    expect(m).toBeGreaterThan(k);
    b.handle({ type: "cancel", run: 1 });
    b.pump(10);
    expect(b.out.length).toBe(m); // nothing more, no final positions
  });
});
