/** Re-render on every map change (the map's version counter), without copying the graph into React. */
import { useSyncExternalStore } from "react";
import type { PowerMap } from "@powermap/core";

export function useVersion(map: PowerMap): number {
  return useSyncExternalStore(
    (cb) => map.subscribe(cb),
    () => map.version,
    () => map.version,
  );
}

/** The first actor with the given role (e.g. the campaign's target), preferring organisations. */
export function firstWithRole(map: PowerMap, role: string): string | null {
  let person: string | null = null;
  let org: string | null = null;
  map.graph.forEachNode((id, a) => {
    if (!a.roles?.includes(role as never)) return;
    if (a.kind === "person") person ??= id;
    else org ??= id;
  });
  return org ?? person;
}
