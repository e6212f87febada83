import { describe, expect, it } from "vitest";
import { PowerMap, RELATIONSHIP_KINDS, mulberry32, type Actor, type PowerGraph, type PowerMapDocument, type Relationship } from "@powermap/core";
import { createDisplayGraph, DisplaySync, type DisplayGraph, type DisplayOptions } from "../src/sigma/display-graph.ts";
import { initialUiState } from "../src/state/ui-state.ts";

/** A seeded generator (core's mulberry32), so a failing sequence can be replayed. */
const rng = mulberry32;

const opts: DisplayOptions = { appearance: initialUiState().appearance };
const KINDS = ["influence", "donation", "family", "employment", "endorsement"].filter((k) => (RELATIONSHIP_KINDS as readonly string[]).includes(k)) as Relationship["kind"][];

/** What a display graph shows, in a comparable form (x/y of actors without a stored position: see below). */
function picture(display: DisplayGraph, src: PowerGraph) {
  const nodes = display
    .mapNodes((id, a) => {
      const stored = src.hasNode(id) && src.getNodeAttributes(id).position !== undefined;
      // An actor without a stored position is placed by its index at the time it was first drawn,
      // which a from-scratch sync cannot know: only its finiteness is compared.
      return [id, { ...a, x: stored ? a.x : Number.isFinite(a.x), y: stored ? a.y : Number.isFinite(a.y), labelWidth: a.labelWidth }] as const;
    })
    .sort((p, q) => (p[0] < q[0] ? -1 : 1));
  const edges = display
    .mapEdges((id, a, source, target) => [id, { ...a, curvature: (a.curvature ?? 0) + 0 /* -0 and 0 bend alike */, source, target }] as const)
    .sort((p, q) => (p[0] < q[0] ? -1 : 1));
  return { nodes, edges };
}

function fromScratch(src: PowerGraph): DisplayGraph {
  const d = createDisplayGraph();
  const s = new DisplaySync(d);
  s.sync(src, opts);
  s.dispose(); // stop following the map's events (one sync per step would pile up listeners)
  return d;
}

function smallDoc(r: () => number, prefix: string, n: number): PowerMapDocument {
  const actors: Actor[] = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    name: `${prefix.toUpperCase()} ${i}`,
    kind: "person",
    ...(r() < 0.8 ? { position: { x: Math.round(r() * 100), y: Math.round(r() * 100) } } : {}),
  }));
  const relationships: Relationship[] = [];
  for (let i = 0; i < n * 2; i++) {
    const from = actors[Math.floor(r() * n)]!.id;
    const to = actors[Math.floor(r() * n)]!.id;
    relationships.push({ id: `${prefix}r${i}`, from, to, kind: KINDS[Math.floor(r() * KINDS.length)]! });
  }
  return { format: "powermap", version: 1, meta: {}, actors, relationships };
}

/** One random edit through PowerMap's API (the way the editor changes a map). */
function randomEdit(map: PowerMap, r: () => number, step: number, inBatch = false): void {
  const actors = map.actors();
  const rels = map.relationships();
  const anyActor = () => actors[Math.floor(r() * actors.length)]!;
  const anyRel = () => rels[Math.floor(r() * rels.length)]!;
  const roll = inBatch ? r() * 0.75 : r(); // no undo, redo or replace inside a batch
  if (roll < 0.12 || actors.length < 2) {
    map.addActor({ id: `n${step}`, name: `New ${step}`, kind: "company", ...(r() < 0.7 ? { position: { x: r() * 100, y: r() * 100 } } : {}) });
  } else if (roll < 0.3) {
    const a = anyActor();
    const p = r();
    map.updateActor(a.id, p < 0.4 ? { position: { x: r() * 100, y: r() * 100 } } : p < 0.6 ? { stance: 2 } : p < 0.8 ? { power: 5 } : { name: `${a.name}!` });
  } else if (roll < 0.34) {
    // A layout or multi-drag commit: several actors moved as one command.
    map.moveActors(actors.slice(0, 1 + Math.floor(r() * actors.length)).map((a) => [a.id, { x: Math.round(r() * 1000) / 10, y: Math.round(r() * 1000) / 10 }] as const));
  } else if (roll < 0.38) {
    map.removeActor(anyActor().id);
  } else if (roll < 0.55) {
    // Often between the same two actors, in either direction, to exercise parallel-edge curvature.
    const pool = actors.slice(0, 4);
    const from = (r() < 0.6 ? pool[Math.floor(r() * pool.length)] : anyActor())!.id;
    const to = (r() < 0.6 ? pool[Math.floor(r() * pool.length)] : anyActor())!.id;
    map.addRelationship({ id: `e${step}`, from, to, kind: KINDS[Math.floor(r() * KINDS.length)]! });
  } else if (roll < 0.68 && rels.length > 0) {
    const rel = anyRel();
    const p = r();
    map.updateRelationship(rel.id, p < 0.3 ? { strength: 5 } : p < 0.6 ? { kind: KINDS[Math.floor(r() * KINDS.length)]! } : { to: anyActor().id });
  } else if (roll < 0.75 && rels.length > 0) {
    map.removeRelationship(anyRel().id);
  } else if (roll < 0.85) {
    map.undo();
  } else if (roll < 0.92) {
    map.redo();
  } else if (roll < 0.96) {
    map.batch("several", () => {
      for (let i = 0; i < 3; i++) randomEdit(map, r, step * 1000 + i, true);
    });
  } else {
    map.replaceDocument(smallDoc(r, `d${step}x`, 5 + Math.floor(r() * 5)));
  }
}

