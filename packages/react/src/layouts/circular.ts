/**
 * Circular layout: actors on one circle, grouped by campaign side (our side, allies, targets,
 * opposition …) then by kind, so neighbours on the ring share a role. Written through the display
 * graph and committed as ONE undo step.
 */
import type { PowerGraph } from "@powermap/core";
import { ROLE_ORDER, primaryRole } from "../sigma/colors.ts";
import { refit } from "./fit.ts";
import type { ForceLayoutHost } from "./forceatlas2.ts";

export const CIRCULAR_UNDO_LABEL = "Circular layout";

/** Positions on a circle whose circumference leaves ~90 units per actor (min radius 300). */
export function circularPositions(graph: PowerGraph): Map<string, { x: number; y: number }> {
  const rank = (id: string) => {
    const r = primaryRole(graph.getNodeAttributes(id));
    return r === "none" ? ROLE_ORDER.length : ROLE_ORDER.indexOf(r);
  };
  const ids = graph.nodes().sort((a, b) => {
    const A = graph.getNodeAttributes(a);
    const B = graph.getNodeAttributes(b);
    return rank(a) - rank(b) || A.kind.localeCompare(B.kind) || A.name.localeCompare(B.name);
  });
  const n = ids.length;
  const radius = Math.max(300, (n * 90) / (2 * Math.PI));
  const out = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    const t = Math.PI / 2 - (2 * Math.PI * i) / Math.max(1, n);
    // `|| 0` turns −0 into 0, so the stored numbers read back as written.
    out.set(id, { x: Math.round(radius * Math.cos(t) * 100) / 100 || 0, y: Math.round(radius * Math.sin(t) * 100) / 100 || 0 });
  });
  return out;
}

/** Applies the circular layout to the display graph and commits it (one undo step). */
export function applyCircularLayout(host: ForceLayoutHost, graph: PowerGraph): void {
  const positions = circularPositions(graph);
  const display = host.getDisplayGraph();
  for (const [id, p] of positions) if (display.hasNode(id)) display.mergeNodeAttributes(id, p);
  host.commitDisplayPositions(CIRCULAR_UNDO_LABEL, [...positions.keys()]);
  refit(host.getSigma());
}
