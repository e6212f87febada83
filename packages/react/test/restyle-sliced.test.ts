/**
 * Restyling every actor of a big map in slices (DisplaySync + sigma/restyle-job.ts): whatever
 * happens between the slices, the display ends as a synchronous restyle for the latest look would
 * leave it; the renderer is told about each changed node once per restyle and draws once; values
 * still pending keep the look drawn. The slices run by hand (a queue instead of MessageChannel).
 */
import { describe, expect, it, vi } from "vitest";
import { PowerMap, mulberry32, schoolBoardExample, type Actor, type PowerMapDocument } from "@powermap/core";
import { BIG_MAP_NODES } from "../src/sigma/big-map.ts";
import { createDisplayGraph, DisplaySync, MIN_SIZE, type DisplayGraph, type DisplayOptions } from "../src/sigma/display-graph.ts";
import { sigmaNodeRepainter, type RepaintSigma } from "../src/sigma/node-repainter.ts";
import { nextTask, type NodeRepainter, type Scheduler } from "../src/sigma/restyle-job.ts";
import type { Appearance } from "../src/state/ui-state.ts";
import { EditorController } from "../src/editor-controller.ts";
import { setAppearance } from "../src/state/producers.ts";
import { FakeAnalysisWorker } from "./fake-analysis-worker.ts";

const KINDS = ["person", "company", "government_body", "union", "nonprofit"] as const;
const ROLES = ["target", "ally", "opposition", "own"] as const;
const SIZE_BY = ["power", "uniform", "pagerank", "degree"] as const;
const COLOR_BY = ["stance", "kind", "role", "community"] as const;

function bigDoc(r: () => number, n = BIG_MAP_NODES + 200): PowerMapDocument {
  const actors = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    name: `A${i}`,
    kind: KINDS[Math.floor(r() * KINDS.length)]!,
    position: { x: Math.round(r() * 1000), y: Math.round(r() * 1000) },
    ...(r() < 0.8 ? { power: (1 + Math.floor(r() * 5)) as 1 | 2 | 3 | 4 | 5 } : {}),
    ...(r() < 0.7 ? { stance: (Math.floor(r() * 5) - 2) as -2 | -1 | 0 | 1 | 2 } : {}),
    ...(r() < 0.5 ? { roles: [ROLES[Math.floor(r() * ROLES.length)]!] } : {}),
  })) as Actor[];
  const relationships = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, from: `a${Math.floor(r() * n)}`, to: `a${Math.floor(r() * n)}`, kind: "influence" as const }));
  return { format: "powermap", version: 1, meta: {}, actors, relationships };
}

/** A random look: size and colour choices, with random values where the choice needs them. */
function randomLook(map: PowerMap, r: () => number): DisplayOptions {
  const sizeBy = SIZE_BY[Math.floor(r() * SIZE_BY.length)]!;
  const colorBy = COLOR_BY[Math.floor(r() * COLOR_BY.length)]!;
  const ids = map.graph.nodes();
  const metric = sizeBy === "pagerank" || sizeBy === "degree" ? new Map(ids.filter(() => r() < 0.95).map((id) => [id, r()])) : undefined;
  const community = colorBy === "community" ? new Map(ids.map((id) => [id, Math.floor(r() * 12)])) : undefined;
  return { appearance: { sizeBy, colorBy, edgeLabels: false } as Appearance, metric, community };
}

