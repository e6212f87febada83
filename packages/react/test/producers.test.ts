import { describe, expect, it } from "vitest";
import * as P from "../src/state/producers.ts";
import { initialUiState } from "../src/state/ui-state.ts";
import { UiStore } from "../src/state/ui-store.ts";

describe("UI producers", () => {
  it("selectOnly replaces the selection and drops duplicates", () => {
    const s = P.selectOnly({ actors: ["a", "b", "a"] })(initialUiState());
    expect(s.selection).toEqual({ actors: ["a", "b"], relationships: [] });
  });

  it("returns the same state object when nothing changes", () => {
    const s = P.selectOnly({ actors: ["a"] })(initialUiState());
    expect(P.selectOnly({ actors: ["a"] })(s)).toBe(s);
    expect(P.setHoveredNode(null)(s)).toBe(s);
    expect(P.clearSelection(initialUiState())).not.toBe(s);
  });

  it("toggleSelected adds then removes (shift-click)", () => {
    let s = P.selectOnly({ actors: ["a"] })(initialUiState());
    s = P.toggleSelected("actor", "b")(s);
    expect(s.selection.actors).toEqual(["a", "b"]);
    s = P.toggleSelected("actor", "a")(s);
    expect(s.selection.actors).toEqual(["b"]);
    s = P.toggleSelected("relationship", "r1")(s);
    expect(s.selection).toEqual({ actors: ["b"], relationships: ["r1"] });
  });

  it("addToSelection keeps what was selected (box select with shift)", () => {
    const s = P.addToSelection(["c", "a"])(P.selectOnly({ actors: ["a", "b"] })(initialUiState()));
    expect(s.selection.actors).toEqual(["a", "b", "c"]);
  });

  it("pruneSelection drops ids that no longer exist, including the hovered one", () => {
    let s = P.selectOnly({ actors: ["a", "gone"], relationships: ["r", "r-gone"] })(initialUiState());
    s = P.setHoveredNode("gone")(s);
    const next = P.pruneSelection((id) => id === "a", (id) => id === "r")(s);
    expect(next.selection).toEqual({ actors: ["a"], relationships: ["r"] });
    expect(next.hoveredNode).toBeNull();
    expect(P.pruneSelection(() => true, () => true)(next)).toBe(next);
  });

  it("toggleFilterValue and clearFilters keep the fade/hide mode", () => {
    let s = P.setFilters({ mode: "hide" })(initialUiState());
    s = P.toggleFilterValue("kinds", "person")(s);
    s = P.toggleFilterValue("stances", "unknown")(s);
    expect(s.filters.kinds).toEqual(["person"]);
    expect(s.filters.stances).toEqual(["unknown"]);
    s = P.toggleFilterValue("kinds", "person")(s);
    expect(s.filters.kinds).toEqual([]);
    s = P.clearFilters(s);
    expect(s.filters).toMatchObject({ stances: [], mode: "hide", asOf: null });
  });

  it("setHighlight stores sets and null clears", () => {
    const s = P.setHighlight({ nodes: ["a", "b"], edges: ["e"] })(initialUiState());
    expect([...s.highlight!.nodes]).toEqual(["a", "b"]);
    expect(s.highlight!.edges.has("e")).toBe(true);
    expect(P.setHighlight(null)(s).highlight).toBeNull();
  });
});

describe("UiStore", () => {
  it("notifies listeners only on real changes and unsubscribes", () => {
    const store = new UiStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.update(P.setTool("connect"));
    store.update(P.setTool("connect"));
    expect(calls).toBe(1);
    off();
    store.update(P.setTool("select"));
    expect(calls).toBe(1);
    expect(store.get().tool).toBe("select");
  });
});
