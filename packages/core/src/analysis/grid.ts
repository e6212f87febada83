import { graphOf, type MapLike } from "../graph/input.ts";

/** The organizer's power grid: stance (support vs opposition) × power over the decision. */
export const GRID_QUADRANTS = [
  "allies with power",
  "allies with little power",
  "neutral with power",
  "neutral with little power",
  "opponents with power",
  "opponents with little power",
  "unknown stance",
  "unknown power",
] as const;
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];

/** Power from which an actor counts as "with power" (on 1…5). */
export const GRID_POWER_THRESHOLD = 3;

export interface GridPoint {
  id: string;
  name: string;
  stance?: number;
  power?: number;
  quadrant: GridQuadrant;
  /**
   * Layout coordinates: x = stance (−2…2), y = power (1…5), spread inside the cell so actors sharing
   * a cell do not overlap (offsets within ±0.4). Null when the value is unknown.
   */
  x: number | null;
  y: number | null;
}

export interface PowerGrid {
  points: GridPoint[];
  /** Actor ids by quadrant (every quadrant present, possibly empty). */
  quadrants: Record<GridQuadrant, string[]>;
}

function quadrantOf(stance: number | undefined, power: number | undefined): GridQuadrant {
  if (stance === undefined) return "unknown stance";
  if (power === undefined) return "unknown power";
  const high = power >= GRID_POWER_THRESHOLD;
  if (stance > 0) return high ? "allies with power" : "allies with little power";
  if (stance < 0) return high ? "opponents with power" : "opponents with little power";
  return high ? "neutral with power" : "neutral with little power";
}

/**
 * Places every actor on the stance × power grid. Quadrants: stance > 0 allies, 0 neutral (the
 * people to move), < 0 opponents; power ≥ 3 "with power". Actors without a stance (or without a
 * power) are listed separately. Points in the same (stance, power) cell are spread on a small square
 * lattice, ordered by name then id, so the layout is deterministic.
 */
export function powerGrid(map: MapLike): PowerGrid {
  const graph = graphOf(map);
  const quadrants = Object.fromEntries(GRID_QUADRANTS.map((q) => [q, [] as string[]])) as Record<GridQuadrant, string[]>;
  const points: GridPoint[] = [];
  const cells = new Map<string, GridPoint[]>();
  graph.forEachNode((id, a) => {
    const stance = typeof a.stance === "number" ? a.stance : undefined;
    const power = typeof a.power === "number" ? a.power : undefined;
    const p: GridPoint = { id, name: a.name, quadrant: quadrantOf(stance, power), x: stance ?? null, y: power ?? null };
    if (stance !== undefined) p.stance = stance;
    if (power !== undefined) p.power = power;
    points.push(p);
    quadrants[p.quadrant].push(id);
    if (stance !== undefined && power !== undefined) {
      const key = `${stance}:${power}`;
      (cells.get(key) ?? cells.set(key, []).get(key)!).push(p);
    }
  });
  for (const cell of cells.values()) {
    if (cell.length < 2) continue;
    cell.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    const side = Math.ceil(Math.sqrt(cell.length));
    const step = 0.8 / side;
    cell.forEach((p, i) => {
      p.x = p.stance! - 0.4 + step * ((i % side) + 0.5);
      p.y = p.power! - 0.4 + step * (Math.floor(i / side) + 0.5);
    });
  }
  return { points, quadrants };
}
