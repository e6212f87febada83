/**
 * Camera framing around layouts. The editor keeps sigma's bounding box fixed (so dragging a node
 * does not rescale the view); a layout that moves everything lets sigma follow the nodes while it
 * runs, then fixes the box again on the new extent and recentres.
 */
import type Sigma from "sigma";

/** Let the view follow the nodes (auto bounding box) — during a layout run. */
export function followNodes(sigma: Sigma | null): void {
  sigma?.setCustomBBox(null);
}

/** Fix the bounding box on the current extent and reset the camera (what the editor's "Fit" does). */
export function refit(sigma: Sigma | null): void {
  if (!sigma) return;
  sigma.setCustomBBox(null);
  sigma.refresh();
  sigma.setCustomBBox(sigma.getBBox());
  sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

/**
 * {@link refit} without its synchronous full refresh (on a 100k-actor map a re-index of every node
 * and relationship plus a render, in one task): sigma's next render — due anyway after the
 * positions changed — computes the new extent while following the nodes; right after it, the
 * bounding box is fixed on that extent (the same one, so nothing is re-processed) and the camera reset.
 */
export function refitAfterRender(sigma: Sigma | null): void {
  if (!sigma) return;
  sigma.setCustomBBox(null);
  sigma.once("afterRender", () => {
    sigma.setCustomBBox(sigma.getBBox());
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  });
  sigma.scheduleRender();
}
