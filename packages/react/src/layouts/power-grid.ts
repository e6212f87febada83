/**
 * The power-grid view as an editor position mode: each actor sits in the cell of its stance × power
 * (several in one cell are listed top-down), and dropping an actor in another cell changes its
 * stance and power in ONE map command — the organizers' sticky notes on the paper grid.
 */
import { powerGrid, type Actor, type PowerMap } from "@powermap/core";
import type { PositionMode } from "../state/ui-state.ts";
import { cellAt, cellKey, cellOf, cellValues, slotPosition, type Cell } from "./grid-geometry.ts";

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
 * Builds the position mode for `map`. The cell of each actor comes from core's powerGrid() (its
 * stance and power); inside a cell actors are listed top-down (slotPosition) rather than on core's
 * compact lattice, so that every label gets its own line. Recomputed when the map version moves.
 */
export function powerGridMode(map: PowerMap, onDrop?: (actorId: string, changed: boolean) => void): PositionMode {
  let cache: { version: number; slots: ReturnType<typeof gridSlots>; cells: Map<string, Cell> } | null = null;
  const current = () => {
    if (!cache || cache.version !== map.version)
      cache = { version: map.version, slots: gridSlots(map), cells: new Map(powerGrid(map).points.map((p) => [p.id, cellOf(p)])) };
    return cache;
  };
  return {
    id: POWER_GRID_ID,
    position(actor: Actor) {
      const { slots, cells } = current();
      const s = slots.get(actor.id);
      return slotPosition(cells.get(actor.id) ?? cellOf(actor), s?.index ?? 0, s?.count ?? 1);
    },
    drop(actorId: string, x: number, y: number) {
      const actor = map.getActor(actorId);
      const patch = actor ? gridDropPatch(actor, x, y) : null;
      if (patch) map.updateActor(actorId, patch);
      onDrop?.(actorId, patch !== null);
    },
  };
}
