/**
 * Loading a document into the editor. Small maps go through the controller (camera animates to the
 * new map). A big map is framed at once instead: every animation frame of a 50k-relationship map
 * costs as much as the first picture, and the first picture is what the user waits for.
 */
import type { PowerMapDocument } from "@powermap/core";
import type Sigma from "sigma";
import type { EditorController } from "./editor-controller.ts";
import type { DisplayGraph } from "./sigma/display-graph.ts";
import { BIG_MAP_EDGES, BIG_MAP_NODES, isBigMap } from "./sigma/big-map.ts";

/** Map version at which the bulk sync last framed the view (so loading does not frame twice). */
const framedAt = new WeakMap<EditorController, number>();
/** Records that the view was framed for the map's current version. */
export function markFramed(controller: EditorController): void {
  framedAt.set(controller, controller.map.version);
}

/** Extent of the display graph, as sigma's bounding box; null when it is empty. */
export function displayBBox(display: DisplayGraph): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  display.forEachNode((_id, a) => {
    if (a.x < x0) x0 = a.x;
    if (a.x > x1) x1 = a.x;
    if (a.y < y0) y0 = a.y;
    if (a.y > y1) y1 = a.y;
  });
  return Number.isFinite(x0) ? { x: [x0, x1], y: [y0, y1] } : null;
}

/** Frames the whole display graph without animation and without a synchronous render. */
export function frameNow(sigma: Sigma, display: DisplayGraph): void {
  sigma.setCustomBBox(displayBBox(display));
  sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

/** Options of {@link loadDocument}. */
export interface LoadDocumentOptions {
  /**
   * The document is the output of core's `parse` (as a file opened by the app is): a big one is then
   * not validated a second time (core still checks ids and references). Default false.
   */
  validated?: boolean;
}

/** Replaces the document (one undo step), clears selection and highlights, frames the new map. */
export function loadDocument(controller: EditorController, doc: PowerMapDocument, { validated = false }: LoadDocumentOptions = {}): void {
  const sigma = controller.getSigma();
  const big = doc.actors.length >= BIG_MAP_NODES || doc.relationships.length >= BIG_MAP_EDGES || isBigMap(controller.map.graph);
  if (!big || !sigma) return controller.loadDocument(doc);
  controller.map.replaceDocument(doc, "Replace map", { trusted: validated });
  controller.ui.update((s) =>
    s.selection.actors.length + s.selection.relationships.length === 0 && s.highlight === null && s.searchMatches === null && s.hoveredNode === null && s.hoveredEdge === null
      ? s
      : { ...s, selection: { actors: [], relationships: [] }, highlight: null, searchMatches: null, hoveredNode: null, hoveredEdge: null },
  );
  // The bulk sync (sigma/bulk-sync.ts) usually framed it already while the graph was detached.
  if (framedAt.get(controller) !== controller.map.version) frameNow(sigma, controller.display);
}
