import { describe, expect, it } from "vitest";
import { graphFromDocument, type PowerMapDocument } from "@powermap/core";
import { createDisplayGraph, DisplaySync, nodeSize, MAX_SIZE, MIN_SIZE, type DisplayOptions } from "../src/sigma/display-graph.ts";
import { edgeReducer, nodeReducer, type ReducerContext } from "../src/sigma/reducers.ts";
import { FADED_EDGE, FADED_NODE, KIND_COLORS, STANCE_COLORS } from "../src/sigma/colors.ts";
import * as P from "../src/state/producers.ts";
import { initialUiState, type UiState } from "../src/state/ui-state.ts";
import { hiddenByFilters } from "../src/state/visibility.ts";

const doc = (): PowerMapDocument => ({
  format: "powermap",
  version: 1,
  meta: {},
  actors: [
    { id: "a", name: "Alice", kind: "person", stance: 2, power: 5, position: { x: 0, y: 0 } },
    { id: "b", name: "Bank", kind: "financial_institution", stance: -2, power: 1, position: { x: 10, y: 0 } },
    { id: "c", name: "Carol", kind: "person", position: { x: 0, y: 10 } },
    { id: "d", name: "Dan", kind: "person" },
  ],
  relationships: [
    { id: "ab", from: "a", to: "b", kind: "donation", strength: 5 },
    { id: "bc", from: "b", to: "c", kind: "family" },
  ],
});
const opts = (patch: Partial<DisplayOptions["appearance"]> = {}): DisplayOptions => ({ appearance: { ...initialUiState().appearance, ...patch } });

describe("DisplaySync", () => {
  it("derives position, colour by stance and size by power from the records", () => {
    const src = graphFromDocument(doc());
    const display = createDisplayGraph();
    new DisplaySync(display).sync(src, opts());
    expect(display.order).toBe(4);
    expect(display.size).toBe(2);
    expect(display.getNodeAttributes("a")).toMatchObject({ x: 0, y: 0, label: "Alice", color: STANCE_COLORS["2"], size: MAX_SIZE });
    expect(display.getNodeAttributes("b")).toMatchObject({ color: STANCE_COLORS["-2"], size: MIN_SIZE });
    expect(display.getNodeAttribute("c", "color")).toBe(STANCE_COLORS.unknown);
    // an actor without a position still gets finite coordinates
    expect(Number.isFinite(display.getNodeAttribute("d", "x"))).toBe(true);
    expect(display.getEdgeAttribute("ab", "type")).toBe("arrow"); // donation flows forward
    expect(display.getEdgeAttribute("bc", "type")).toBe("line"); // family goes both ways
    expect(display.getEdgeAttribute("ab", "size")).toBeGreaterThan(display.getEdgeAttribute("bc", "size"));
  });

  it("follows record changes, removals and additions without touching unchanged nodes", () => {
    const src = graphFromDocument(doc());
    const display = createDisplayGraph();
    const sync = new DisplaySync(display);
    sync.sync(src, opts());
    display.setNodeAttribute("c", "x", 999); // a layout moved c on the display only
    src.replaceNodeAttributes("a", { ...src.getNodeAttributes("a"), name: "Alicia", position: { x: 5, y: 6 } });
    src.dropNode("b");
    src.addNode("e", { id: "e", name: "Eve", kind: "person", position: { x: 1, y: 1 } });
    src.addDirectedEdgeWithKey("ea", "e", "a", { id: "ea", from: "e", to: "a", kind: "influence" });
    sync.sync(src, opts());
    expect(display.getNodeAttributes("a")).toMatchObject({ label: "Alicia", x: 5, y: 6 });
    expect(display.hasNode("b")).toBe(false);
    expect(display.hasEdge("ab")).toBe(false);
    expect(display.hasEdge("ea")).toBe(true);
    expect(display.getNodeAttribute("c", "x")).toBe(999); // record unchanged: display left alone
  });

  it("force recomputes appearance (colour by kind)", () => {
    const src = graphFromDocument(doc());
    const display = createDisplayGraph();
    const sync = new DisplaySync(display);
    sync.sync(src, opts());
    sync.sync(src, opts({ colorBy: "kind" }), true);
    expect(display.getNodeAttribute("b", "color")).toBe(KIND_COLORS.financial_institution);
  });

  it("a position mode places actors itself (e.g. a stance × power grid)", () => {
    const src = graphFromDocument(doc());
    const display = createDisplayGraph();
    const mode = { id: "grid", position: (a: { stance?: number; power?: number }) => ({ x: (a.stance ?? 0) * 100, y: (a.power ?? 0) * 100 }) };
    new DisplaySync(display).sync(src, { ...opts(), positionMode: mode }, false, true);
    expect(display.getNodeAttributes("a")).toMatchObject({ x: 200, y: 500 });
    expect(display.getNodeAttributes("b")).toMatchObject({ x: -200, y: 100 });
  });

  it("sizes by a metric between MIN and MAX", () => {
    const a = { id: "a", name: "A", kind: "person" as const };
    const o = { ...opts({ sizeBy: "degree" }), metric: new Map([["a", 4], ["b", 0]]) };
    expect(nodeSize(a, o, [0, 4])).toBe(MAX_SIZE);
    expect(nodeSize({ ...a, id: "b" }, o, [0, 4])).toBe(MIN_SIZE);
  });
});

describe("reducers", () => {
  const setup = (ui: UiState) => {
    const src = graphFromDocument(doc());
    const display = createDisplayGraph();
    new DisplaySync(display).sync(src, opts());
    const ctx: ReducerContext = {
      ui,
      display,
      hidden: hiddenByFilters(src, ui.filters),
      edgeLabel: (id) => src.getEdgeAttribute(id, "kind"),
      selectedActors: new Set(ui.selection.actors),
      selectedRelationships: new Set(ui.selection.relationships),
    };
    const node = nodeReducer(() => ctx);
    const edge = edgeReducer(() => ctx);
    return { n: (id: string) => node(id, display.getNodeAttributes(id)), e: (id: string) => edge(id, display.getEdgeAttributes(id)) };
  };

  it("hover keeps the node and its neighbours, fades the rest", () => {
    const { n, e } = setup(P.setHoveredNode("a")(initialUiState()));
    expect(n("a").color).not.toBe(FADED_NODE);
    expect(n("b").color).not.toBe(FADED_NODE);
    expect(n("c").color).toBe(FADED_NODE);
    expect(e("ab").zIndex).toBe(1);
    expect(e("bc").label).toBe("");
  });

  it("filters fade or hide, and selection is drawn highlighted", () => {
    let ui = P.toggleFilterValue("kinds", "person")(initialUiState());
    ui = P.selectOnly({ actors: ["a"] })(ui);
    let r = setup(ui);
    expect(r.n("b").color).toBe(FADED_NODE);
    expect(r.e("ab").color).toBe(FADED_EDGE);
    expect(r.n("a")).toMatchObject({ highlighted: true, forceLabel: true });
    r = setup(P.setFilters({ mode: "hide" })(ui));
    expect(r.n("b").hidden).toBe(true);
    expect(r.e("ab").hidden).toBe(true);
  });

  it("a query highlight lights its nodes/edges and labels the edges", () => {
    const { n, e } = setup(P.setHighlight({ nodes: ["a", "b"], edges: ["ab"] })(initialUiState()));
    expect(n("c").color).toBe(FADED_NODE);
    expect(n("a").forceLabel).toBe(true);
    expect(e("ab")).toMatchObject({ forceLabel: true, label: "donation" });
    expect(e("bc").label).toBe("");
  });
});
