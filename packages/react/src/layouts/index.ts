// Layouts: force-directed (worker), circular, and the stance × power grid view.
export { LayoutPanel, LAYOUTS } from "./LayoutPanel.tsx";
export { startForceLayout, defaultDuration, FA2_UNDO_LABEL } from "./forceatlas2.ts";
export type { ForceLayoutHost, ForceLayoutRun } from "./forceatlas2.ts";
export { circularPositions, applyCircularLayout, CIRCULAR_UNDO_LABEL } from "./circular.ts";
export { powerGridMode, gridSlots, gridDropPatch, POWER_GRID_ID } from "./power-grid.ts";
export { enableGrid, disableGrid, isGridOn } from "./grid-view.ts";
export { attachGridOverlay } from "./grid-overlay.ts";
export * as gridGeometry from "./grid-geometry.ts";
