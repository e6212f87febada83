import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type Sigma from "sigma";
import { PowerMap } from "@powermap/core";
import { BIG_MAP_NODES } from "../src/sigma/big-map.ts";
import { createDisplayGraph, DisplaySync, type DisplayGraph, type DisplayOptions } from "../src/sigma/display-graph.ts";
import { repaintGuard } from "../src/sigma/repaint-guard.ts";
import { initialUiState } from "../src/state/ui-state.ts";

/** The part of sigma the guard uses (its events and the graph it holds), and what the test drives. */
function fakeSigma(graph: DisplayGraph) {
  const e = new EventEmitter();
  let held: unknown = graph;
  const sigma = Object.assign(e, { getGraph: () => held }) as unknown as Sigma;
  return { sigma, process: () => e.emit("afterProcess"), hold: (g: unknown) => void (held = g) };
}

const doc = () => ({
  format: "powermap" as const,
  version: 1 as const,
  meta: {},
  actors: [
    { id: "a", name: "A", kind: "person" as const, stance: 1 as const, power: 3 as const },
    { id: "b", name: "B", kind: "company" as const, power: 5 as const },
  ],
  relationships: [{ id: "ab", from: "a", to: "b", kind: "influence" as const }],
});

/** The map synced into a display graph watched by a repaint guard; `hints` lists each bulk restyle's hints. */
function synced(map: PowerMap) {
  const display = createDisplayGraph();
  const sync = new DisplaySync(display);
  const base: DisplayOptions = { appearance: initialUiState().appearance };
  sync.sync(map.graph, base);
  const sigma = fakeSigma(display);
  const guard = repaintGuard(sigma.sigma, display);
  sync.colourInPlace = () => guard.ok;
  const hints: unknown[] = [];
  display.on("eachNodeAttributesUpdated", (e: { hints?: unknown }) => hints.push(e.hints ?? null));
  return { display, sync, base, sigma, guard, hints };
}

describe("colour-only restyle in place", () => {
  it("tells the renderer 'colour only' when no size changed and sigma's buffers hold every node; else the full pass", () => {
    const map = PowerMap.fromDocument(doc());
    const { sync, sigma, guard, hints, base, display } = synced(map);

    // Not processed yet: full pass even for a colour change.
    sync.sync(map.graph, { appearance: { ...base.appearance, colorBy: "kind" } }, "nodes");
    expect(hints.at(-1)).toBe(null);
    sigma.process();
    sync.sync(map.graph, { appearance: { ...base.appearance, colorBy: "role" } }, "nodes");
    expect(hints.at(-1)).toEqual({ attributes: ["color"] });
    // Sizes change (size by uniform instead of power): full pass.
    sync.sync(map.graph, { appearance: { ...base.appearance, colorBy: "role", sizeBy: "uniform" } }, "nodes");
    expect(hints.at(-1)).toBe(null);
    // A node added since the last process has no slot yet: full pass until sigma processes again.
    map.addActor({ id: "c", name: "C", kind: "person" });
    sync.sync(map.graph, { appearance: { ...base.appearance, colorBy: "kind", sizeBy: "uniform" } }, "nodes");
    expect(hints.at(-1)).toBe(null);
    sigma.process();
    sync.sync(map.graph, { appearance: { ...base.appearance, colorBy: "stance", sizeBy: "uniform" } }, "nodes");
    expect(hints.at(-1)).toEqual({ attributes: ["color"] });
    expect(display.getNodeAttribute("c", "color")).toBe(display.getNodeAttribute("b", "color")); // both of unknown stance
    // While sigma holds another graph (bulk sync detaches it), its process says nothing about ours.
    sigma.hold(createDisplayGraph());
    sigma.process();
    map.removeActor("c");
    sync.sync(map.graph, { appearance: { ...base.appearance, colorBy: "kind", sizeBy: "uniform" } }, "nodes");
    expect(hints.at(-1)).toBe(null);
    guard.dispose();
  });

  it("on a big map a size change is repainted in place too (hinted size and colour), once sigma holds every node", () => {
    const n = BIG_MAP_NODES;
    const map = PowerMap.fromDocument({
      ...doc(),
      actors: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, name: `A${i}`, kind: "person" as const, power: (1 + (i % 5)) as 1 | 2 | 3 | 4 | 5 })),
      relationships: [{ id: "r", from: "a0", to: "a1", kind: "influence" as const }],
    });
    const { sync, sigma, guard, hints, base, display } = synced(map);
    sigma.process();
    sync.sync(map.graph, { appearance: { ...base.appearance, sizeBy: "uniform" } }, "nodes");
    expect(hints.at(-1)).toEqual({ attributes: ["size", "color"] });
    expect(display.getNodeAttribute("a3", "size")).toBe(7);
    sync.sync(map.graph, { appearance: { ...base.appearance, sizeBy: "uniform", colorBy: "kind" } }, "nodes");
    expect(hints.at(-1)).toEqual({ attributes: ["color"] });
    // Not processed since a node was added: the full pass, as on small maps.
    map.addActor({ id: "late", name: "Late", kind: "person" });
    sync.sync(map.graph, { appearance: { ...base.appearance, sizeBy: "power" } }, "nodes");
    expect(hints.at(-1)).toBe(null);
    guard.dispose();
  });
});
