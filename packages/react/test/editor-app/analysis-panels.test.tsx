import { describe, expect, it } from "vitest";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { PowerMap, influencersOf, schoolBoardExample, type ExplainedPath } from "@powermap/core";
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

function renderEditorWithPanels() {
  const ref = createRef<PowerMapEditorHandle>();
  render(<PowerMapEditor ref={ref} initialDocument={schoolBoardExample()} />);
  return { api: ref.current! };
}
