// The force-layout scheduler on the main thread (startForceLayout), driven by a fake worker and a
// virtual clock: a big map's display is updated no more than once every BIG_LAYOUT_MIN_GAP_MS nor
// sooner than BIG_LAYOUT_APPLY_RATIO × the last update's cost, even when the worker floods it; a small
// map gets every frame; Stop commits the final positions once (one undo step); Cancel restores the
// start positions and writes nothing; progress is reported. Before all that, the matrices are
// prepared in slices (one task each) with a "preparing" progress; Stop/Cancel meanwhile end the run
// with no worker started and nothing written; an edit meanwhile restarts the preparation.
import { describe, expect, it, vi } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import { createEdgeWeightGetter } from "graphology-utils/getters";
import {
  BIG_LAYOUT_APPLY_RATIO,
  BIG_LAYOUT_MIN_GAP_MS,
  FA2_UNDO_LABEL,
  LIVE_LAYOUT_MAX_NODES,
  startForceLayout,
  type ForceLayoutProgress,
  type LayoutClock,
} from "../src/layouts/forceatlas2.ts";
import type { LayoutMessage, LayoutPort, LayoutRequest } from "../src/layouts/fa2-protocol.ts";
import type { DisplayGraph } from "../src/sigma/display-graph.ts";

/** Timers on a virtual clock; a frame is 16 ms. Each reading of the clock costs `tick` ms (0: work is free). */
class Sim {
  t = 0;
  tick = 0;
  private q: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  clock: LayoutClock = {
    now: () => (this.t += this.tick),
    setTimeout: (fn, ms) => this.add(fn, ms),
    clearTimeout: (h) => (this.q = this.q.filter((x) => x !== h)),
    afterFrame: (fn) => void this.add(fn, 16),
  };
  add(fn: () => void, ms: number) {
    const h = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.q.push(h);
    return h;
  }
  runUntil(end: number) {
    for (;;) {
      this.q.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.q[0];
      if (!next || next.at > end) break;
      this.q.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = Math.max(this.t, end);
  }
  get queued() {
    return this.q.length;
  }
}

function fakeWorker() {
  const sent: LayoutRequest[] = [];
  let deliver: (m: LayoutMessage) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const state = { terminated: 0 };
  const port: LayoutPort = {
    post: (m) => sent.push(m),
    listen: (m, e) => ((deliver = m), (fail = e)),
    terminate: () => state.terminated++,
  };
  const run = () => (sent[0] as Extract<LayoutRequest, { type: "start" }>).run;
  return { port, sent, state, run, emit: (m: LayoutMessage) => deliver(m), fail: (e: unknown) => fail(e) };
}

function display(n: number): DisplayGraph {
  const g: DisplayGraph = new MultiDirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: i, y: -i, size: 2, color: "#000", label: `N${i}` });
  for (let i = 1; i < n; i++) g.addEdge(`n${i - 1}`, `n${i}`, { size: 1, color: "#000", label: "", type: "arrow" });
  return g;
}

/** Positions where every node sits at (k, k). */
const flat = (n: number, k: number) => new Float32Array(n * 2).fill(k);

/** Starts a run on a chain of `n` nodes; `prepared` (default): let the preparation finish first (work is free: one slice). */
function setup(n: number, opts: { durationMs?: number; prepared?: boolean } = {}) {
  const sim = new Sim();
  const w = fakeWorker();
  const graph = display(n);
  const commit = vi.fn();
  const onStop = vi.fn();
  const progress: ForceLayoutProgress[] = [];
  const host = { getDisplayGraph: () => graph, commitDisplayPositions: commit, getSigma: () => null };
  const run = startForceLayout(host, { port: w.port, clock: sim.clock, onStop, onProgress: (p) => progress.push(p), durationMs: opts.durationMs });
  if (opts.prepared !== false) sim.runUntil(0);
  return { sim, w, graph, commit, onStop, progress, run };
}

/** graphology's own matrices of the graph (what its forceAtlas2 iterates on). */
const libraryMatrices = (g: DisplayGraph) => graphToByteArrays(g, createEdgeWeightGetter("size").fromEntry as Parameters<typeof graphToByteArrays>[1]);

