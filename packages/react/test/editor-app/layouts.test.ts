import { describe, expect, it } from "vitest";
import { PowerMap, schoolBoardExample } from "@powermap/core";
import { applyCircularLayout, CIRCULAR_UNDO_LABEL, circularPositions } from "../../src/layouts/circular.ts";
import { createDisplayGraph, DisplaySync } from "../../src/sigma/display-graph.ts";
import { initialUiState } from "../../src/state/ui-state.ts";
import { defaultDuration } from "../../src/layouts/forceatlas2.ts";

describe("circularPositions", () => {
  it("puts every actor on one circle, at distinct angles, grouped by side", () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const pos = circularPositions(map.graph);
    expect(pos.size).toBe(map.graph.order);
    const radii = [...pos.values()].map((p) => Math.hypot(p.x, p.y));
    const r = radii[0];
    for (const x of radii) expect(Math.abs(x - r)).toBeLessThan(0.05);
    const angles = new Set([...pos.values()].map((p) => Math.atan2(p.y, p.x).toFixed(4)));
    expect(angles.size).toBe(map.graph.order);
    // "own" actors come first on the ring: they are consecutive.
    const order = [...pos.keys()];
    const own = order.map((id) => map.graph.getNodeAttributes(id).roles?.includes("own") ?? false);
    const first = own.indexOf(true);
    const last = own.lastIndexOf(true);
    expect(own.slice(first, last + 1).every(Boolean)).toBe(true);
  });
});

describe("applyCircularLayout", () => {
  it("writes the positions as one undo step", () => {
    const map = PowerMap.fromDocument(schoolBoardExample());
    const display = createDisplayGraph();
    new DisplaySync(display).sync(map.graph, { appearance: initialUiState().appearance });
    const before = map.toDocument();
    let commits = 0;
    const host = {
      getSigma: () => null,
      getDisplayGraph: () => display,
      commitDisplayPositions: (label: string, ids?: readonly string[]) => {
        commits++;
        expect(label).toBe(CIRCULAR_UNDO_LABEL);
        map.batch(label, () => {
          for (const id of ids ?? display.nodes()) map.updateActor(id, { position: { x: display.getNodeAttribute(id, "x"), y: display.getNodeAttribute(id, "y") } });
        });
      },
    };
    applyCircularLayout(host, map.graph);
    expect(commits).toBe(1);
    const expected = circularPositions(map.graph);
    for (const [id, p] of expected) expect(map.getActor(id)!.position).toEqual(p);
    map.undo();
    expect(map.toDocument()).toEqual(before);
  });
});

describe("defaultDuration", () => {
  it("grows with the map and is capped", () => {
    expect(defaultDuration(10)).toBeLessThan(defaultDuration(5000));
    expect(defaultDuration(1e7)).toBe(20_000);
  });
});