describe("DisplaySync after edits (incremental)", () => {
  it("after random edit sequences, the display equals a from-scratch sync (attributes and curvature)", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = rng(seed);
      const map = PowerMap.fromDocument(smallDoc(r, "a", 12));
      const display = createDisplayGraph();
      const sync = new DisplaySync(display);
      sync.sync(map.graph, opts);
      for (let step = 0; step < 60; step++) {
        randomEdit(map, r, step);
        // Sometimes several edits land before the display catches up (one sync per tick).
        if (r() < 0.3) continue;
        sync.sync(map.graph, opts);
        expect(picture(display, map.graph), `seed ${seed}, step ${step}`).toEqual(picture(fromScratch(map.graph), map.graph));
      }
    }
  }, 60_000);

  it("visits only the changed records: an edit of one actor reads one record", () => {
    const r = rng(7);
    const map = PowerMap.fromDocument(smallDoc(r, "a", 200));
    const display = createDisplayGraph();
    const sync = new DisplaySync(display);
    sync.sync(map.graph, opts);
    expect(sync.pending).toBe(0);
    // Count the reads of records the sync does on the map's graph.
    const g = map.graph;
    let reads = 0;
    const spy = <K extends "forEachNode" | "forEachEdge" | "getNodeAttributes" | "getEdgeAttributes">(k: K) => {
      const orig = g[k].bind(g) as (...args: unknown[]) => unknown;
      (g as unknown as Record<string, unknown>)[k] = (...args: unknown[]) => {
        reads++;
        return orig(...args);
      };
    };
    spy("forEachNode");
    spy("forEachEdge");
    spy("getNodeAttributes");
    spy("getEdgeAttributes");
    map.updateActor("a3", { position: { x: 1, y: 2 } });
    expect(sync.pending).toBe(1);
    reads = 0; // (updateActor itself read the record)
    sync.sync(map.graph, opts);
    expect(reads).toBe(1);
    expect(display.getNodeAttributes("a3")).toMatchObject({ x: 1, y: 2 });
  });

  it("committing the positions the display already shows (a layout's end) writes nothing to it", () => {
    const r = rng(11);
    const map = PowerMap.fromDocument(smallDoc(r, "a", 300));
    const display = createDisplayGraph();
    const sync = new DisplaySync(display);
    sync.sync(map.graph, opts);
    // The layout moves the display's nodes; the commit rounds them to 0.01 in the records.
    display.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.x + r() * 50, y: a.y - r() * 50 }), { attributes: ["x", "y"] });
    const shown = new Map(display.mapNodes((id, a) => [id, { x: a.x, y: a.y }] as const));
    let writes = 0;
    display.on("nodeAttributesUpdated", () => writes++);
    map.moveActors([...shown].map(([id, p]) => [id, { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 }] as const));
    sync.sync(map.graph, opts);
    expect(writes).toBe(0);
    // Moved somewhere else (undo): the display follows, with the nodes' look unchanged.
    map.undo();
    sync.sync(map.graph, opts);
    expect(writes).toBe(300);
    expect(picture(display, map.graph)).toEqual(picture(fromScratch(map.graph), map.graph));
  });

  it("a full walk is still done for an appearance change, and after replaceDocument", () => {
    const r = rng(3);
    const map = PowerMap.fromDocument(smallDoc(r, "a", 10));
    const display = createDisplayGraph();
    const sync = new DisplaySync(display);
    sync.sync(map.graph, opts);
    map.replaceDocument(smallDoc(r, "b", 8));
    expect(sync.pending).toBe(map.graph.order + map.graph.size);
    sync.sync(map.graph, opts);
    expect(picture(display, map.graph)).toEqual(picture(fromScratch(map.graph), map.graph));
    const byKind: DisplayOptions = { appearance: { ...opts.appearance, colorBy: "kind", edgeLabels: !opts.appearance.edgeLabels } };
    sync.sync(map.graph, byKind, true);
    const fresh = createDisplayGraph();
    const scratch = new DisplaySync(fresh);
    scratch.sync(map.graph, byKind);
    scratch.dispose();
    expect(picture(display, map.graph)).toEqual(picture(fresh, map.graph));
  });
});
