/**
 * AnalysisClient and BackgroundValues with a fake worker that runs the real handler when the test
 * says so (messages pass through structuredClone with their transfer lists, as postMessage does).
 */
import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { PowerMap, centrality, communities, schoolBoardExample, type PowerMapDocument } from "@powermap/core";
import { EditorContext } from "../src/context.ts";
import { EditorController } from "../src/editor-controller.ts";
import { AppearancePanel } from "../src/panels/analysis/AppearancePanel.tsx";
import { MAX_SIZE, MIN_SIZE } from "../src/sigma/display-graph.ts";
import { setAppearance } from "../src/state/producers.ts";
import { AnalysisStatus } from "../src/worker/AnalysisStatus.tsx";
import { BackgroundValues } from "../src/worker/background-values.ts";
import { AnalysisClient, StaleAnalysisError } from "../src/worker/client.ts";
import type { AnalysisProgress } from "../src/worker/protocol.ts";
import { FakeAnalysisWorker } from "./fake-analysis-worker.ts";

// Requests pass through structuredClone with their transfer lists and run through the real handler.
class FakeWorker extends FakeAnalysisWorker {}

function setup(opts: { inlineBelow?: number } = {}) {
  const map = PowerMap.fromDocument(schoolBoardExample());
  const workers: FakeWorker[] = [];
  const client = new AnalysisClient(map, {
    inlineBelow: opts.inlineBelow ?? 0,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  return { map, client, workers, worker: () => workers.at(-1)! };
}

/** Waits until the sliced snapshot build has posted a request. */
async function posted(worker: () => FakeWorker | undefined): Promise<FakeWorker> {
  await vi.waitFor(() => expect(worker()?.inbox.length).toBeGreaterThan(0));
  return worker()!;
}

const scoresOf = (map: PowerMap, m: "pagerank" | "betweenness") => new Map(centrality(map, m).map((r) => [r.id, r.score]));

describe("AnalysisClient", () => {
  it("computes in the worker what core computes synchronously, tagged with the version, forwarding progress", async () => {
    const { map, client, worker } = setup();
    const progress: AnalysisProgress[] = [];
    const pending = client.run({ type: "centrality", measure: "pagerank" }, { onProgress: (p) => progress.push(p) });
    (await posted(worker)).process();
    const r = await pending;
    expect(r.inline).toBe(false);
    expect(r.version).toBe(map.version);
    expect(new Map(r.values)).toEqual(scoresOf(map, "pagerank"));
    expect(progress.map((p) => p.phase)).toEqual(["prepare", "snapshot", "measure", "result"]);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);

    // A second job on the same version does not send the snapshot again.
    const c = client.run({ type: "communities" });
    const w = await posted(worker);
    expect(w.inbox[0]!.snapshot).toBeUndefined();
    w.process();
    expect(Object.fromEntries((await c).values)).toEqual(communities(map).assignments);
  });

  it("keeps the worker's snapshot across edits of actor records only, and tags results with the current version", async () => {
    const { map, client, worker } = setup();
    const first = client.run({ type: "centrality", measure: "pagerank" });
    (await posted(worker)).process();
    await first;
    map.updateActor("union-local", { position: { x: 1, y: 2 }, name: "Renamed local" });
    const again = client.run({ type: "centrality", measure: "pagerank" });
    const w = await posted(worker);
    expect(w.inbox[0]!.snapshot).toBeUndefined(); // same actors and relationships: not sent again
    w.process();
    const r = await again;
    expect(r.version).toBe(map.version);
    expect(new Map(r.values)).toEqual(scoresOf(map, "pagerank"));
    // A relationship edit is a new revision: the snapshot goes again, and the scores follow it.
    map.updateRelationship(map.toDocument().relationships[0]!.id, { strength: 5 });
    const third = client.run({ type: "centrality", measure: "pagerank", options: { weighted: true } });
    const w3 = await posted(worker);
    expect(w3.inbox[0]!.snapshot).toBeDefined();
    w3.process();
    expect(new Map((await third).values)).toEqual(new Map(centrality(map, "pagerank", { weighted: true }).map((x) => [x.id, x.score])));
  });

  it("tags a result with the version it was computed for, even when the map changed meanwhile", async () => {
    const { map, client, worker } = setup();
    const before = map.version;
    const pending = client.run({ type: "centrality", measure: "betweenness" });
    const w = await posted(worker);
    map.removeActor("board-president");
    w.process();
    const r = await pending;
    expect(r.version).toBe(before);
    expect(r.version).not.toBe(map.version);
  });

  it("refuses to start a job pinned to a version the map has left", async () => {
    const { map, client } = setup();
    const v = map.version;
    map.updateActor("union-local", { power: 2 });
    await expect(client.run({ type: "communities" }, { version: v })).rejects.toBeInstanceOf(StaleAnalysisError);
  });

  it("restarts a snapshot build interrupted by an edit, on the new version", async () => {
    const { map } = setup();
    // Pad the map so the sliced build (0 ms budget: one slice per 256 records) spans several slices.
    map.batch("pad", () => {
      for (let i = 0; i < 600; i++) map.addActor({ id: `pad-${i}`, name: `Pad ${i}`, kind: "person" });
    });
    const workers: FakeWorker[] = [];
    const c3 = new AnalysisClient(map, { inlineBelow: 0, sliceMs: 0, createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) });
    const pending = c3.run({ type: "centrality", measure: "degree" });
    map.addActor({ id: "late", name: "Late", kind: "person" }); // lands between two slices
    const w = await posted(() => workers[0]);
    expect(w.inbox[0]!.version).toBe(map.version);
    w.process();
    const r = await pending;
    expect(r.version).toBe(map.version);
    expect(r.values.has("late")).toBe(true);
  });

  it("cancels a running job by terminating the worker; the next job starts a fresh one", async () => {
    const { map, client, workers } = setup();
    const ctrl = new AbortController();
    const pending = client.run({ type: "centrality", measure: "closeness" }, { signal: ctrl.signal });
    const first = await posted(() => workers[0]);
    ctrl.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(first.terminated).toBe(true);
    first.process(); // a late answer of the terminated worker is ignored

    const next = client.run({ type: "centrality", measure: "pagerank" });
    const second = await posted(() => workers[1]);
    expect(second.inbox[0]!.snapshot).toBeDefined(); // fresh worker: the snapshot is sent again
    second.process();
    expect(new Map((await next).values)).toEqual(scoresOf(map, "pagerank"));
  });

  it("cancels a queued job without touching the running one", async () => {
    const { map, client, worker } = setup();
    const ctrl = new AbortController();
    const a = client.run({ type: "centrality", measure: "pagerank" });
    const b = client.run({ type: "communities" }, { signal: ctrl.signal });
    const w = await posted(worker);
    ctrl.abort();
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    expect(w.terminated).toBe(false);
    w.process();
    expect(new Map((await a).values)).toEqual(scoresOf(map, "pagerank"));
    expect(w.inbox).toHaveLength(0);
  });

  it("falls back to computing on the main thread without a worker, and for small maps", async () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const none = new AnalysisClient(map, { inlineBelow: 0, createWorker: () => null });
    const r = await none.run({ type: "centrality", measure: "betweenness" });
    expect(r.inline).toBe(true);
    expect(new Map(r.values)).toEqual(scoresOf(map, "betweenness"));
    expect(none.runsInline()).toBe(true);

    const create = vi.fn(() => new FakeWorker());
    const small = new AnalysisClient(map, { createWorker: create }); // default: inline below 2000 actors
    const progress: string[] = [];
    const c = await small.run({ type: "communities" }, { onProgress: (p) => progress.push(p.phase) });
    expect(create).not.toHaveBeenCalled();
    expect(c.inline).toBe(true);
    expect(Object.fromEntries(c.values)).toEqual(communities(map).assignments);
    expect(progress).toEqual(["communities", "result"]);

    // jsdom has no Worker: the default client finds none and runs inline.
    expect(typeof Worker).toBe("undefined");
    expect(new AnalysisClient(map, { inlineBelow: 0 }).runsInline()).toBe(false);
    const dflt = new AnalysisClient(map, { inlineBelow: 0 });
    expect((await dflt.run({ type: "centrality", measure: "degree" })).inline).toBe(true);
  });
});