describe("startForceLayout on a big map", () => {
  it("applies positions at most every BIG_LAYOUT_MIN_GAP_MS and ≥ ratio × the last update's cost, whatever the worker sends", () => {
    const n = LIVE_LAYOUT_MAX_NODES + 1;
    const { sim, w, graph } = setup(n, { durationMs: 60_000 });
    const start = w.sent[0] as Extract<LayoutRequest, { type: "start" }>;
    expect(start).toMatchObject({ type: "start", firstAfterMs: BIG_LAYOUT_MIN_GAP_MS, durationMs: 60_000 });
    expect(start.nodes.length).toBe(n * 10);
    expect(start.edges.length).toBe((n - 1) * 3);
    // Applying costs 300 ms, then 1,500 ms (a slow renderer): measured from the graph event.
    const applies: { at: number; x: number }[] = [];
    let cost = 300;
    graph.on("eachNodeAttributesUpdated", () => {
      applies.push({ at: sim.t, x: graph.getNodeAttribute("n0", "x") });
      sim.t += cost;
      if (applies.length === 1) cost = 1_500;
    });
    // A misbehaving worker: new positions every 100 ms, ignoring "want".
    for (let k = 1; k <= 300; k++)
      sim.add(() => w.emit({ type: "positions", run: w.run(), xy: flat(n, k), iterations: k, elapsedMs: k * 100 }), k * 100);
    sim.runUntil(30_000);
    expect(applies.length).toBeGreaterThanOrEqual(4);
    expect(applies[0]!.at).toBeGreaterThanOrEqual(BIG_LAYOUT_MIN_GAP_MS);
    const costs = [300, 1_500, 1_500, 1_500, 1_500, 1_500];
    for (let i = 1; i < applies.length; i++) {
      // Cost of the previous update = its apply + the frame after it (16 ms here).
      const prevCost = costs[i - 1]! + 16;
      const gap = applies[i]!.at - (applies[i - 1]!.at + prevCost);
      expect(gap).toBeGreaterThanOrEqual(Math.max(BIG_LAYOUT_MIN_GAP_MS, BIG_LAYOUT_APPLY_RATIO * prevCost) - 1);
    }
    // The latest positions are shown, not stale queued ones.
    for (const a of applies) expect(a.x).toBe(Math.floor(a.at / 100));
    // And the worker is told when the next ones are wanted.
    const wants = w.sent.filter((m) => m.type === "want");
    expect(wants[0]).toMatchObject({ afterMs: BIG_LAYOUT_MIN_GAP_MS });
    expect(wants[1]).toMatchObject({ afterMs: BIG_LAYOUT_APPLY_RATIO * (1_500 + 16) });
  });

  it("reports progress: iterations, time left, updates", () => {
    const { w, progress, sim } = setup(LIVE_LAYOUT_MAX_NODES + 1, { durationMs: 4_000 });
    w.emit({ type: "progress", run: w.run(), iterations: 42, elapsedMs: 1_500 });
    expect(progress.at(-1)).toMatchObject({ iterations: 42, elapsedMs: 1_500, durationMs: 4_000, leftMs: 2_500, live: false, updates: 0, phase: "running" });
    w.emit({ type: "progress", run: w.run() + 1, iterations: 99, elapsedMs: 3_000 }); // another run's
    expect(progress.at(-1)!.iterations).toBe(42);
    sim.runUntil(2_500);
    w.emit({ type: "positions", run: w.run(), xy: flat(LIVE_LAYOUT_MAX_NODES + 1, 1), iterations: 80, elapsedMs: 2_500 });
    sim.runUntil(3_000);
    expect(progress.at(-1)).toMatchObject({ iterations: 80, leftMs: 1_500, updates: 1, lastApplyMs: 16 });
  });
});

describe("startForceLayout on a small map", () => {
  it("is live: every positions message is applied at once and the next is wanted right away", () => {
    const { w, graph, sim } = setup(10);
    expect(w.sent[0]).toMatchObject({ firstAfterMs: 0 });
    for (let k = 1; k <= 3; k++) {
      w.emit({ type: "positions", run: w.run(), xy: flat(10, k), iterations: k, elapsedMs: k });
      expect(graph.getNodeAttribute("n5", "x")).toBe(k);
      sim.runUntil(sim.t + 16);
      expect(w.sent.at(-1)).toEqual({ type: "want", run: w.run(), afterMs: 0 });
    }
  });
});

