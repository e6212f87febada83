import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { PowerMap, influencersOf, pathsBetween, schoolBoardExample, type ExplainedPath } from "@powermap/core";
import { EditorContext } from "../../src/context.ts";
import { EditorController } from "../../src/editor-controller.ts";
import { InfluencePanel, PathsPanel } from "../../src/panels/analysis/index.ts";
import { CANCELLED_NOTICE, STALE_NOTICE } from "../../src/panels/analysis/use-query-run.ts";
import { fakeWorkers, type FakeAnalysisWorker } from "../fake-analysis-worker.ts";
import { matchActors } from "../../src/panels/analysis/match-actors.ts";
import { pathsHighlight, formatScore } from "../../src/panels/analysis/highlight.ts";
import { analysisPanels } from "../../src/panels/analysis/index.ts";
import { createRef } from "react";
import { PowerMapEditor, type PowerMapEditorHandle } from "../../src/PowerMapEditor.tsx";

describe("matchActors", () => {
  const map = PowerMap.fromDocument(schoolBoardExample());
  it("finds an actor by an alias and says which alias matched", () => {
    const [first] = matchActors(map.graph, "the school board");
    expect(first).toMatchObject({ id: "school-board", alias: "the school board" });
  });
  it("ranks name prefixes first (by name), is case-insensitive, and matches all words anywhere", () => {
    const names = matchActors(map.graph, "RIVERTON UNIFIED").map((o) => o.name);
    expect(names.slice(0, 2)).toEqual(["Riverton Unified School Board", "Riverton Unified School District"]);
    expect(matchActors(map.graph, "school board riverton").map((o) => o.id)).toContain("school-board");
    expect(matchActors(map.graph, "")).toEqual([]);
  });
});

describe("pathsHighlight", () => {
  it("collects every actor and relationship on the paths plus the extras", () => {
    const step = (f: string, t: string, r: string) => ({ from: { id: f, name: f }, to: { id: t, name: t }, relationship: { id: r, kind: "donation" as const, sources: [] }, along: "forward" as const, text: "" });
    const paths: ExplainedPath[] = [{ cost: 1, score: 0.5, steps: [step("a", "b", "r1"), step("b", "c", "r2")] }];
    const h = pathsHighlight(paths, ["z"]);
    expect([...h.nodes].sort()).toEqual(["a", "b", "c", "z"]);
    expect([...h.edges].sort()).toEqual(["r1", "r2"]);
    expect(formatScore(-0.314)).toBe("\u22120.31");
  });
});

describe("Who influences… panel", () => {
  it("lists core's ranking for the picked target and lights its paths through the editor", () => {
    const ref = createRef<PowerMapEditorHandle>();
    render(<PowerMapEditor ref={ref} initialDocument={schoolBoardExample()} analysisPanels={false} panels={analysisPanels(["influence"])} />);
    const panel = screen.getByRole("region", { name: "Who influences" });
    act(() => {
      fireEvent.click(within(panel).getByRole("button", { name: "Find influencers" }));
    });
    const expected = influencersOf(ref.current!.getMap(), "school-board", {});
    const items = within(within(panel).getByRole("list", { name: "Influencers" })).getAllByRole("listitem");
    expect(items.length).toBe(expected.length);
    expect(items[0].textContent).toContain(expected[0].name);
    const hl = ref.current!.getController().ui.get().highlight!;
    for (const step of expected[0].paths[0].steps) expect(hl.edges.has(step.relationship.id)).toBe(true);
    expect(hl.nodes.has("school-board")).toBe(true);
  });

  it("is callable through runQuery and returns the ranked entries", () => {
    const { api } = renderEditorWithPanels();
    const res = api.runQuery("influencers", { target: "school-board" }) as { id: string }[];
    expect(res.map((r) => r.id)).toEqual(influencersOf(api.getMap(), "school-board", {}).map((r) => r.id));
    const paths = api.runQuery("paths", { from: "union-local", to: "board-president", k: 2 }) as ExplainedPath[];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(2);
    expect(paths[0].steps[0].from.id).toBe("union-local");
    expect(paths[0].steps.at(-1)!.to.id).toBe("board-president");
  });
});

