import { describe, expect, it } from "vitest";
import { PowerMap, type PowerMapDocument } from "@powermap/core";
import { CELL_H, CELL_W, cellAt, cellOf, cellValues, columnLeft, rowBottom, slotPosition } from "../../src/layouts/grid-geometry.ts";
import { gridDropPatch, gridSlots, powerGridMode } from "../../src/layouts/power-grid.ts";

const doc = (actors: PowerMapDocument["actors"]): PowerMapDocument => ({ format: "powermap", version: 1, meta: {}, actors, relationships: [] });
const centre = (col: number, row: number) => ({ x: columnLeft(col) + CELL_W / 2, y: rowBottom(row) + CELL_H / 2 });

describe("grid geometry", () => {
  it("maps every stance × power (and unknown) to a cell and back", () => {
    for (const stance of [undefined, -2, -1, 0, 1, 2])
      for (const power of [undefined, 1, 2, 3, 4, 5]) {
        const c = cellOf({ stance, power });
        const p = centre(c.col, c.row);
        expect(cellAt(p.x, p.y)).toEqual(c);
        expect(cellValues(c)).toEqual({ stance, power });
      }
  });
  it("puts strongly opposed on the left, supportive on the right, power 5 on top", () => {
    expect(centre(cellOf({ stance: -2, power: 1 }).col, 0).x).toBeLessThan(centre(cellOf({ stance: 2, power: 1 }).col, 0).x);
    expect(centre(0, cellOf({ stance: 0, power: 5 }).row).y).toBeGreaterThan(centre(0, cellOf({ stance: 0, power: 1 }).row).y);
  });
  it("reads the gaps and the outside as no cell", () => {
    expect(cellAt(-10, 10)).toBeNull();
    expect(cellAt(10, -10)).toBeNull(); // between the grid and the unknown-power strip
    expect(cellAt(5 * CELL_W + 5, 10)).toBeNull(); // between the grid and the unknown-stance column
  });
  it("keeps every slot of a crowded cell inside it and apart", () => {
    for (const n of [1, 2, 5, 6, 9, 12]) {
      const pts = Array.from({ length: n }, (_, i) => slotPosition({ col: 2, row: 3 }, i, n));
      for (const p of pts) expect(cellAt(p.x, p.y)).toEqual({ col: 2, row: 3 });
      const keys = new Set(pts.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
      expect(keys.size).toBe(n);
    }
  });
});

describe("powerGridMode", () => {
  const map = () =>
    PowerMap.fromDocument(
      doc([
        { id: "a", name: "Alpha", kind: "person", stance: -1, power: 2 },
        { id: "b", name: "Bravo", kind: "person", stance: -1, power: 2 },
        { id: "c", name: "Charlie", kind: "company" },
      ]),
    );

  it("places actors in the cell of their stance and power; unknowns in the strips", () => {
    const m = map();
    const mode = powerGridMode(m);
    expect(cellAt(mode.position(m.getActor("a")!).x, mode.position(m.getActor("a")!).y)).toEqual({ col: 1, row: 1 });
    const c = mode.position(m.getActor("c")!);
    expect(cellAt(c.x, c.y)).toEqual({ col: -1, row: -1 });
    const a = mode.position(m.getActor("a")!);
    const b = mode.position(m.getActor("b")!);
    expect(a).not.toEqual(b);
    expect(gridSlots(m).get("a")).toEqual({ key: "1:1", index: 0, count: 2 });
  });

  it("a drop in another cell sets stance and power as ONE undo step; undo restores both", () => {
    const m = map();
    const mode = powerGridMode(m);
    const p = centre(4, 4); // stance +2, power 5
    mode.drop!("a", p.x, p.y);
    expect(m.getActor("a")).toMatchObject({ stance: 2, power: 5 });
    m.undo();
    expect(m.getActor("a")).toMatchObject({ stance: -1, power: 2 });
    expect(m.canUndo).toBe(false);
  });

  it("a drop in the unknown column removes the stance; a drop in the same cell or outside changes nothing", () => {
    const m = map();
    const mode = powerGridMode(m);
    const v = m.version;
    const same = centre(1, 1);
    mode.drop!("a", same.x, same.y);
    mode.drop!("a", -500, -500);
    expect(m.version).toBe(v);
    const unknown = centre(-1, 1);
    mode.drop!("a", unknown.x, unknown.y);
    expect(m.getActor("a")!.stance).toBeUndefined();
    expect(m.getActor("a")!.power).toBe(2);
  });

  it("gridDropPatch is null for the actor's own cell", () => {
    const p = centre(2, 0);
    expect(gridDropPatch({ stance: 0, power: 1 }, p.x, p.y)).toBeNull();
    expect(gridDropPatch({ stance: 1, power: 1 }, p.x, p.y)).toEqual({ stance: 0, power: 1 });
  });
});