describe("startForceLayout: ending a run", () => {
  it("Stop commits the final positions once, as one undo step", () => {
    const { w, graph, commit, onStop, run, sim } = setup(10);
    run.stop();
    run.stop();
    expect(w.sent.filter((m) => m.type === "stop")).toHaveLength(1);
    expect(run.isRunning()).toBe(true); // waiting for the final positions
    w.emit({ type: "positions", run: w.run(), xy: flat(10, 5), iterations: 5, elapsedMs: 5 }); // late: ignored
    expect(graph.getNodeAttribute("n3", "x")).toBe(3);
    const final = new Float32Array(20).map((_, i) => i * 10);
    let committed: { x: number; y: number } | null = null;
    commit.mockImplementation(() => (committed = { x: graph.getNodeAttribute("n3", "x"), y: graph.getNodeAttribute("n3", "y") }));
    w.emit({ type: "done", run: w.run(), xy: final, reason: "stopped", iterations: 9, elapsedMs: 9 });
    expect(commit).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledWith(FA2_UNDO_LABEL);
    expect(committed).toEqual({ x: 60, y: 70 }); // the display held the final positions when committed
    expect(onStop).toHaveBeenCalledExactlyOnceWith("committed");
    expect(w.state.terminated).toBe(1);
    expect(run.isRunning()).toBe(false);
    w.emit({ type: "done", run: w.run(), xy: final, reason: "stopped", iterations: 9, elapsedMs: 9 });
    run.stop();
    run.cancel();
    sim.runUntil(1_000);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(graph.getNodeAttribute("n3", "x")).toBe(60); // cancel after the end restores nothing
  });

  it("a run that reaches its duration commits by itself", () => {
    const { w, commit, onStop } = setup(10);
    w.emit({ type: "done", run: w.run(), xy: flat(10, 2), reason: "duration", iterations: 300, elapsedMs: 2_520 });
    expect(commit).toHaveBeenCalledExactlyOnceWith(FA2_UNDO_LABEL);
    expect(onStop).toHaveBeenCalledWith("committed");
  });

  it("Cancel restores the start positions and writes nothing", () => {
    const { w, graph, commit, onStop, run, sim } = setup(10);
    w.emit({ type: "positions", run: w.run(), xy: flat(10, 77), iterations: 1, elapsedMs: 1 });
    sim.runUntil(100);
    expect(graph.getNodeAttribute("n4", "x")).toBe(77);
    run.cancel();
    graph.forEachNode((id, a) => {
      const i = Number(id.slice(1));
      expect([a.x, a.y]).toEqual([i, -i]);
    });
    expect(commit).not.toHaveBeenCalled();
    expect(onStop).toHaveBeenCalledExactlyOnceWith("cancelled");
    expect(w.state.terminated).toBe(1);
    w.emit({ type: "done", run: w.run(), xy: flat(10, 1), reason: "stopped", iterations: 2, elapsedMs: 2 });
    expect(commit).not.toHaveBeenCalled();
    expect(graph.getNodeAttribute("n4", "x")).toBe(4);
  });

  it("a worker that fails keeps (commits) what the display shows", () => {
    const { w, graph, commit, onStop, sim } = setup(10);
    w.emit({ type: "positions", run: w.run(), xy: flat(10, 8), iterations: 1, elapsedMs: 1 });
    sim.runUntil(100);
    w.fail(new Error("worker script failed"));
    expect(commit).toHaveBeenCalledExactlyOnceWith(FA2_UNDO_LABEL);
    expect(graph.getNodeAttribute("n2", "x")).toBe(8);
    expect(onStop).toHaveBeenCalledWith("committed");
  });

  it("positions go by id: a node added during the run keeps its place, a dropped one is skipped", () => {
    const { w, graph, sim } = setup(10);
    graph.addNode("late", { x: 500, y: 500, size: 1, color: "#000", label: "late" });
    graph.dropNode("n0");
    w.emit({ type: "positions", run: w.run(), xy: flat(10, 3), iterations: 1, elapsedMs: 1 });
    sim.runUntil(100);
    expect(graph.getNodeAttribute("late", "x")).toBe(500);
    expect(graph.getNodeAttribute("n9", "x")).toBe(3);
  });
});

describe("startForceLayout with the renderer's sliced repaint (big map)", () => {
  it("writes positions in slices through the repainter (no bulk event), draws once, commits after the last slice", () => {
    const n = LIVE_LAYOUT_MAX_NODES + 1;
    const sim = new Sim();
    const w = fakeWorker();
    const graph = display(n);
    const calls: { ids: string[]; moved: boolean }[] = [];
    let draws = 0;
    const repainter = { repaint: (ids: string[], moved?: boolean) => void calls.push({ ids, moved: moved === true }), draw: () => void draws++ };
    let bulk = 0;
    graph.on("eachNodeAttributesUpdated", () => bulk++);
    let committedX: number | null = null;
    const commit = vi.fn(() => (committedX = graph.getNodeAttribute(`n${n - 1}`, "x")));
    const onStop = vi.fn();
    const host = { getDisplayGraph: () => graph, commitDisplayPositions: commit, getSigma: () => null, getNodeRepainter: () => repainter };
    const run = startForceLayout(host, { port: w.port, clock: sim.clock, onStop, durationMs: 60_000 });
    sim.runUntil(0); // prepared (work is free: one slice)
    sim.tick = 3; // now each look at the clock costs 3 ms: a slice holds a few chunks of nodes
    run.stop();
    const final = new Float32Array(n * 2).map((_, i) => i + 0.5);
    w.emit({ type: "done", run: w.run(), xy: final, reason: "stopped", iterations: 9, elapsedMs: 9 });
    expect(commit).not.toHaveBeenCalled(); // the slices come in later tasks
    expect(run.isRunning()).toBe(true);
    sim.runUntil(sim.t + 10_000);
    expect(bulk).toBe(0);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every((c) => c.moved)).toBe(true);
    const ids = calls.flatMap((c) => c.ids);
    expect(ids).toHaveLength(n); // every node once
    expect(new Set(ids).size).toBe(n);
    expect(draws).toBe(1);
    expect(commit).toHaveBeenCalledExactlyOnceWith(FA2_UNDO_LABEL);
    expect(committedX).toBe(final[2 * (n - 1)]); // the display held the final positions when committed
    graph.forEachNode((id, a) => {
      const i = Number(id.slice(1));
      expect([a.x, a.y]).toEqual([final[2 * i], final[2 * i + 1]]);
    });
    expect(onStop).toHaveBeenCalledExactlyOnceWith("committed");
    expect(run.isRunning()).toBe(false);
  });
});

