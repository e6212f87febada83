/**
 * sigma's side of a sliced restyle or move (sigma/restyle-job.ts): each slice's nodes go through sigma's
 * public `refresh({ partialGraph, skipIndexation: true })` — one `updateNode` (reducer +
 * normalisation) and one buffer-slot write per node, where a bulk graph event cost two
 * `updateNode` passes over every node — and the map is drawn once, after the last slice. A node
 * without a slot in sigma's buffers (added or dropped since its last process, see
 * repaint-guard.ts) cannot be repainted in place: the slice is then taken in with indexation
 * (sigma processes the whole map before its next frame, as it would for any bulk update).
 */
import type Sigma from "sigma";
import type { DisplayGraph } from "./display-graph.ts";
import type { RepaintGuard } from "./repaint-guard.ts";
import type { NodeRepainter } from "./restyle-job.ts";

/** The part of sigma this needs (so a test can give a stand-in). */
export type RepaintSigma = Pick<Sigma, "refresh" | "scheduleRender"> & { getGraph(): unknown };

export function sigmaNodeRepainter(sigma: RepaintSigma, display: DisplayGraph, guard: Pick<RepaintGuard, "ok">): NodeRepainter {
  return {
    repaint(nodes, moved = false) {
      // While sigma holds another graph (bulk sync), it re-indexes ours when it gets it back.
      if (sigma.getGraph() !== (display as unknown)) return;
      // refresh() asks for a frame each time: hold it back, one draw ends the whole restyle
      // (a frame at 100k is tens of milliseconds of sigma, seconds on software WebGL).
      const own = Object.prototype.hasOwnProperty.call(sigma, "scheduleRender");
      const schedule = sigma.scheduleRender;
      sigma.scheduleRender = () => sigma as Sigma;
      try {
        try {
          // Moved nodes need sigma's indexation (label grid, program order): done once, before the draw.
          sigma.refresh({ partialGraph: { nodes }, skipIndexation: guard.ok && !moved, schedule: true });
        } catch {
          // "can't be repaint": a node sigma has not placed in its buffers after all.
          sigma.refresh({ partialGraph: { nodes }, skipIndexation: false, schedule: true });
        }
      } finally {
        if (own) sigma.scheduleRender = schedule;
        else delete (sigma as Partial<RepaintSigma>).scheduleRender;
      }
    },
    draw() {
      if (sigma.getGraph() === (display as unknown)) sigma.scheduleRender();
    },
  };
}
