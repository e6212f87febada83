// Layouts: force-directed (worker), circular, and the stance × power grid view.
export { LayoutPanel, LAYOUTS } from "./LayoutPanel.tsx";
export { startForceLayout, defaultDuration, isLiveLayout, FA2_UNDO_LABEL, LIVE_LAYOUT_MAX_NODES, LIVE_LAYOUT_MAX_EDGES, BIG_LAYOUT_MIN_GAP_MS, BIG_LAYOUT_APPLY_RATIO } from "./forceatlas2.ts";
export type { ForceLayoutHost, ForceLayoutRun, ForceLayoutProgress, ForceLayoutOptions, LayoutClock } from "./forceatlas2.ts";
export { layoutSettings, layoutMatrices, prepareMatrices } from "./fa2-matrices.ts";
export type { LayoutMatrices, MatrixBuild } from "./fa2-matrices.ts";
export { prepareLayout, PREPARE_SLICE_MS } from "./fa2-prepare.ts";
export { createFa2Engine } from "./fa2-engine.ts";
export type { LayoutPort, LayoutRequest, LayoutMessage } from "./fa2-protocol.ts";
export { circularPositions, applyCircularLayout, CIRCULAR_UNDO_LABEL } from "./circular.ts";
export { powerGridMode, gridSlots, gridDropPatch, POWER_GRID_ID } from "./power-grid.ts";
export { enableGrid, disableGrid, isGridOn } from "./grid-view.ts";
export { attachGridOverlay } from "./grid-overlay.ts";
export * as gridGeometry from "./grid-geometry.ts";