describe("startForceLayout: preparing", () => {
  const N = 10_000;
  it("builds the matrices in slices, reports 'preparing', then starts the worker with the library's matrices", () => {
    const { sim, w, graph, progress } = setup(N, { prepared: false });
    expect(progress.at(-1)).toMatchObject({ phase: "preparing", prepared: 0, iterations: 0 });
    sim.tick = 1; // 1 ms per clock reading: a slice (8 ms) is ~8 batches of 512 nodes or edges
    const slices: number[] = [];
    while (w.sent.length === 0 && sim.queued > 0) {
      const t = sim.t;
      sim.runUntil(sim.t);
      slices.push(sim.t - t);
    }
    expect(slices.length).toBeGreaterThan(3);
    for (const ms of slices) expect(ms).toBeLessThanOrEqual(8 + 2);
    const preparing = progress.filter((p) => p.phase === "preparing").map((p) => p.prepared);
    expect(preparing.length).toBeGreaterThan(3);
    expect(preparing).toEqual([...preparing].sort((a, b) => a - b));
    expect(preparing.at(-1)).toBeGreaterThan(0.5);
    expect(progress.at(-1)).toMatchObject({ phase: "running", prepared: 1, restarts: 0 });
    const start = w.sent[0] as Extract<LayoutRequest, { type: "start" }>;
    const lib = libraryMatrices(graph);
    expect(start.nodes).toEqual(lib.nodes);
    expect(start.edges).toEqual(lib.edges);
  });

  for (const how of ["stop", "cancel"] as const)
    it(`${how} while preparing: no worker started, nothing moved or written, the run ends`, () => {
      const { sim, w, graph, commit, onStop, run } = setup(N, { prepared: false });
      const before = JSON.stringify(graph.export().nodes);
      sim.tick = 1;
      sim.runUntil(sim.t); // one slice
      expect(run.isRunning()).toBe(true);
      run[how]();
      expect(run.isRunning()).toBe(false);
      sim.runUntil(sim.t + 10_000);
      expect(w.sent).toEqual([]); // no start, no worker
      expect(w.state.terminated).toBe(0);
      expect(commit).not.toHaveBeenCalled();
      expect(onStop).toHaveBeenCalledExactlyOnceWith("cancelled");
      expect(JSON.stringify(graph.export().nodes)).toBe(before);
      expect(graph.listenerCount("nodeAdded")).toBe(0);
    });

  it("an edit while preparing restarts it: the worker gets the edited graph, Cancel restores the edited positions", () => {
    const { sim, w, graph, progress, run } = setup(N, { prepared: false });
    sim.tick = 1;
    sim.runUntil(sim.t);
    sim.runUntil(sim.t);
    graph.mergeNodeAttributes("n5", { x: 4242 }); // the user moved an actor
    graph.addNode("late", { x: 1, y: 1, size: 2, color: "#000", label: "late" });
    graph.addEdge("late", "n0", { size: 3, color: "#000", label: "", type: "arrow" });
    while (w.sent.length === 0 && sim.queued > 0) sim.runUntil(sim.t);
    expect(progress.some((p) => p.phase === "preparing" && p.restarts === 1)).toBe(true);
    const start = w.sent[0] as Extract<LayoutRequest, { type: "start" }>;
    expect(start.nodes.length).toBe((N + 1) * 10);
    const lib = libraryMatrices(graph);
    expect(start.nodes).toEqual(lib.nodes);
    expect(start.edges).toEqual(lib.edges);
    w.emit({ type: "positions", run: w.run(), xy: flat(N + 1, 7), iterations: 1, elapsedMs: 1 });
    sim.runUntil(sim.t + 5_000);
    expect(graph.getNodeAttribute("n5", "x")).toBe(7);
    run.cancel();
    expect(graph.getNodeAttribute("n5", "x")).toBe(4242);
    expect(graph.getNodeAttributes("late")).toMatchObject({ x: 1, y: 1 });
  });
});
