// Query highlights and search matches on big maps: the reducers accent the marked items without
// fading the rest, so a change repaints only the items entering or leaving a set. Checked three
// ways: reducer output (big vs small), the exact touched sets, and — for random changes — that every
// item outside the touched set looks exactly the same before and after (nothing is left stale),
// while every item inside it changes (nothing is repainted for nothing).
import { describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/react";
import type Sigma from "sigma";
import { graphFromDocument, type PowerMapDocument } from "@powermap/core";
import type { EditorController } from "../src/editor-controller.ts";
import { BIG_MAP_NODES } from "../src/sigma/big-map.ts";
import { FADED_EDGE, FADED_NODE } from "../src/sigma/colors.ts";
import { ReducersController, touchedByUi } from "../src/sigma/controllers/ReducersController.tsx";
import { createDisplayGraph, DisplaySync, type DisplayGraph } from "../src/sigma/display-graph.ts";
import { edgeReducer, HIGHLIGHT_EDGE, nodeReducer, type ReducerContext } from "../src/sigma/reducers.ts";
import * as P from "../src/state/producers.ts";
import { UiStore } from "../src/state/ui-store.ts";
import { initialUiState, type UiState } from "../src/state/ui-state.ts";
import { hiddenByFilters } from "../src/state/visibility.ts";

/** a → b, a → c, c → d, d → e, plus `extra` isolated actors x0… (enough makes a big map). */
const doc = (extra = 0): PowerMapDocument => ({
  format: "powermap",
  version: 1,
  meta: {},
  actors: [..."abcde", ...Array.from({ length: extra }, (_, i) => `x${i}`)].map((id, i) => ({ id, name: id.toUpperCase(), kind: "person" as const, position: { x: i, y: i % 7 } })),
  relationships: [
    { id: "ab", from: "a", to: "b", kind: "influence" },
    { id: "ac", from: "a", to: "c", kind: "influence" },
    { id: "cd", from: "c", to: "d", kind: "donation" },
    { id: "de", from: "d", to: "e", kind: "influence" },
  ],
});
const EDGES = ["ab", "ac", "cd", "de"];

function displayOf(extra: number): { display: DisplayGraph; src: ReturnType<typeof graphFromDocument> } {
  const src = graphFromDocument(doc(extra));
  const display = createDisplayGraph();
  new DisplaySync(display).sync(src, { appearance: initialUiState().appearance });
  return { display, src };
}
const SMALL = displayOf(0);
const BIG = displayOf(BIG_MAP_NODES);

function contextOf(g: typeof SMALL, ui: UiState): ReducerContext {
  return {
    ui,
    display: g.display,
    hidden: hiddenByFilters(g.src, ui.filters),
    edgeLabel: (id) => `label of ${id}`,
    selectedActors: new Set(ui.selection.actors),
    selectedRelationships: new Set(ui.selection.relationships),
  };
}

function looks(g: typeof SMALL, ui: UiState) {
  const ctx = contextOf(g, ui);
  const node = nodeReducer(() => ctx);
  const edge = edgeReducer(() => ctx);
  return { n: (id: string) => node(id, g.display.getNodeAttributes(id)), e: (id: string) => edge(id, g.display.getEdgeAttributes(id)) };
}

const lit = (nodes: string[], edges: string[]) => P.setHighlight({ nodes, edges })(initialUiState());
const sorted = (s: Iterable<string>) => [...s].sort();

describe("highlight reducers: small maps fade, big maps accent", () => {
  const ui = lit(["a", "b"], ["ab"]);
  it("small map: the rest is faded, the highlight keeps its colours", () => {
    const r = looks(SMALL, ui);
    expect(r.n("d").color).toBe(FADED_NODE);
    expect(r.n("d").label).toBe("");
    expect(r.e("cd").color).toBe(FADED_EDGE);
    expect(r.n("a")).toMatchObject({ color: SMALL.display.getNodeAttribute("a", "color"), forceLabel: true, zIndex: 1 });
    expect(r.e("ab")).toMatchObject({ color: SMALL.display.getEdgeAttribute("ab", "color"), size: SMALL.display.getEdgeAttribute("ab", "size") + 2, forceLabel: true });
  });
  it("big map: the rest passes through untouched, the highlight is accented on the top layer", () => {
    const r = looks(BIG, ui);
    const d = BIG.display;
    expect(r.n("d")).toBe(d.getNodeAttributes("d"));
    expect(r.e("cd")).toBe(d.getEdgeAttributes("cd"));
    expect(r.n("x17")).toBe(d.getNodeAttributes("x17"));
    // Colour and size kept (arrow heads are placed from node sizes), drawn on sigma's hover layer.
    expect(r.n("a")).toEqual({ ...d.getNodeAttributes("a"), highlighted: true, forceLabel: true, zIndex: 1 });
    expect(r.e("ab")).toEqual({ ...d.getEdgeAttributes("ab"), color: HIGHLIGHT_EDGE, size: d.getEdgeAttribute("ab", "size") + 2, zIndex: 2, forceLabel: true, label: "label of ab" });
  });
  it("big map: hovering an actor adds to the highlight instead of replacing it", () => {
    const r = looks(BIG, P.setHoveredNode("a")(ui));
    const size = (id: string) => BIG.display.getEdgeAttribute(id, "size");
    expect(r.e("ab")).toMatchObject({ color: HIGHLIGHT_EDGE, size: size("ab") + 2.5 });
    expect(r.e("ac")).toMatchObject({ color: BIG.display.getEdgeAttribute("ac", "color"), size: size("ac") + 0.5, zIndex: 1 });
    expect(r.e("de")).toEqual(BIG.display.getEdgeAttributes("de"));
  });
});

describe("touchedByUi: the exact items a highlight or search change repaints", () => {
  const d = BIG.display;
  const none = initialUiState();
  const A = lit(["a", "b"], ["ab"]);
  const B = P.setHighlight({ nodes: ["b", "c", "d"], edges: ["cd"] })(A);
  it("null → A, A → B, B → null", () => {
    expect(touchedByUi(d, none, A)).toEqual({ nodes: new Set(["a", "b"]), edges: new Set(["ab"]) });
    expect(touchedByUi(d, A, B)).toEqual({ nodes: new Set(["a", "c", "d"]), edges: new Set(["ab", "cd"]) });
    expect(touchedByUi(d, B, P.setHighlight(null)(B))).toEqual({ nodes: new Set(["b", "c", "d"]), edges: new Set(["cd"]) });
  });
  it("the same highlight again touches nothing; ids not on the map are skipped", () => {
    expect(touchedByUi(d, A, P.setHighlight({ nodes: ["b", "a"], edges: ["ab"] })(A))).toEqual({ nodes: new Set(), edges: new Set() });
    expect(touchedByUi(d, none, lit(["a", "gone"], ["ab", "gone-edge"]))).toEqual({ nodes: new Set(["a"]), edges: new Set(["ab"]) });
  });
  it("search matches: the actors entering or leaving the matches, no relationship", () => {
    const s1 = P.setSearchMatches(["a", "e"])(A);
    const s2 = P.setSearchMatches(["e", "c"])(s1);
    expect(touchedByUi(d, A, s1)).toEqual({ nodes: new Set(["a", "e"]), edges: new Set() });
    expect(touchedByUi(d, s1, s2)).toEqual({ nodes: new Set(["a", "c"]), edges: new Set() });
    expect(sorted(touchedByUi(d, s2, P.setSearchMatches(null)(s2)).nodes)).toEqual(["c", "e"]);
  });
  it("random changes: items outside the touched set keep their look, items inside change", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (ids: string[]) => ids.filter(() => rnd() < 0.4);
    const ids = ["a", "b", "c", "d", "e", "x0", "x1"];
    const random = (base: UiState, lit: string[], found: string[]): UiState => {
      const s = P.setHighlight(rnd() < 0.2 ? null : { nodes: pick(lit), edges: pick(EDGES) })(base);
      return P.setSearchMatches(rnd() < 0.3 ? null : pick(found))(s);
    };
    // Minimality holds when no mark hides another: highlight and search on disjoint actors, nothing
    // selected. With overlaps, a hover and a selection held across the changes, only completeness
    // is checked (a selected actor already looks marked, so marking it again changes nothing).
    for (const [base, minimal] of [
      [initialUiState(), true],
      [P.selectOnly({ actors: ["c"] })(P.setHoveredNode("d")(initialUiState())), false],
    ] as const) {
      const lit = minimal ? ["a", "b", "c"] : ids;
      const found = minimal ? ["d", "e", "x0", "x1"] : ids;
      let prev = random(base, lit, found);
      for (let i = 0; i < 100; i++) {
        const next = random(base, lit, found);
        const t = touchedByUi(d, prev, next);
        const before = looks(BIG, prev);
        const after = looks(BIG, next);
        const check = (touched: boolean, a: unknown, b: unknown, what: string) => {
          if (!touched) expect(a, `${what} outside the touched set keeps its look`).toEqual(b);
          else if (minimal) expect(a, `${what} in the touched set changes`).not.toEqual(b);
        };
        // x2 stands for the thousands of actors never marked.
        for (const id of [...ids, "x2"]) check(t.nodes.has(id), after.n(id), before.n(id), `node ${id}`);
        for (const id of EDGES) check(t.edges.has(id), after.e(id), before.e(id), `edge ${id}`);
        prev = next;
      }
    }
  });
});