/** The panels on a map the editor treats as big (inlineBelow 0): queries go to a fake worker. */
function renderBig() {
  cleanup(); // earlier describes leave their editors mounted
  const map = PowerMap.fromDocument(schoolBoardExample());
  const { workers, options } = fakeWorkers();
  const controller = new EditorController(map, false, options);
  render(
    <EditorContext.Provider value={controller}>
      <InfluencePanel />
      <PathsPanel />
    </EditorContext.Provider>,
  );
  const posted = async (): Promise<FakeAnalysisWorker> => {
    await vi.waitFor(() => expect(workers.at(-1)?.inbox.length).toBeGreaterThan(0));
    return workers.at(-1)!;
  };
  return { map, controller, workers, posted, panel: screen.getByRole("region", { name: "Who influences" }) };
}

describe("query panels on a big map (analysis worker)", () => {
  afterEach(cleanup);
  it("shows progress with Cancel, then core's ranking for the current version", async () => {
    const { map, controller, posted, panel } = renderBig();
    fireEvent.click(within(panel).getByRole("button", { name: "Find influencers" }));
    const progress = within(panel).getByTestId("query-progress");
    expect(progress.textContent).toContain("Finding influencers of Riverton Unified School Board…");
    expect(within(progress).getByRole("button", { name: "Cancel" })).toBeTruthy();
    expect(within(panel).queryByRole("list", { name: "Influencers" })).toBeNull();
    const w = await posted();
    await act(async () => w.process());
    const expected = influencersOf(map, "school-board", {});
    const items = within(within(panel).getByRole("list", { name: "Influencers" })).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(expected.map((e, i) => expect.stringContaining(`${i + 1}. ${e.name}`)));
    expect(within(panel).queryByTestId("query-progress")).toBeNull();
    const hl = controller.ui.get().highlight!;
    for (const step of expected[0]!.paths[0]!.steps) expect(hl.edges.has(step.relationship.id)).toBe(true);
    // The opened entry explains its paths with the records (names, amounts).
    fireEvent.click(within(items[0]!).getByRole("button", { expanded: false }));
    expect(within(panel).getByRole("list", { name: `Paths from ${expected[0]!.name}` }).textContent).toContain(expected[0]!.paths[0]!.steps[0]!.text);
  });

  it("drops a run when the map changes meanwhile and says so; a late answer is never shown", async () => {
    const { map, posted, panel } = renderBig();
    fireEvent.click(within(panel).getByRole("button", { name: "Find influencers" }));
    const w = await posted();
    act(() => {
      map.updateActor("board-president", { name: "Someone Else" });
    });
    await vi.waitFor(() => expect(within(panel).getByTestId("query-notice").textContent).toBe(STALE_NOTICE));
    expect(w.terminated).toBe(true);
    await act(async () => w.process());
    expect(within(panel).queryByRole("list", { name: "Influencers" })).toBeNull();
  });

  it("Cancel stops the run", async () => {
    const { posted, panel } = renderBig();
    fireEvent.click(within(panel).getByRole("button", { name: "Find influencers" }));
    const w = await posted();
    fireEvent.click(within(within(panel).getByTestId("query-progress")).getByRole("button", { name: "Cancel" }));
    await vi.waitFor(() => expect(within(panel).getByTestId("query-notice").textContent).toBe(CANCELLED_NOTICE));
    expect(w.terminated).toBe(true);
    expect(within(panel).queryByRole("list", { name: "Influencers" })).toBeNull();
  });

  it("runQuery returns a Promise of the entries (influencers, paths) equal to core's", async () => {
    const { map, controller, posted } = renderBig();
    let pending: unknown;
    act(() => {
      pending = controller.runQuery("influencers", { target: "school-board" });
    });
    expect(pending).toBeInstanceOf(Promise);
    await act(async () => (await posted()).process());
    const entries = (await pending) as { id: string; score: number }[];
    expect(entries.map((e) => [e.id, e.score])).toEqual(influencersOf(map, "school-board", {}).map((e) => [e.id, e.score]));
    act(() => {
      pending = controller.runQuery("paths", { from: "union-local", to: "board-president", k: 2 });
    });
    await act(async () => (await posted()).process());
    expect(await pending).toEqual(pathsBetween(map, "union-local", "board-president", { k: 2 }));
    const paths = screen.getByRole("region", { name: "Paths" });
    expect(within(paths).getByRole("list", { name: "Paths found" }).children.length).toBeGreaterThan(0);
  });
});

function renderEditorWithPanels() {
  const ref = createRef<PowerMapEditorHandle>();
  render(<PowerMapEditor ref={ref} initialDocument={schoolBoardExample()} />);
  return { api: ref.current! };
}
