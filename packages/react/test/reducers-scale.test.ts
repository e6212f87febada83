import { describe, expect, it } from "vitest";
import { graphFromDocument, type PowerMapDocument } from "@powermap/core";
import { BIG_MAP_NODES } from "../src/sigma/big-map.ts";
import { FADED_NODE } from "../src/sigma/colors.ts";
import { touchedByInteraction } from "../src/sigma/controllers/ReducersController.tsx";
import { createDisplayGraph, DisplaySync } from "../src/sigma/display-graph.ts";
import { edgeReducer, nodeReducer, type ReducerContext } from "../src/sigma/reducers.ts";
import { POWER_GRID_ID } from "../src/layouts/power-grid.ts";
import * as P from "../src/state/producers.ts";
import { initialUiState, type UiState } from "../src/state/ui-state.ts";
import { hiddenByFilters } from "../src/state/visibility.ts";

/** A star a → b, a → c plus c → d, and `extra` isolated actors (to make a big map). */
const doc = (extra = 0): PowerMapDocument => ({
  format: "powermap",
  version: 1,
  meta: {},
  actors: [..."abcd", ...Array.from({ length: extra }, (_, i) => `x${i}`)].map((id, i) => ({ id, name: id.toUpperCase(), kind: "person" as const, position: { x: i, y: 0 } })),
  relationships: [
    { id: "ab", from: "a", to: "b", kind: "influence" },
    { id: "ac", from: "a", to: "c", kind: "influence" },
    { id: "cd", from: "c", to: "d", kind: "influence" },
  ],
});

function setup(ui: UiState, extra = 0) {
  const src = graphFromDocument(doc(extra));
  const display = createDisplayGraph();
  new DisplaySync(display).sync(src, { appearance: ui.appearance });
  const ctx: ReducerContext = {
    ui,
    display,
    hidden: hiddenByFilters(src, ui.filters),
    edgeLabel: (id) => id,
    selectedActors: new Set(ui.selection.actors),
    selectedRelationships: new Set(ui.selection.relationships),
  };
  const node = nodeReducer(() => ctx);
  const edge = edgeReducer(() => ctx);
  return { display, n: (id: string) => node(id, display.getNodeAttributes(id)), e: (id: string) => edge(id, display.getEdgeAttributes(id)) };
}

const grid = (s: UiState): UiState => ({ ...s, positionMode: { id: POWER_GRID_ID, position: () => ({ x: 0, y: 0 }) } });
const drawn = (r: ReturnType<typeof setup>) => ["ab", "ac", "cd"].filter((id) => !r.e(id).hidden);

describe("power grid reducers", () => {
  it("draw no relationship at rest, the hovered actor's on hover, the selected actor's on selection", () => {
    expect(drawn(setup(grid(initialUiState())))).toEqual([]);
    expect(drawn(setup(grid(P.setHoveredNode("c")(initialUiState()))))).toEqual(["ac", "cd"]);
    expect(drawn(setup(grid(P.selectOnly({ actors: ["a"] })(initialUiState()))))).toEqual(["ab", "ac"]);
    expect(drawn(setup(grid(P.setHighlight({ nodes: ["c", "d"], edges: ["cd"] })(initialUiState()))))).toEqual(["cd"]);
  });
  it("name every actor (forced labels) on a small map", () => {
    expect(setup(grid(initialUiState())).n("d").forceLabel).toBe(true);
  });
});

describe("reducers on big maps", () => {
  it("hover emphasises the actor's relationships without fading the rest of the map", () => {
    const r = setup(P.setHoveredNode("a")(initialUiState()), BIG_MAP_NODES);
    expect(r.n("d").color).not.toBe(FADED_NODE);
    expect(r.e("cd").color).not.toBe("#efefef");
    expect(r.e("ab").zIndex).toBe(1);
    // The same hover on a small map fades the non-neighbour.
    expect(setup(P.setHoveredNode("a")(initialUiState())).n("d").color).toBe(FADED_NODE);
  });
  it("nothing going on: the data passes through untouched (no copy)", () => {
    const r = setup(initialUiState());
    const display = r.display;
    const node = nodeReducer(() => ({ ui: initialUiState(), display, hidden: { nodes: new Set(), edges: new Set() }, edgeLabel: () => "", selectedActors: new Set(), selectedRelationships: new Set() }));
    const attrs = display.getNodeAttributes("a");
    expect(node("a", attrs)).toBe(attrs);
  });
  it("a hover or selection change touches only the actors involved and their relationships", () => {
    const { display } = setup(initialUiState());
    const a = initialUiState();
    const b = P.setHoveredNode("c")(a);
    const t = touchedByInteraction(display, a, b);
    expect([...t.nodes]).toEqual(["c"]);
    expect([...t.edges].sort()).toEqual(["ac", "cd"]);
    const c = P.selectOnly({ actors: ["d"], relationships: ["ab"] })(b);
    const u = touchedByInteraction(display, b, c);
    expect([...u.nodes]).toEqual(["d"]);
    expect([...u.edges].sort()).toEqual(["ab", "cd"]);
  });
});
