/**
 * Whether sigma can repaint the display graph's nodes in place. Told that only node colours
 * changed (graphology hints `{ attributes: ["color"] }`), sigma rewrites each node's slot in its
 * WebGL buffers and skips re-processing the whole graph (every node and relationship) before the
 * next frame. That is only possible while its buffers hold every node: a node added or dropped since
 * its last `process` has no slot (sigma throws "can't be repaint"), so until the next process the
 * usual full pass is used.
 */
import type Sigma from "sigma";
import type { DisplayGraph } from "./display-graph.ts";

export interface RepaintGuard {
  /** True when every node of the display graph has a slot in sigma's buffers. */
  readonly ok: boolean;
  dispose(): void;
}

export function repaintGuard(sigma: Sigma, display: DisplayGraph): RepaintGuard {
  let ok = false; // nothing processed yet
  const processed = () => void (ok = sigma.getGraph() === (display as unknown));
  const changed = () => void (ok = false);
  sigma.on("afterProcess", processed);
  display.on("nodeAdded", changed);
  display.on("nodeDropped", changed);
  display.on("cleared", changed);
  return {
    get ok() {
      return ok;
    },
    dispose() {
      sigma.off("afterProcess", processed);
      display.off("nodeAdded", changed);
      display.off("nodeDropped", changed);
      display.off("cleared", changed);
    },
  };
}