describe("BackgroundValues (the editor's use of the client)", () => {
  function bg() {
    const s = setup();
    const onReady = vi.fn();
    const onStatus = vi.fn();
    const values = new BackgroundValues(s.map, s.client, { onReady, onStatus, restartDelayMs: 0 });
    const job = { type: "centrality", measure: "pagerank" } as const;
    const get = () => values.get("metric", "pagerank", job, "Pagerank");
    return { ...s, values, onReady, onStatus, get };
  }

  it("returns nothing while computing, then the values of the current version", async () => {
    const { map, values, get, onReady, worker } = bg();
    expect(get()).toBeUndefined();
    expect(values.tasks()).toMatchObject([{ slot: "metric", label: "Pagerank", version: map.version }]);
    (await posted(worker)).process();
    await vi.waitFor(() => expect(onReady).toHaveBeenCalled());
    expect(values.tasks()).toEqual([]);
    expect(new Map(get()!)).toEqual(scoresOf(map, "pagerank"));
  });

  it("discards a result that arrives after an edit and asks again for the new version", async () => {
    const { map, get, onReady, worker } = bg();
    get();
    const w = await posted(worker);
    map.removeActor("board-president"); // nobody re-reads before the old result arrives
    w.process();
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect(get()).toBeUndefined(); // the stale values are never handed out …
    const again = await posted(worker); // … and a job for the new version is under way
    expect(again.inbox[0]!.version).toBe(map.version);
    again.process();
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledTimes(2));
    expect(new Map(get()!)).toEqual(scoresOf(map, "pagerank"));
    expect(get()!.has("board-president")).toBe(false);
  });

  it("an edit while computing cancels the stale job at once", async () => {
    const { map, get, workers } = bg();
    get();
    const w = await posted(() => workers[0]);
    map.updateRelationship(map.toDocument().relationships[0]!.id, { strength: 1 });
    expect(get()).toBeUndefined();
    expect(w.terminated).toBe(true);
    const fresh = await posted(() => workers[1]);
    expect(fresh.inbox[0]!.version).toBe(map.version);
  });

  it("an edit of actor records only (a move, a stance) keeps the job, its values and the worker's snapshot", async () => {
    const { map, get, onReady, workers } = bg();
    get();
    const w = await posted(() => workers[0]);
    map.updateActor("union-local", { stance: 1, position: { x: 5, y: 5 } });
    expect(get()).toBeUndefined(); // still computing, not restarted
    expect(w.terminated).toBe(false);
    w.process();
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect(new Map(get()!)).toEqual(scoresOf(map, "pagerank"));
    map.updateActor("board-president", { name: "Renamed" });
    expect(new Map(get()!)).toEqual(scoresOf(map, "pagerank")); // no new job: same structure
    expect(w.inbox).toHaveLength(0);
    // A new relationship does change the scores: a job with a new snapshot.
    map.addRelationship({ from: "union-local", to: "board-president", kind: "donation" });
    expect(get()).toBeUndefined();
    const next = await posted(() => workers.at(-1));
    expect(next.inbox[0]!.snapshot).toBeDefined();
  });

  it("user cancel stops the job and does not restart it until the map changes", async () => {
    const { map, values, get, onStatus, workers } = bg();
    get();
    await posted(() => workers[0]);
    values.cancel("metric");
    expect(workers[0]!.terminated).toBe(true);
    expect(values.tasks()).toEqual([]);
    expect(onStatus).toHaveBeenCalledWith("Pagerank cancelled");
    expect(get()).toBeUndefined();
    expect(values.tasks()).toEqual([]);
    map.updateActor("union-local", { stance: 2 }); // the measure's input is unchanged: still cancelled
    get();
    expect(values.tasks()).toEqual([]);
    map.addRelationship({ from: "union-local", to: "board-president", kind: "donation" });
    get();
    expect(values.tasks()).toHaveLength(1);
  });
});

