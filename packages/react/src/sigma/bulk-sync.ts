/**
 * Bringing the display graph up to date after a change of thousands of records (opening a big
 * file, undoing that). sigma listens to every graph event and re-indexes item by item; for a bulk
 * change it is cheaper to take the graph away from sigma, fill it, frame it and hand it back: one
 * indexation and one drawn frame, which on software WebGL is most of the wait.
 */
import { MultiDirectedGraph } from "graphology";
import type { EditorController } from "../editor-controller.ts";
import { frameNow, markFramed } from "../load-document.ts";
import { applyMapScale } from "./scale.ts";

/** Changes of at least this many actors + relationships (by count) go the bulk way. */
export const BULK_CHANGE = 2_000;

const EMPTY = new MultiDirectedGraph();

/** Whether syncing the map into the display graph now is a bulk change (by record counts). */
export function isBulkChange(controller: Pick<EditorController, "map" | "display">): boolean {
  const { graph } = controller.map;
  const { display } = controller;
  return Math.abs(graph.order - display.order) + Math.abs(graph.size - display.size) >= BULK_CHANGE;
}

/**
 * `controller.syncDisplay()`, detaching sigma around bulk changes (which are also re-framed, as a
 * new map should be). Returns true when it re-framed the view.
 */
export function syncDisplay(controller: EditorController): boolean {
  const sigma = controller.getSigma();
  if (!sigma || !isBulkChange(controller)) {
    controller.syncDisplay();
    return false;
  }
  sigma.setGraph(EMPTY);
  try {
    applyMapScale(sigma);
    controller.syncDisplay();
  } finally {
    frameNow(sigma, controller.display);
    markFramed(controller);
    // Hands the graph back: one full indexation and one render (which cancels any scheduled one).
    sigma.setGraph(controller.display as unknown as Parameters<typeof sigma.setGraph>[0]);
  }
  return true;
}