describe("ReducersController: which refresh sigma is asked for", () => {
  function mount(g: typeof SMALL) {
    const ui = new UiStore();
    const refresh = vi.fn();
    const sigma = { setSetting: vi.fn(), refresh } as unknown as Sigma;
    const controller = { ui, display: g.display, reducerContext: () => contextOf(g, ui.get()) } as unknown as EditorController;
    const view = render(<ReducersController sigma={sigma} controller={controller} />);
    return { ui, refresh, unmount: view.unmount };
  }
  it("big map: a highlight is a partial repaint without re-indexing, A → B repaints the difference", () => {
    const m = mount(BIG);
    m.ui.update(P.setHighlight({ nodes: ["a", "b"], edges: ["ab"] }));
    expect(m.refresh).toHaveBeenCalledTimes(1);
    expect(m.refresh).toHaveBeenLastCalledWith({ partialGraph: { nodes: ["a", "b"], edges: ["ab"] }, skipIndexation: true, schedule: true });
    m.ui.update(P.setHighlight({ nodes: ["b", "c"], edges: ["ac"] }));
    const opts = m.refresh.mock.lastCall![0] as { partialGraph: { nodes: string[]; edges: string[] } };
    expect(sorted(opts.partialGraph.nodes)).toEqual(["a", "c"]);
    expect(sorted(opts.partialGraph.edges)).toEqual(["ab", "ac"]);
    // A filter still re-processes everything.
    m.ui.update(P.setFilters({ kinds: ["person"] }));
    expect(m.refresh).toHaveBeenLastCalledWith({ schedule: true });
    m.unmount();
  });
  it("big map: an item sigma cannot repaint in place falls back to a full refresh", () => {
    const m = mount(BIG);
    m.refresh.mockImplementationOnce(() => {
      throw new Error('Sigma: node "a" can\'t be repaint');
    });
    m.ui.update(P.setSearchMatches(["a"]));
    expect(m.refresh).toHaveBeenCalledTimes(2);
    expect(m.refresh).toHaveBeenLastCalledWith({ schedule: true });
    m.unmount();
  });
  it("small map: a highlight re-processes everything (the rest is faded)", () => {
    const m = mount(SMALL);
    m.ui.update(P.setHighlight({ nodes: ["a"], edges: [] }));
    expect(m.refresh).toHaveBeenCalledTimes(1);
    expect(m.refresh).toHaveBeenLastCalledWith({ schedule: true });
    m.unmount();
  });
});