describe("editor controller and status bar", () => {
  it("size by centrality on a large map shows progress and a Cancel button; small maps stay instant", async () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const workers: FakeWorker[] = [];
    const c = new EditorController(map, false, { inlineBelow: 0, createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) });
    c.syncDisplay();
    render(<AnalysisStatus controller={c} />);
    act(() => c.ui.update(setAppearance({ sizeBy: "betweenness", colorBy: "community" })));
    c.syncDisplay(true);
    expect((await screen.findByTestId("analysis-task-metric")).textContent).toContain("Betweenness");
    expect(screen.getByTestId("analysis-task-community").textContent).toContain("Communities");
    const w = await posted(() => workers[0]);
    act(() => w.process()); // betweenness arrives; communities still running
    await vi.waitFor(() => expect(screen.queryByTestId("analysis-task-metric")).toBeNull());
    const sizes = new Set(map.graph.nodes().map((id) => c.display.getNodeAttribute(id, "size")));
    expect(sizes.size).toBeGreaterThan(2); // sized by the betweenness that arrived
    fireEvent.click(screen.getByTestId("analysis-cancel-community"));
    expect(screen.queryByTestId("analysis-status")).toBeNull();
    expect(c.ui.get().status).toBe("Communities cancelled");
    expect(c.getCommunities()).toBeUndefined();

    const small = new EditorController(PowerMap.fromDocument(schoolBoardExample()));
    small.ui.update(setAppearance({ sizeBy: "pagerank", colorBy: "community" }));
    small.syncDisplay(true);
    expect(small.background.tasks()).toEqual([]);
    expect(Object.fromEntries(small.getCommunities()!)).toEqual(communities(small.map).assignments);
  });
});