/** Slices queued by hand. */
function manualScheduler() {
  const queue: (() => void)[] = [];
  const schedule: Scheduler = (task) => {
    queue.push(task);
    return () => {
      const i = queue.indexOf(task);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  const run = (k: number) => {
    for (let i = 0; i < k && queue.length > 0; i++) queue.shift()!();
  };
  const drain = () => {
    let n = 0;
    while (queue.length > 0) {
      queue.shift()!();
      n++;
    }
    return n;
  };
  return { schedule, run, drain, queue };
}

/** A renderer stand-in recording what it is told, and each node's attributes at the time. */
function fakeRepainter(display: DisplayGraph) {
  const told = new Map<string, number>();
  const log: string[] = [];
  const repainter: NodeRepainter = {
    repaint(nodes) {
      log.push("repaint");
      for (const id of nodes) {
        told.set(id, (told.get(id) ?? 0) + 1);
        expect(display.hasNode(id)).toBe(true);
      }
    },
    draw: () => void log.push("draw"),
  };
  return { repainter, told, log };
}

/** The big-map display with slices run by hand (budget 0: one chunk of nodes per slice). */
function slicedSync(map: PowerMap, base: DisplayOptions) {
  const display = createDisplayGraph();
  const sync = new DisplaySync(display);
  sync.sync(map.graph, base);
  const slices = manualScheduler();
  sync.schedule = slices.schedule;
  sync.sliceBudgetMs = 0;
  const fake = fakeRepainter(display);
  sync.repainter = fake.repainter;
  const events = vi.fn();
  display.on("nodeAttributesUpdated", events);
  display.on("eachNodeAttributesUpdated", events);
  return { display, sync, slices, events, ...fake };
}

/** Size and colour of every node, as a synchronous sync from scratch gives them for `opts`. */
function looks(display: DisplayGraph): Map<string, [number, string]> {
  return new Map(display.mapNodes((id, a) => [id, [a.size, a.color]] as const));
}
function reference(map: PowerMap, opts: DisplayOptions): Map<string, [number, string]> {
  const d = createDisplayGraph();
  const s = new DisplaySync(d);
  s.sync(map.graph, opts);
  s.dispose();
  return looks(d);
}

describe("restyling a big map in slices", () => {
  it("ends where a synchronous restyle ends; each changed node is handed over once, drawn once, without graph events", () => {
    for (const seed of [1, 2, 3]) {
      const r = mulberry32(seed);
      const map = PowerMap.fromDocument(bigDoc(r));
      const base = randomLook(map, r);
      const { display, sync, slices, told, log, events } = slicedSync(map, base);
      const before = looks(display);
      const next = randomLook(map, r);
      sync.sync(map.graph, next, "nodes");
      // Nothing written in the sync's own task: the slices come later.
      expect(sync.restyling).toBe(true);
      expect(looks(display)).toEqual(before);
      const n = slices.drain();
      expect(n).toBe(Math.ceil(map.graph.order / 256));
      expect(sync.restyling).toBe(false);
      const want = reference(map, next);
      expect(looks(display)).toEqual(want);
      const changed = [...want].filter(([id, [size, color]]) => before.get(id)![0] !== size || before.get(id)![1] !== color).map(([id]) => id);
      expect(changed.length).toBeGreaterThan(0);
      expect([...told.keys()].sort()).toEqual(changed.sort());
      expect(Math.max(...told.values())).toBe(1);
      expect(log.filter((x) => x === "draw")).toHaveLength(1);
      expect(log.at(-1)).toBe("draw");
      expect(events).not.toHaveBeenCalled();
    }
  }, 30_000);

  it("whatever arrives between slices (edits, new looks, full walks), the display ends as the latest look, never a mix", () => {
    for (const seed of [11, 12, 13]) {
      const r = mulberry32(seed);
      const map = PowerMap.fromDocument(bigDoc(r));
      let opts = randomLook(map, r);
      const { display, sync, slices, log } = slicedSync(map, opts);
      let added = 0;
      let restyles = 0;
      for (let step = 0; step < 40; step++) {
        const roll = r();
        if (roll < 0.3) {
          restyles++;
          opts = randomLook(map, r);
          sync.sync(map.graph, opts, "nodes");
        } else if (roll < 0.6) {
          // An edit, synced as the editor does after every change (same look).
          const ids = map.graph.nodes();
          const pick = () => ids[Math.floor(r() * ids.length)]!;
          const what = r();
          if (what < 0.3) map.addActor({ id: `new${added++}`, name: "New", kind: "person", position: { x: r() * 10, y: r() * 10 }, power: 5 });
          else if (what < 0.5) map.removeActor(pick());
          else if (what < 0.8) map.updateActor(pick(), { power: (1 + Math.floor(r() * 5)) as 1 | 2 | 3 | 4 | 5, stance: 2, kind: "company" });
          else map.addRelationship({ id: `nr${step}`, from: pick(), to: pick(), kind: "influence" });
          sync.sync(map.graph, opts);
        } else if (roll < 0.67) {
          // A layout ended (every position and look rewritten), or the whole document replaced (graph cleared).
          if (r() < 0.5) sync.sync(map.graph, opts, false, true);
          else {
            map.replaceDocument(map.toDocument());
            sync.sync(map.graph, opts);
          }
          expect(sync.restyling).toBe(false);
          expect(looks(display)).toEqual(reference(map, opts));
        } else slices.run(1 + Math.floor(r() * 8));
      }
      slices.drain();
      expect(sync.restyling).toBe(false);
      expect(looks(display)).toEqual(reference(map, opts));
      // At most one frame per restyle started, never one per slice.
      expect(log.filter((x) => x === "draw").length).toBeLessThanOrEqual(restyles);
    }
  }, 60_000);

  it("a new look mid-way abandons the slices left (no draw for them) and restyles every actor for the new one", () => {
    const r = mulberry32(7);
    const map = PowerMap.fromDocument(bigDoc(r));
    const { display, sync, slices, log } = slicedSync(map, { appearance: { sizeBy: "power", colorBy: "stance", edgeLabels: false } });
    const uniform: DisplayOptions = { appearance: { sizeBy: "uniform", colorBy: "stance", edgeLabels: false } };
    sync.sync(map.graph, uniform, "nodes");
    slices.run(5);
    const sizes = new Set(display.mapNodes((_, a) => a.size));
    expect(sizes.has(7)).toBe(true); // part restyled …
    expect(sizes.size).toBeGreaterThan(1); // … part not
    const kind: DisplayOptions = { appearance: { sizeBy: "power", colorBy: "kind", edgeLabels: false } };
    sync.sync(map.graph, kind, "nodes");
    expect(slices.queue).toHaveLength(1); // the old job's next slice was cancelled
    slices.drain();
    expect(looks(display)).toEqual(reference(map, kind));
    expect(log.filter((x) => x === "draw")).toHaveLength(1);
  }, 30_000);

  it("small maps, or no renderer attached: one synchronous bulk update as before", () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const { display, sync, slices } = slicedSync(map, { appearance: { sizeBy: "power", colorBy: "stance", edgeLabels: false } });
    const kind: DisplayOptions = { appearance: { sizeBy: "uniform", colorBy: "kind", edgeLabels: false } };
    sync.sync(map.graph, kind, "nodes");
    expect(slices.queue).toHaveLength(0);
    expect(looks(display)).toEqual(reference(map, kind));

    const big = PowerMap.fromDocument(bigDoc(mulberry32(3)));
    const alone = slicedSync(big, { appearance: { sizeBy: "power", colorBy: "stance", edgeLabels: false } });
    alone.sync.repainter = null;
    alone.sync.sync(big.graph, kind, "nodes");
    expect(alone.slices.queue).toHaveLength(0);
    expect(looks(alone.display)).toEqual(reference(big, kind));
  }, 30_000);
});

describe("values still pending keep the look drawn", () => {
  it("keeps sizes (colours) until the values come, restyles once then; the placeholder once none are pending", () => {
    const r = mulberry32(5);
    const map = PowerMap.fromDocument(bigDoc(r));
    const power: DisplayOptions = { appearance: { sizeBy: "power", colorBy: "stance", edgeLabels: false } };
    const { display, sync, slices, events } = slicedSync(map, power);
    const drawn = looks(display);
    // Size by PageRank chosen, values computing: nothing to do at all.
    sync.sync(map.graph, { appearance: { ...power.appearance, sizeBy: "pagerank" }, pending: { size: true } }, "nodes");
    expect(slices.queue).toHaveLength(0);
    expect(looks(display)).toEqual(drawn);
    // An actor added meanwhile is drawn in the kept look (sized by power here).
    map.addActor({ id: "late", name: "Late", kind: "person", power: 5, position: { x: 1, y: 1 } });
    sync.sync(map.graph, { appearance: { ...power.appearance, sizeBy: "pagerank" }, pending: { size: true } });
    expect(display.getNodeAttribute("late", "size")).toBe(18);
    // Colour changed while the sizes are pending: colours follow, sizes stay.
    const kind = { ...power.appearance, sizeBy: "pagerank" as const, colorBy: "kind" as const };
    sync.sync(map.graph, { appearance: kind, pending: { size: true } }, "nodes");
    slices.drain();
    expect(looks(display)).toEqual(reference(map, { appearance: { ...kind, sizeBy: "power" } }));
    // The values arrive: one restyle to them.
    const metric = new Map(map.graph.nodes().map((id, i) => [id, i % 97]));
    sync.sync(map.graph, { appearance: kind, metric }, "nodes");
    slices.drain();
    expect(looks(display)).toEqual(reference(map, { appearance: kind, metric }));
    // Another measure chosen, then its job cancelled (nothing pending, no values): the placeholder.
    const betweenness = { ...kind, sizeBy: "betweenness" as const };
    sync.sync(map.graph, { appearance: betweenness, pending: { size: true } }, "nodes");
    expect(slices.queue).toHaveLength(0);
    sync.sync(map.graph, { appearance: betweenness }, "nodes");
    slices.drain();
    expect(new Set(display.mapNodes((_, a) => a.size))).toEqual(new Set([MIN_SIZE]));
    expect(events).not.toHaveBeenCalled(); // no bulk event, no per-node event: all written in place
  }, 30_000);

  it("in the editor: a job running keeps the sizes drawn; cancelled, the actors get the placeholder size", async () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const workers: FakeAnalysisWorker[] = [];
    const c = new EditorController(map, false, { inlineBelow: 0, createWorker: () => (workers.push(new FakeAnalysisWorker()), workers.at(-1)!) });
    c.syncDisplay();
    const sizes = () => new Map(map.graph.nodes().map((id) => [id, c.display.getNodeAttribute(id, "size")]));
    const byPower = sizes();
    c.ui.update(setAppearance({ sizeBy: "betweenness" }));
    c.syncDisplay("nodes");
    expect(c.background.pending("metric")).toBe(true);
    expect(sizes()).toEqual(byPower);
    c.background.cancel("metric");
    expect(c.background.pending("metric")).toBe(false);
    expect(new Set(sizes().values())).toEqual(new Set([MIN_SIZE]));
    c.disposeAnalysis();
  });
});

