import { useCallback, useSyncExternalStore } from "react";
import type { PowerMap } from "@powermap/core";

/** Re-renders the caller whenever the map changes; returns `map.version`. */
export function useMapVersion(map: PowerMap): number {
  const subscribe = useCallback((listener: () => void) => map.subscribe(listener), [map]);
  return useSyncExternalStore(subscribe, () => map.version, () => map.version);
}
