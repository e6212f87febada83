/**
 * The organizers' power grid, as geometry: columns are stance (strongly opposed → strongly
 * supportive, plus an "unknown" column on the left), rows are power (1 at the bottom … 5 at the
 * top, plus an "unknown" row below). Graph coordinates grow upwards (sigma's convention). Pure.
 */
import type { Actor } from "@powermap/core";

export const CELL_W = 220;
export const CELL_H = 160;
/** Gap between the unknown column/row and the grid proper. */
export const GAP = 60;

/** Column of a stance: 0…4 for −2…+2, −1 for unknown. */
export const stanceColumn = (stance: number | undefined): number => (stance === undefined ? -1 : stance + 2);
/** Row of a power: 0…4 for 1…5, −1 for unknown. */
export const powerRow = (power: number | undefined): number => (power === undefined ? -1 : power - 1);

/** Left edge of a column in graph coordinates (the grid proper spans x ∈ [0, 5·CELL_W]). */
export const columnLeft = (col: number): number => (col < 0 ? -GAP - CELL_W : col * CELL_W);
/** Bottom edge of a row (the grid proper spans y ∈ [0, 5·CELL_H]). */
export const rowBottom = (row: number): number => (row < 0 ? -GAP - CELL_H : row * CELL_H);

export interface Cell {
  col: number;
  row: number;
}

export const cellOf = (a: Pick<Actor, "stance" | "power">): Cell => ({ col: stanceColumn(a.stance), row: powerRow(a.power) });
export const cellKey = (c: Cell): string => `${c.col}:${c.row}`;

/**
 * The cell under a point, or null outside the grid and its unknown strips (including the gaps,
 * so a drop between zones is not misread).
 */
export function cellAt(x: number, y: number): Cell | null {
  const col = x >= 0 && x < 5 * CELL_W ? Math.floor(x / CELL_W) : x >= -GAP - CELL_W && x < -GAP ? -1 : null;
  const row = y >= 0 && y < 5 * CELL_H ? Math.floor(y / CELL_H) : y >= -GAP - CELL_H && y < -GAP ? -1 : null;
  return col === null || row === null ? null : { col, row };
}

/** The stance and power a cell stands for (undefined = unknown). */
export function cellValues(c: Cell): { stance: number | undefined; power: number | undefined } {
  return { stance: c.col < 0 ? undefined : c.col - 2, power: c.row < 0 ? undefined : c.row + 1 };
}

/**
 * Where the i-th of n actors sharing a cell sits: a small centred sub-grid inside the cell, so
 * several sticky notes in one cell stay apart.
 */
export function slotPosition(c: Cell, i: number, n: number): { x: number; y: number } {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const cx = i % cols;
  const cy = Math.floor(i / cols);
  const pad = 0.15;
  const x = columnLeft(c.col) + CELL_W * (pad + ((1 - 2 * pad) * (cx + 0.5)) / cols);
  // First rows at the top of the cell (graph y grows upwards).
  const y = rowBottom(c.row) + CELL_H * (1 - pad - ((1 - 2 * pad) * (cy + 0.5)) / rows);
  return { x, y };
}

export const STANCE_HEADERS = ["Strongly opposed", "Opposed", "Neutral", "Supportive", "Strongly supportive"];

/**
 * The quadrants organizers read on the paper grid, as core's powerGrid() names them: stance < 0
 * opponents, 0 neutral, > 0 allies; "with power" from power 3 (GRID_POWER_THRESHOLD) up.
 */
export const QUADRANTS = [
  { id: "opponents with power", label: "Opponents with power", col: 0, row: 4 },
  { id: "neutral with power", label: "Neutral with power: persuade", col: 2, row: 4 },
  { id: "allies with power", label: "Allies with power", col: 4, row: 4 },
  { id: "opponents with little power", label: "Opponents, little power", col: 0, row: 0 },
  { id: "neutral with little power", label: "Neutral, little power", col: 2, row: 0 },
  { id: "allies with little power", label: "Allies, little power: build it", col: 4, row: 0 },
] as const;

/** Row index where "with power" starts (power 3). */
export const POWER_SPLIT_ROW = 2;
