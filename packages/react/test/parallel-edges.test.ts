import { describe, expect, it } from "vitest";
import { graphFromDocument, type PowerMapDocument, type Relationship } from "@powermap/core";
import { CURVE_STEP, createDisplayGraph, DisplaySync, parallelCurvature, type DisplayOptions } from "../src/sigma/display-graph.ts";
import { initialUiState } from "../src/state/ui-state.ts";

const rel = (id: string, from: string, to: string, kind: Relationship["kind"]): Relationship => ({ id, from, to, kind });
const doc = (relationships: Relationship[]): PowerMapDocument => ({
  format: "powermap",
  version: 1,
  meta: {},
  actors: [
    { id: "union", name: "Union", kind: "union", position: { x: 0, y: 0 } },
    { id: "member", name: "Board member", kind: "person", position: { x: 100, y: 0 } },
    { id: "other", name: "Other", kind: "person", position: { x: 0, y: 100 } },
  ],
  relationships,
});
const opts: DisplayOptions = { appearance: initialUiState().appearance };

/** Which side of the straight line from `a` to `b` an edge bends to, in absolute terms (+1 / −1 / 0). */
function side(curvature: number, source: string, target: string): number {
  // parallelCurvature flips the sign for edges drawn against the pair's canonical direction.
  return Math.sign(source < target ? curvature : -curvature);
}

describe("parallel relationships", () => {
  it("a donation and an endorsement between the same two actors bend apart; a lone relationship stays straight", () => {
    const src = graphFromDocument(doc([rel("d", "union", "member", "donation"), rel("e", "union", "member", "endorsement"), rel("x", "union", "other", "influence")]));
    const display = createDisplayGraph();
    new DisplaySync(display).sync(src, opts);
    const d = display.getEdgeAttributes("d");
    const e = display.getEdgeAttributes("e");
    expect(d.type).toBe("curvedArrow");
    expect(e.type).toBe("curvedArrow");
    expect(Math.abs(d.curvature!)).toBeCloseTo(CURVE_STEP / 2);
    expect(side(d.curvature!, "union", "member")).toBe(-side(e.curvature!, "union", "member"));
    expect(display.getEdgeAttributes("x")).toMatchObject({ type: "arrow" });
    expect(display.getEdgeAttribute("x", "curvature") ?? 0).toBe(0);
  });

  it("opposite directions are parallel too, and an undirected kind uses the curved line program", () => {
    const src = graphFromDocument(doc([rel("a", "union", "member", "donation"), rel("b", "member", "union", "alliance")]));
    const display = createDisplayGraph();
    new DisplaySync(display).sync(src, opts);
    const a = display.getEdgeAttributes("a");
    const b = display.getEdgeAttributes("b");
    expect(a.type).toBe("curvedArrow");
    expect(b.type).toBe("curved"); // alliance goes both ways: no arrow head
    expect(side(a.curvature!, "union", "member")).toBe(-side(b.curvature!, "member", "union"));
  });

  it("three in one pair: the middle one straight, the others on either side; removing one re-bends the rest", () => {
    const three = [rel("r1", "union", "member", "donation"), rel("r2", "union", "member", "endorsement"), rel("r3", "union", "member", "lobbying")];
    const src = graphFromDocument(doc(three));
    const display = createDisplayGraph();
    const sync = new DisplaySync(display);
    sync.sync(src, opts);
    const bends = ["r1", "r2", "r3"].map((id) => side(display.getEdgeAttribute(id, "curvature") ?? 0, "union", "member") * Math.abs(display.getEdgeAttribute(id, "curvature") ?? 0));
    expect(bends.map((b) => b + 0)).toEqual([-CURVE_STEP, 0, CURVE_STEP]); // ordered by id, on the pair's own axis
    expect(display.getEdgeAttribute("r2", "type")).toBe("arrow");
    src.dropEdge("r2");
    src.dropEdge("r3");
    sync.sync(src, opts);
    expect(display.getEdgeAttributes("r1")).toMatchObject({ type: "arrow" });
    expect(display.getEdgeAttribute("r1", "curvature") ?? 0).toBe(0);
    // An actor removed with its relationships leaves no stale pair behind.
    src.addDirectedEdgeWithKey("r4", "union", "member", { ...rel("r4", "union", "member", "funding") });
    sync.sync(src, opts);
    expect(display.getEdgeAttribute("r1", "type")).toBe("curvedArrow");
    src.dropNode("member");
    sync.sync(src, opts);
    expect(display.size).toBe(0);
  });

  it("parallelCurvature spreads n edges evenly and keeps each in its place by id", () => {
    const c = parallelCurvature([
      { id: "b", source: "x", target: "y" },
      { id: "a", source: "x", target: "y" },
    ]);
    expect(c.get("a")).toBe(-CURVE_STEP / 2);
    expect(c.get("b")).toBe(CURVE_STEP / 2);
    expect(parallelCurvature([{ id: "z", source: "y", target: "x" }]).get("z")).toBe(0);
  });
});
