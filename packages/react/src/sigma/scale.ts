/**
 * Rendering settings that follow the size of the map. A big map (see isBigMap) is drawn without the
 * edge picking pass, with edges hidden while the camera moves and with sigma's default label
 * threshold, so a frame costs about what bare sigma's does; relationships are then selected from
 * the inspector or the table rather than by clicking a line. Small maps keep every interaction.
 */
import type { PowerMap } from "@powermap/core";
import type Sigma from "sigma";
import type { EdgeProgramSets } from "./programs.ts";
import { isBigMap } from "./big-map.ts";

/** Settings for a map of this scale (a stable object per scale, so repeated calls compare equal). */
export function scaleSettings(big: boolean, programs: EdgeProgramSets) {
  return big
    ? { hideEdgesOnMove: true, enableEdgeEvents: false, edgeProgramClasses: programs.drawOnly, labelRenderedSizeThreshold: 6 }
    : { hideEdgesOnMove: false, enableEdgeEvents: true, edgeProgramClasses: programs.interactive, labelRenderedSizeThreshold: 4 };
}

/**
 * Applies the scale settings now and whenever the map crosses the threshold. Subscribes to the map
 * (not the display graph) so the switch happens before the display graph is filled and sigma draws
 * its first frame of the new map. Returns the unsubscribe function.
 */
export function followMapScale(sigma: Sigma, map: PowerMap, programs: EdgeProgramSets): () => void {
  let big: boolean | null = null;
  const apply = () => {
    const now = isBigMap(map.graph);
    if (now === big) return;
    big = now;
    sigma.setSettings(scaleSettings(now, programs));
  };
  apply();
  appliers.set(sigma, apply);
  const off = map.subscribe(apply);
  return () => {
    off();
    appliers.delete(sigma);
  };
}

const appliers = new WeakMap<Sigma, () => void>();

/**
 * Applies the scale settings for the map as it is now (when they changed). The bulk sync calls it
 * while sigma holds no graph, so the switch costs no extra frame.
 */
export function applyMapScale(sigma: Sigma): void {
  appliers.get(sigma)?.();
}
