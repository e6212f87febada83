/**
 * Node and edge reducers: hover, selection, filters, search and query highlights are computed here
 * while drawing, never written to any graph. They read the latest state through `get()` (a getter,
 * so a reducer installed once never sees a stale closure).
 *
 * Everything that does not depend on interaction (colour, size, position, label width) is already
 * in the display graph; the reducers only apply deltas, copy an item only when they change it, and
 * return untouched data at once when nothing is going on.
 *
 * Big maps (`isBigMap`): hover, selection, search matches and query highlights only accent their own
 * items and never fade the rest, so an item's look depends on its own membership alone and a change
 * repaints just the items entering or leaving a set (`touchedByUi` in ReducersController). The accent
 * leaves node sizes alone (arrow heads are placed from the target's size, so a size change would also
 * repaint every incident edge) and draws accented nodes on sigma's top layer (`highlighted`), because
 * a partial repaint keeps each item's place in the draw order.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { HiddenSets } from "../state/visibility.ts";
import type { UiState } from "../state/ui-state.ts";
import type { DisplayGraph, EdgeDisplay, NodeDisplay } from "./display-graph.ts";
import { FADED_EDGE, FADED_NODE, SELECTED_EDGE } from "./colors.ts";
import { POWER_GRID_ID } from "../layouts/power-grid.ts";
import { isBigMap } from "./big-map.ts";

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

export { BIG_MAP_EDGES, BIG_MAP_NODES, isBigMap } from "./big-map.ts";

/** In the power grid, relationships are drawn only for the hovered/selected actors (and query results). */
export const isGridView = (ui: Pick<UiState, "positionMode">): boolean => ui.positionMode?.id === POWER_GRID_ID;

interface Derived {
  /** The hovered actor and its neighbours, when hover fades the rest (null: no hover focus). */
  hoverFocus: ReadonlySet<string> | null;
  /** Hover/selection only emphasise (big maps): no global fade. */
  big: boolean;
  grid: boolean;
  /** Grid view of a map small enough to name every actor (each label fits its slot). */
  gridLabels: boolean;
  /** Nothing to do for nodes: the data goes through untouched. */
  idleNodes: boolean;
  idleEdges: boolean;
}

/** Colour of highlighted relationships on big maps, where the rest of the map is not faded. */
export const HIGHLIGHT_EDGE = "#d500f9";

/** Up to this many actors the grid names every one (sigma would otherwise thin labels out by density). */
export const GRID_LABELS_MAX = 400;

// Per reducer context (a new one per UI or map change): computed once, read for every item.
const derivedCache = new WeakMap<ReducerContext, Derived>();

function derive(c: ReducerContext): Derived {
  let d = derivedCache.get(c);
  if (d) return d;
  const { ui, display } = c;
  const big = isBigMap(display);
  const grid = isGridView(ui);
  const hovered = ui.hoveredNode !== null && display.hasNode(ui.hoveredNode) ? ui.hoveredNode : null;
  let hoverFocus: Set<string> | null = null;
  if (hovered !== null && !big) {
    hoverFocus = new Set([hovered]);
    display.forEachNeighbor(hovered, (n) => hoverFocus!.add(n));
  }
  const noFilters = c.hidden.nodes.size === 0 && c.hidden.edges.size === 0;
  // On big maps a highlight touches its own items only: the rest may still pass through untouched.
  const calm = (big || ui.highlight === null) && c.selectedActors.size === 0;
  const gridLabels = grid && display.order <= GRID_LABELS_MAX;
  d = {
    hoverFocus,
    big,
    grid,
    gridLabels,
    // Big maps: a hover changes no node (sigma draws the hovered one on its own layer).
    idleNodes: noFilters && calm && hoverFocus === null && ui.searchMatches === null && !gridLabels,
    idleEdges: noFilters && calm && hovered === null && c.selectedRelationships.size === 0 && ui.hoveredEdge === null && !grid,
  };
  derivedCache.set(c, d);
  return d;
}

export function nodeReducer(get: () => ReducerContext) {
  return (node: string, data: NodeDisplay): Partial<NodeDisplayData> => {
    const c = get();
    const d = derive(c);
    if (d.idleNodes && !(c.ui.highlight?.nodes.has(node) ?? false)) return data;
    const { ui } = c;
    const res: Partial<NodeDisplayData> = { ...data };
    if (c.hidden.nodes.has(node)) {
      if (ui.filters.mode === "hide") return { ...res, hidden: true };
      return { ...res, color: FADED_NODE, label: "", zIndex: 0 };
    }
    if (d.gridLabels) res.forceLabel = true;
    if (d.big) {
      // Accent only (see the file comment): nothing else changes when a highlight comes or goes.
      if (ui.highlight?.nodes.has(node)) {
        res.highlighted = true;
        res.forceLabel = true;
        res.zIndex = 1;
      }
    } else {
      let inFocus = true;
      if (d.hoverFocus !== null) inFocus = d.hoverFocus.has(node);
      else if (ui.highlight !== null) inFocus = ui.highlight.nodes.has(node);
      if (!inFocus) {
        res.color = FADED_NODE;
        res.label = "";
        res.zIndex = 0;
      } else if (d.hoverFocus !== null || ui.highlight !== null) {
        res.zIndex = 1;
        res.forceLabel = true;
      }
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
    const d = derive(c);
    if (d.idleEdges && !(c.ui.highlight?.edges.has(edge) ?? false)) return data;
    const { ui, display } = c;
    const res: Partial<EdgeDisplayData> = { ...data };
    if (c.hidden.edges.has(edge)) {
      if (ui.filters.mode === "hide") return { ...res, hidden: true };
      return { ...res, color: FADED_EDGE, label: "", zIndex: 0 };
    }
    const hovered = ui.hoveredNode !== null && display.hasNode(ui.hoveredNode) ? ui.hoveredNode : null;
    const source = display.source(edge);
    const target = display.target(edge);
    const touchesHovered = hovered !== null && (source === hovered || target === hovered);
    const touchesSelected = c.selectedActors.size > 0 && (c.selectedActors.has(source) || c.selectedActors.has(target));
    const chosen = c.selectedRelationships.has(edge) || edge === ui.hoveredEdge;
    // The power grid is read by position: a relationship appears only when asked for.
    if (d.grid && !touchesHovered && !touchesSelected && !chosen && !(ui.highlight?.edges.has(edge) ?? false)) return { ...res, hidden: true };
    if (d.big) {
      // Accents only, each from the edge's own membership (hover adds to a highlight, never hides it).
      if (ui.highlight?.edges.has(edge)) {
        res.color = HIGHLIGHT_EDGE;
        res.zIndex = 2;
        res.size = (data.size ?? 1) + 2;
        res.label = res.label || c.edgeLabel(edge);
        res.forceLabel = true;
      }
      if (touchesHovered) {
        res.zIndex = Math.max(res.zIndex ?? 0, 1);
        res.size = (res.size ?? 1) + 0.5;
      }
    } else if (hovered !== null) {
      if (touchesHovered) {
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
    if (chosen) {
      res.color = SELECTED_EDGE;
      res.size = (data.size ?? 1) + 1.5;
      res.zIndex = 3;
      res.label = data.label || c.edgeLabel(edge);
      res.forceLabel = true;
    } else if (touchesSelected) {
      res.zIndex = Math.max(res.zIndex ?? 0, 1);
      res.size = (res.size ?? 1) + 0.5;
    }
    return res;
  };
}
