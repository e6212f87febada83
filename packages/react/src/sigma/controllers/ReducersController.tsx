/**
 * Installs the node/edge reducers once and refreshes sigma when UI state changes. On big maps a
 * hover, selection, search or query-highlight change repaints only the items it touches (sigma's
 * partial refresh, without re-indexing: the big-map reducers accent items without fading the rest,
 * see reducers.ts); filter and view changes re-process everything, as does any change on a small map.
 */
import { useEffect } from "react";
import type Sigma from "sigma";
import type { EditorController } from "../../editor-controller.ts";
import type { UiState } from "../../state/ui-state.ts";
import type { DisplayGraph } from "../display-graph.ts";
import { isBigMap } from "../big-map.ts";
import { edgeReducer, nodeReducer } from "../reducers.ts";

/** Above this many touched items a partial repaint is not worth it: refresh everything. */
const PARTIAL_LIMIT = 20_000;

/** Nodes and edges whose look depends on a hover/selection change from `a` to `b` (big-map reducers). */
export function touchedByInteraction(display: DisplayGraph, a: UiState, b: UiState): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const actor = (id: string | null) => {
    if (id === null || !display.hasNode(id)) return;
    nodes.add(id);
    display.forEachEdge(id, (e) => void edges.add(e));
  };
  if (a.hoveredNode !== b.hoveredNode) {
    actor(a.hoveredNode);
    actor(b.hoveredNode);
  }
  if (a.selection !== b.selection) {
    const before = new Set(a.selection.actors);
    const after = new Set(b.selection.actors);
    for (const id of before) if (!after.has(id)) actor(id);
    for (const id of after) if (!before.has(id)) actor(id);
    const rb = new Set(a.selection.relationships);
    const ra = new Set(b.selection.relationships);
    for (const id of rb) if (!ra.has(id) && display.hasEdge(id)) edges.add(id);
    for (const id of ra) if (!rb.has(id) && display.hasEdge(id)) edges.add(id);
  }
  for (const id of [a.hoveredEdge, b.hoveredEdge]) if (id !== null && a.hoveredEdge !== b.hoveredEdge && display.hasEdge(id)) edges.add(id);
  return { nodes, edges };
}

/** Adds to `out` the members of exactly one of `a` and `b` that `has` (their look changed). */
function addChanged(out: Set<string>, a: ReadonlySet<string> | null | undefined, b: ReadonlySet<string> | null | undefined, has: (id: string) => boolean): void {
  if (a === b) return;
  if (a) for (const id of a) if (!b?.has(id) && has(id)) out.add(id);
  if (b) for (const id of b) if (!a?.has(id) && has(id)) out.add(id);
}

/**
 * Nodes and edges whose look depends on a UI change from `a` to `b` on a big map: the interaction
 * items (`touchedByInteraction`) plus the actors and relationships entering or leaving the query
 * highlight, and the actors entering or leaving the search matches. Items in both the old and the
 * new set keep their look (big-map reducers read membership only), so they are left out.
 */
export function touchedByUi(display: DisplayGraph, a: UiState, b: UiState): { nodes: Set<string>; edges: Set<string> } {
  const t = touchedByInteraction(display, a, b);
  const hasNode = (id: string) => display.hasNode(id);
  addChanged(t.nodes, a.highlight?.nodes, b.highlight?.nodes, hasNode);
  addChanged(t.edges, a.highlight?.edges, b.highlight?.edges, (id) => display.hasEdge(id));
  addChanged(t.nodes, a.searchMatches, b.searchMatches, hasNode);
  return t;
}

export function ReducersController({ sigma, controller }: { sigma: Sigma; controller: EditorController }) {
  useEffect(() => {
    sigma.setSetting("nodeReducer", nodeReducer(controller.reducerContext) as never);
    sigma.setSetting("edgeReducer", edgeReducer(controller.reducerContext) as never);
    let last = controller.ui.get();
    const off = controller.ui.subscribe(() => {
      const s = controller.ui.get();
      const p = last;
      last = s;
      const everything = s.filters !== p.filters || s.positionMode !== p.positionMode;
      const marks = s.highlight !== p.highlight || s.searchMatches !== p.searchMatches;
      const interaction = s.selection !== p.selection || s.hoveredNode !== p.hoveredNode || s.hoveredEdge !== p.hoveredEdge;
      if (!everything && !marks && !interaction) return;
      const display = controller.display;
      if (!everything && isBigMap(display)) {
        const { nodes, edges } = touchedByUi(display, p, s);
        if (nodes.size + edges.size === 0) return; // e.g. an empty selection replaced by another
        if (nodes.size + edges.size <= PARTIAL_LIMIT) {
          try {
            sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true, schedule: true });
            return;
          } catch {
            // An item sigma has not indexed yet (added since its last render): fall through to a full refresh.
          }
        }
      }
      sigma.refresh({ schedule: true });
    });
    return () => {
      off();
      sigma.setSetting("nodeReducer", null);
      sigma.setSetting("edgeReducer", null);
    };
  }, [sigma, controller]);
  return null;
}
