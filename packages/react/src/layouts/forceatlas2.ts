/**
 * ForceAtlas2 in a web worker (graphology's supervisor), run on the editor's DISPLAY graph: the
 * map moves live on screen while the document is untouched. Stopping writes the final positions to
 * the document as ONE undo step (`commitDisplayPositions`), so a layout run is a single Ctrl+Z and
 * never floods the history.
 */
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type Sigma from "sigma";
import type { DisplayGraph } from "../sigma/display-graph.ts";
import { followNodes, refit } from "./fit.ts";

export interface ForceLayoutHost {
  getDisplayGraph(): DisplayGraph;
  commitDisplayPositions(label: string, ids?: readonly string[]): void;
  /** The renderer, to keep the moving map framed (null without WebGL). */
  getSigma(): Sigma | null;
}

export interface ForceLayoutRun {
  /** Stops the worker and commits the positions (one undo step). Safe to call twice. */
  stop(): void;
  /** Stops without writing anything (the display snaps back on the next sync). */
  kill(): void;
  isRunning(): boolean;
}

export const FA2_UNDO_LABEL = "Force-directed layout";

/** How long a run lasts before it stops by itself: longer for bigger maps, capped. */
export function defaultDuration(order: number): number {
  return Math.min(20_000, 2_500 + order * 2);
}

/** Starts FA2; stops by itself after `durationMs` (default {@link defaultDuration}). */
export function startForceLayout(host: ForceLayoutHost, opts: { durationMs?: number; onStop?: () => void } = {}): ForceLayoutRun {
  const graph = host.getDisplayGraph();
  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false, barnesHutOptimize: graph.order > 500 };
  const layout = new FA2Layout(graph, { settings, getEdgeWeight: "size" });
  let finished = false;
  const end = (commit: boolean) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    layout.stop();
    layout.kill();
    if (commit && graph.order > 0) host.commitDisplayPositions(FA2_UNDO_LABEL);
    refit(host.getSigma());
    opts.onStop?.();
  };
  const timer = setTimeout(() => end(true), opts.durationMs ?? defaultDuration(graph.order));
  followNodes(host.getSigma());
  layout.start();
  return {
    stop: () => end(true),
    kill: () => end(false),
    isRunning: () => !finished,
  };
}
