/**
 * Node and edge reducers: hover, selection, filters, search and query highlights are computed here
 * while drawing, never written to any graph. They read the latest state through `get()` (a getter,
 * so a reducer installed once never sees a stale closure).
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { HiddenSets } from "../state/visibility.ts";
import type { UiState } from "../state/ui-state.ts";
import type { DisplayGraph, EdgeDisplay, NodeDisplay } from "./display-graph.ts";
import { FADED_EDGE, FADED_NODE, SELECTED_EDGE } from "./colors.ts";

export interface ReducerContext {
  ui: UiState;
  hidden: HiddenSets;
  display: DisplayGraph;
  /** Label for an edge when it is emphasised (selected/hovered) and edge labels are off. */
  edgeLabel(id: string): string;
  /** Selected actors as a set (computed once per selection change). */
  selectedActors: ReadonlySet<string>;
  selectedRelationships: ReadonlySet<string>;
}

export function nodeReducer(get: () => ReducerContext) {
  return (node: string, data: NodeDisplay): Partial<NodeDisplayData> => {
    const c = get();
    const { ui } = c;
    const res: Partial<NodeDisplayData> = { ...data };
    if (c.hidden.nodes.has(node)) {
      if (ui.filters.mode === "hide") return { ...res, hidden: true };
      return { ...res, color: FADED_NODE, label: "", zIndex: 0 };
    }
    const hovered = ui.hoveredNode;
    let inFocus = true;
    if (hovered !== null && c.display.hasNode(hovered)) inFocus = node === hovered || c.display.areNeighbors(node, hovered);
    else if (ui.highlight !== null) inFocus = ui.highlight.nodes.has(node);
    if (!inFocus) {
      res.color = FADED_NODE;
      res.label = "";
      res.zIndex = 0;
    } else if (hovered !== null || ui.highlight !== null) {
      res.zIndex = 1;
      res.forceLabel = true;
    }
    if (ui.searchMatches?.has(node)) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 2;
    }
    if (c.selectedActors.has(node)) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3;
      res.color = data.color;
      res.label = data.label;
    }
    return res;
  };
}

export function edgeReducer(get: () => ReducerContext) {
  return (edge: string, data: EdgeDisplay): Partial<EdgeDisplayData> => {
    const c = get();
    const { ui, display } = c;
    const res: Partial<EdgeDisplayData> = { ...data };
    if (c.hidden.edges.has(edge)) {
      if (ui.filters.mode === "hide") return { ...res, hidden: true };
      return { ...res, color: FADED_EDGE, label: "", zIndex: 0 };
    }
    const hovered = ui.hoveredNode;
    if (hovered !== null && display.hasNode(hovered)) {
      if (display.source(edge) === hovered || display.target(edge) === hovered) {
        res.zIndex = 1;
        res.size = (data.size ?? 1) + 0.5;
      } else {
        res.color = FADED_EDGE;
        res.label = "";
      }
    } else if (ui.highlight !== null) {
      if (ui.highlight.edges.has(edge)) {
        res.zIndex = 2;
        res.size = (data.size ?? 1) + 2;
        res.label = res.label || c.edgeLabel(edge);
        res.forceLabel = true;
      } else {
        res.color = FADED_EDGE;
        res.label = "";
      }
    }
    if (c.selectedRelationships.has(edge) || edge === ui.hoveredEdge) {
      res.color = SELECTED_EDGE;
      res.size = (data.size ?? 1) + 1.5;
      res.zIndex = 3;
      res.label = data.label || c.edgeLabel(edge);
      res.forceLabel = true;
    } else if (c.selectedActors.size > 0 && (c.selectedActors.has(display.source(edge)) || c.selectedActors.has(display.target(edge)))) {
      res.zIndex = Math.max(res.zIndex ?? 0, 1);
      res.size = (res.size ?? 1) + 0.5;
    }
    return res;
  };
}
