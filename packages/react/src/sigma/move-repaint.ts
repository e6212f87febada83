/**
 * When one node's attributes change (an actor moved, resized or recoloured), sigma schedules a
 * refresh of that node *with* re-indexing: before the next frame it re-runs the reducers on every
 * node and relationship and rebuilds every draw buffer — seconds on a 100k-actor map, for each
 * step of a drag. On big maps this repaints instead just that node and its relationships in place
 * (their slots in the buffers, positions normalised as the rest of the buffers are). Kept as is:
 * the draw order (z-index) and the label grid until the next full process — the same trade the
 * big-map hover and highlight repaints make.
 */
import type Sigma from "sigma";
import { isBigMap } from "./big-map.ts";

type RefreshOptions = NonNullable<Parameters<Sigma["refresh"]>[0]>;

/** The part of sigma this needs (so a test can give a stand-in). */
export type MoveSigma = Pick<Sigma, "refresh"> & { getGraph(): { order: number; size: number; edges(node: string): string[] } };

/** Installs the substitution on one sigma instance; returns the function that removes it. */
export function repaintMovedNodes(sigma: MoveSigma): () => void {
  const refresh = sigma.refresh;
  sigma.refresh = function (this: Sigma, opts?: RefreshOptions) {
    const nodes = opts?.partialGraph?.nodes;
    // The exact request of sigma's node-update handler: one node, re-indexing, scheduled.
    if (opts && nodes?.length === 1 && !opts.partialGraph!.edges && opts.skipIndexation === false && opts.schedule) {
      const graph = sigma.getGraph();
      if (isBigMap(graph)) {
        try {
          return refresh.call(this, { partialGraph: { nodes, edges: graph.edges(nodes[0]!) }, skipIndexation: true, schedule: true });
        } catch {
          // A node or relationship sigma has not indexed yet (added since its last process): full pass.
        }
      }
    }
    return refresh.call(this, opts);
  } as Sigma["refresh"];
  return () => {
    sigma.refresh = refresh;
  };
}
