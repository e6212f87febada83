/**
 * The organizers' power grid, as geometry: columns are stance (strongly opposed → strongly
 * supportive, plus an "unknown" column on the right), rows are power (1 at the bottom … 5 at the
 * top, plus an "unknown" row below). Graph coordinates grow upwards (sigma's convention). Pure.
 */
import type { Actor } from "@powermap/core";

export const CELL_W = 300;
export const CELL_H = 240;
/** Gap between the unknown column/row and the grid proper. */
export const GAP = 60;

/** Column of a stance: 0…4 for −2…+2, −1 for unknown. */
export const stanceColumn = (stance: number | undefined): number => (stance === undefined ? -1 : stance + 2);
/** Row of a power: 0…4 for 1…5, −1 for unknown. */
export const powerRow = (power: number | undefined): number => (power === undefined ? -1 : power - 1);

/** Left edge of a column in graph coordinates (the grid proper spans x ∈ [0, 5·CELL_W]; "unknown" right of it). */
export const columnLeft = (col: number): number => (col < 0 ? 5 * CELL_W + GAP : col * CELL_W);
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
  const col = x >= 0 && x < 5 * CELL_W ? Math.floor(x / CELL_W) : x >= 5 * CELL_W + GAP && x < 6 * CELL_W + GAP ? -1 : null;
  const row = y >= 0 && y < 5 * CELL_H ? Math.floor(y / CELL_H) : y >= -GAP - CELL_H && y < -GAP ? -1 : null;
  return col === null || row === null ? null : { col, row };
}

/** The stance and power a cell stands for (undefined = unknown). */
export function cellValues(c: Cell): { stance: number | undefined; power: number | undefined } {
  return { stance: c.col < 0 ? undefined : c.col - 2, power: c.row < 0 ? undefined : c.row + 1 };
}

/**
 * Vertical distance between actors listed in a cell, in graph units: one label line (12 px text)
 * at the scale the grid is framed at on a laptop screen (a cell ≈ 110 × 90 px), so that neighbouring
 * labels never touch. Zooming in only spreads them further.
 */
export const SLOT_LINE = 36;
/** Most columns a cell is split into; beyond that, rows get tighter. */
export const MAX_SLOT_COLUMNS = 3;

/** The free band of a cell's height (graph y, bottom → top): the quadrant captions keep their strip. */
function slotBand(row: number): [number, number] {
  const bottom = rowBottom(row);
  const lo = bottom + CELL_H * (row === 0 ? 0.2 : 0.1); // bottom row: captions along its bottom edge
  const hi = bottom + CELL_H * (row === 4 ? 0.8 : 0.9); // top row: captions along its top edge
  return [lo, hi];
}

/** Columns and rows of the sub-grid for n actors in a cell of `row`. */
export function slotGrid(n: number, row: number): { cols: number; rows: number } {
  const [lo, hi] = slotBand(row);
  const maxRows = Math.floor((hi - lo) / SLOT_LINE) + 1;
  const cols = Math.min(MAX_SLOT_COLUMNS, Math.max(1, Math.ceil(n / maxRows)));
  return { cols, rows: Math.max(1, Math.ceil(n / cols)) };
}

/**
 * Where the i-th of n actors sharing a cell sits, like sticky notes: a list read top-down, one label
 * line apart, in as many columns as the cell needs (up to MAX_SLOT_COLUMNS), the node at the left of
 * its label. `labelWidth` is the room the label has before the next column or cell (graph units):
 * the canvas cuts longer names with an ellipsis (hovering shows them whole).
 */
export function slotPosition(c: Cell, i: number, n: number): { x: number; y: number; labelWidth: number } {
  const { cols, rows } = slotGrid(n, c.row);
  const cx = Math.floor(i / rows);
  const cy = i % rows;
  const colW = (CELL_W * 0.93) / cols;
  const x = columnLeft(c.col) + CELL_W * 0.05 + cx * colW;
  const [lo, hi] = slotBand(c.row);
  const step = rows > 1 ? Math.min(SLOT_LINE * 1.5, (hi - lo) / (rows - 1)) : 0;
  const y = (lo + hi) / 2 + step * ((rows - 1) / 2 - cy);
  return { x, y, labelWidth: colW };
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
