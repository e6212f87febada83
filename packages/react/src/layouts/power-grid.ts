/**
 * The power-grid view as an editor position mode: each actor sits in the cell of its stance × power
 * (several per cell share it in a sub-grid), and dropping an actor in another cell changes its
 * stance and power in ONE map command — the organizers' sticky notes on the paper grid.
 */
import { powerGrid, type Actor, type GridPoint, type PowerMap } from "@powermap/core";
import type { PositionMode } from "../state/ui-state.ts";
import { CELL_H, CELL_W, cellAt, cellKey, cellOf, cellValues, slotPosition } from "./grid-geometry.ts";

export const POWER_GRID_ID = "power-grid";

/** Slot of every actor in its cell, ordered by name so placement is stable. */
export function gridSlots(map: Pick<PowerMap, "graph">): Map<string, { key: string; index: number; count: number }> {
  const byCell = new Map<string, { id: string; name: string }[]>();
  map.graph.forEachNode((id, a) => {
    const key = cellKey(cellOf(a));
    if (!byCell.has(key)) byCell.set(key, []);
    byCell.get(key)!.push({ id, name: a.name });
  });
  const out = new Map<string, { key: string; index: number; count: number }>();
  for (const [key, list] of byCell) {
    list.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    list.forEach((e, index) => out.set(e.id, { key, index, count: list.length }));
  }
  return out;
}

/** The patch a drop at (x, y) makes, or null when it lands outside the grid or in the same cell. */
export function gridDropPatch(actor: Pick<Actor, "stance" | "power">, x: number, y: number): Partial<Actor> | null {
  const cell = cellAt(x, y);
  if (!cell) return null;
  const { stance, power } = cellValues(cell);
  if (stance === actor.stance && power === actor.power) return null;
  return { stance, power };
}

/**
 * Core's grid coordinates (x = stance −2…2, y = power 1…5, spread within ±0.4 in a shared cell)
 * scaled to cells of CELL_W × CELL_H whose column 0 is stance −2 and row 0 is power 1.
 */
export function gridToGraph(p: Pick<GridPoint, "x" | "y">): { x: number; y: number } | null {
  return p.x === null || p.y === null ? null : { x: (p.x + 2.5) * CELL_W, y: (p.y - 0.5) * CELL_H };
}

/**
 * Builds the position mode for `map`. Actors with a stance and a power are placed by core's
 * powerGrid(); the others go to the "unknown" strips. Both recomputed when the map version moves.
 */
export function powerGridMode(map: PowerMap, onDrop?: (actorId: string, changed: boolean) => void): PositionMode {
  let cache: { version: number; slots: ReturnType<typeof gridSlots>; points: Map<string, GridPoint> } | null = null;
  const current = () => {
    if (!cache || cache.version !== map.version)
      cache = { version: map.version, slots: gridSlots(map), points: new Map(powerGrid(map).points.map((p) => [p.id, p])) };
    return cache;
  };
  return {
    id: POWER_GRID_ID,
    position(actor: Actor) {
      const { slots, points } = current();
      const point = points.get(actor.id);
      const placed = point ? gridToGraph(point) : null;
      if (placed) return placed;
      const s = slots.get(actor.id);
      return slotPosition(cellOf(actor), s?.index ?? 0, s?.count ?? 1);
    },
    drop(actorId: string, x: number, y: number) {
      const actor = map.getActor(actorId);
      const patch = actor ? gridDropPatch(actor, x, y) : null;
      if (patch) map.updateActor(actorId, patch);
      onDrop?.(actorId, patch !== null);
    },
  };
}
