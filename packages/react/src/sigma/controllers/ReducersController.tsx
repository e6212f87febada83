/** Installs the node/edge reducers once and refreshes sigma (appearance only) when UI state changes. */
import { useEffect } from "react";
import type Sigma from "sigma";
import type { EditorController } from "../../editor-controller.ts";
import { edgeReducer, nodeReducer } from "../reducers.ts";

export function ReducersController({ sigma, controller }: { sigma: Sigma; controller: EditorController }) {
  useEffect(() => {
    sigma.setSetting("nodeReducer", nodeReducer(controller.reducerContext) as never);
    sigma.setSetting("edgeReducer", edgeReducer(controller.reducerContext) as never);
    let last = controller.ui.get();
    const off = controller.ui.subscribe(() => {
      const s = controller.ui.get();
      const changed = s.selection !== last.selection || s.hoveredNode !== last.hoveredNode || s.hoveredEdge !== last.hoveredEdge || s.filters !== last.filters || s.highlight !== last.highlight || s.searchMatches !== last.searchMatches;
      last = s;
      // Filters may hide nodes (hidden changes what is indexed); the rest only changes colours.
      if (changed) sigma.refresh({ skipIndexation: false, schedule: true });
    });
    return () => {
      off();
      sigma.setSetting("nodeReducer", null);
      sigma.setSetting("edgeReducer", null);
    };
  }, [sigma, controller]);
  return null;
}
