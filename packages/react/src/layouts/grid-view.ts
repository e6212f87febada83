/**
 * Turning the power-grid view on and off, outside React: the position mode, the drawn grid layer and
 * a camera frame that includes the headers. The view ends itself when anything else replaces the
 * position mode (so the layer never outlives the mode, whichever panel is open).
 */
import type Sigma from "sigma";
import type { EditorContextValue } from "../context.ts";
import { setAppearance, setStatus } from "../state/producers.ts";
import { CELL_H, CELL_W, GAP } from "./grid-geometry.ts";
import { refit } from "./fit.ts";
import { attachGridOverlay } from "./grid-overlay.ts";
import { POWER_GRID_ID, powerGridMode } from "./power-grid.ts";

type Ctx = Pick<EditorContextValue, "map" | "ui" | "getSigma" | "setPositionMode">;

export const isGridOn = (ctx: Pick<EditorContextValue, "ui">): boolean => ctx.ui.get().positionMode?.id === POWER_GRID_ID;

/** Graph-space frame of the grid with its unknown strips and a margin for the headers. */
const GRID_BBOX = { x: [-140, 6 * CELL_W + GAP + 20] as [number, number], y: [-GAP - CELL_H - 20, 5 * CELL_H + 110] as [number, number] };

/** Frames `bbox` in the view: sigma normalises the bbox, then the camera zooms out until it all fits. */
function frame(sigma: Sigma, bbox: typeof GRID_BBOX): void {
  sigma.setCustomBBox(bbox);
  const camera = sigma.getCamera();
  camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  sigma.refresh();
  const { width, height } = sigma.getDimensions();
  const a = sigma.graphToViewport({ x: bbox.x[0], y: bbox.y[0] });
  const b = sigma.graphToViewport({ x: bbox.x[1], y: bbox.y[1] });
  const ratio = Math.max(1, Math.abs(b.x - a.x) / Math.max(1, width), Math.abs(b.y - a.y) / Math.max(1, height)) * 1.03;
  camera.setState({ x: 0.5, y: 0.5, ratio, angle: 0 });
}


export function enableGrid(ctx: Ctx): void {
  if (isGridOn(ctx)) return;
  const mode = powerGridMode(ctx.map, (id, changed) => {
    const a = ctx.map.getActor(id);
    if (!a) return;
    ctx.ui.update(
      setStatus(changed ? `${a.name}: stance ${a.stance ?? "unknown"}, power ${a.power ?? "unknown"}` : `${a.name} stays in its cell`),
    );
  });
  ctx.setPositionMode(mode);
  // Power is the grid's y axis: sizing by it again only makes nodes collide. Restored on leaving.
  const sizeBefore = ctx.ui.get().appearance.sizeBy;
  if (sizeBefore === "power") ctx.ui.update(setAppearance({ sizeBy: "uniform" }));
  const sigma = ctx.getSigma();
  const detach = sigma ? attachGridOverlay(sigma) : () => undefined;
  if (sigma) frame(sigma, GRID_BBOX);
  const unsubscribe = ctx.ui.subscribe(() => {
    if (ctx.ui.get().positionMode === mode) return;
    unsubscribe();
    detach();
    if (sizeBefore === "power" && ctx.ui.get().appearance.sizeBy === "uniform") ctx.ui.update(setAppearance({ sizeBy: "power" }));
    refit(sigma);
  });
}

export function disableGrid(ctx: Ctx): void {
  if (isGridOn(ctx)) ctx.setPositionMode(null);
}
