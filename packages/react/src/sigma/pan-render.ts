/**
 * With `hideEdgesOnMove` (big maps, see scale.ts) sigma hides the relationships while the camera
 * moves and brings them back after a drag with a bare `refresh()`: that re-runs the reducers on
 * every actor and relationship and rebuilds every draw buffer — seconds on a 100k-actor map —
 * although only the camera changed. This turns that one refresh into a render, which draws the
 * relationships again from the buffers sigma already holds.
 */
import type Sigma from "sigma";

/** The part of sigma this needs (so a test can give a stand-in). */
export type PanSigma = Pick<Sigma, "refresh" | "scheduleRender" | "getSetting"> & {
  getCamera(): { isAnimated(): boolean };
  getMouseCaptor(): { draggedEvents: number; on(event: "mouseup", fn: () => void): unknown; off(event: "mouseup", fn: () => void): unknown };
};

/** Installs the substitution on one sigma instance; returns the function that removes it. */
export function renderAfterPan(sigma: PanSigma): () => void {
  const captor = sigma.getMouseCaptor();
  const refresh = sigma.refresh;
  // Set between the end of a drag and the refresh sigma queued for it (a zero-delay timer queued
  // just before the captor emits "mouseup"; ours, queued after, clears the flag right behind it).
  let afterDrag = false;
  const onUp = (): void => {
    if (captor.draggedEvents === 0 || !sigma.getSetting("hideEdgesOnMove")) return;
    afterDrag = true;
    setTimeout(() => {
      afterDrag = false;
    }, 0);
  };
  // Frames hide edges while the camera still glides (the drag's inertia): draw once it has stopped.
  const nextFrame = typeof requestAnimationFrame === "function" ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16);
  const renderWhenStill = (): void => {
    if (sigma.getCamera().isAnimated()) nextFrame(renderWhenStill);
    else sigma.scheduleRender();
  };
  sigma.refresh = function (this: Sigma, opts?: Parameters<Sigma["refresh"]>[0]) {
    if (afterDrag && opts === undefined) {
      afterDrag = false;
      renderWhenStill();
      return sigma as Sigma;
    }
    return refresh.call(this, opts);
  } as Sigma["refresh"];
  captor.on("mouseup", onUp);
  return () => {
    captor.off("mouseup", onUp);
    sigma.refresh = refresh;
  };
}