describe("nextTask (the slices' scheduler)", () => {
  it("runs each task in a later task, in order; a cancelled one never runs", async () => {
    const ran: number[] = [];
    nextTask(() => ran.push(1));
    const cancel = nextTask(() => ran.push(2));
    nextTask(() => ran.push(3));
    cancel();
    expect(ran).toEqual([]);
    await vi.waitFor(() => expect(ran).toEqual([1, 3]));
    await new Promise((ok) => setTimeout(ok, 20));
    expect(ran).toEqual([1, 3]);
  });
});

describe("sigma's side (node-repainter.ts)", () => {
  function fakeSigma(display: DisplayGraph) {
    const calls: { nodes: string[]; skipIndexation: boolean; renders: number }[] = [];
    let renders = 0;
    let held: unknown = display;
    let failNext = false;
    const sigma = {
      getGraph: () => held,
      refresh(opts: { partialGraph: { nodes: string[] }; skipIndexation: boolean; schedule: boolean }) {
        if (failNext && opts.skipIndexation) {
          failNext = false;
          throw new Error('Sigma: node "x" can\'t be repaint');
        }
        sigma.scheduleRender(); // what sigma's refresh does with schedule: true
        calls.push({ nodes: opts.partialGraph.nodes, skipIndexation: opts.skipIndexation, renders });
        return sigma;
      },
    } as unknown as RepaintSigma & { scheduleRender(): unknown };
    Object.setPrototypeOf(sigma, { scheduleRender: () => void renders++ });
    return { sigma, calls, renders: () => renders, hold: (g: unknown) => void (held = g), failNext: () => void (failNext = true) };
  }

  it("repaints through a partial refresh without a frame per slice; draws once; with indexation when a node has no slot", () => {
    const display = createDisplayGraph();
    const s = fakeSigma(display);
    const guard = { ok: true };
    const repainter = sigmaNodeRepainter(s.sigma, display, guard);
    repainter.repaint(["a", "b"]);
    expect(s.calls).toEqual([{ nodes: ["a", "b"], skipIndexation: true, renders: 0 }]);
    expect(Object.prototype.hasOwnProperty.call(s.sigma, "scheduleRender")).toBe(false); // put back
    guard.ok = false;
    repainter.repaint(["c"]);
    expect(s.calls.at(-1)).toEqual({ nodes: ["c"], skipIndexation: false, renders: 0 });
    guard.ok = true;
    s.failNext();
    repainter.repaint(["d"]);
    expect(s.calls.at(-1)).toEqual({ nodes: ["d"], skipIndexation: false, renders: 0 });
    expect(s.renders()).toBe(0);
    repainter.draw();
    expect(s.renders()).toBe(1);
    // sigma holding another graph (a bulk sync) re-indexes ours when it gets it back: nothing to do.
    s.hold(createDisplayGraph());
    repainter.repaint(["e"]);
    repainter.draw();
    expect(s.calls).toHaveLength(3);
    expect(s.renders()).toBe(1);
  });
});