describe("applying background results to the canvas", () => {
  function controller(doc: PowerMapDocument) {
    const map = PowerMap.fromDocument(doc);
    const workers: FakeWorker[] = [];
    const c = new EditorController(map, false, { inlineBelow: 0, createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) });
    c.syncDisplay();
    return { map, c, workers };
  }
  /** The sizes "size by pagerank" gives, from core's scores on the map as it is now. */
  function expectedSizes(map: PowerMap): Map<string, number> {
    const scores = scoresOf(map, "pagerank");
    const lo = Math.min(...scores.values());
    const hi = Math.max(...scores.values());
    return new Map([...scores].map(([id, v]) => [id, MIN_SIZE + Math.sqrt((v - lo) / (hi - lo)) * (MAX_SIZE - MIN_SIZE)]));
  }

  it("restyles the actors only (no relationship rewritten) and never with the values of a version the map has left", async () => {
    const { map, c, workers } = controller(schoolBoardExample());
    const sizes = () => new Map(map.graph.nodes().map((id) => [id, c.display.getNodeAttribute(id, "size")]));
    const byPower = sizes();
    expect(new Set(byPower.values()).size).toBeGreaterThan(2);
    c.ui.update(setAppearance({ sizeBy: "pagerank" }));
    c.syncDisplay("nodes");
    const w0 = await posted(() => workers[0]);
    // An edit while the worker computes: the old job is dropped, its late result must not show.
    const dropped = map.graph.edges().find((e) => map.graph.source(e) !== "union-local" && map.graph.target(e) === "school-board")!;
    map.removeRelationship(dropped);
    c.syncDisplay();
    expect(w0.terminated).toBe(true);
    // While computing, the actors keep the sizes of the previous choice (by power), no placeholder.
    expect(sizes()).toEqual(byPower);
    const edgeWrites = vi.fn();
    c.display.on("edgeAttributesUpdated", edgeWrites);
    const w1 = await posted(() => workers[1]);
    act(() => w1.process());
    await vi.waitFor(() => expect(c.background.result("metric")?.version).toBe(map.version));
    const want = expectedSizes(map);
    for (const [id, size] of sizes()) expect(size).toBeCloseTo(want.get(id)!, 9);
    expect(edgeWrites).not.toHaveBeenCalled();
  });

  it("the community legend of a big map shows the worker's result, not a main-thread Louvain", async () => {
    // 300 separate 7-cliques: each is a component, so each is one community (7 members).
    const actors: PowerMapDocument["actors"] = [];
    const relationships: PowerMapDocument["relationships"] = [];
    for (let g = 0; g < 300; g++)
      for (let i = 0; i < 7; i++) {
        actors.push({ id: `g${g}-${i}`, name: `Actor ${g}.${i}`, kind: "person" } as PowerMapDocument["actors"][number]);
        for (let j = 0; j < i; j++) relationships.push({ id: `r${g}-${j}-${i}`, from: `g${g}-${j}`, to: `g${g}-${i}`, kind: "influence" } as PowerMapDocument["relationships"][number]);
      }
    const doc = { ...schoolBoardExample(), actors, relationships };
    const { c, workers } = controller(doc);
    render(
      <EditorContext.Provider value={c}>
        <AppearancePanel />
      </EditorContext.Provider>,
    );
    act(() => c.ui.update(setAppearance({ colorBy: "community" })));
    act(() => c.syncDisplay("nodes"));
    expect(screen.getByText("Finding communities in the background…")).toBeTruthy();
    const w = await posted(() => workers[0]);
    act(() => w.process());
    const legend = await screen.findByRole("list", { name: "Legend: Community (cluster)" });
    const rows = legend.querySelectorAll("li");
    expect(rows).toHaveLength(300);
    for (const li of rows) expect(li.textContent).toMatch(/ 7$/);
  }, 20_000);
});
