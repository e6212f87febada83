/** Turns explained paths into the node/edge sets the editor lights up. Pure. */
import type { ExplainedPath } from "@powermap/core";

export interface HighlightSets {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Every actor and relationship on the given paths, plus `extraNodes` (e.g. the query's target). */
export function pathsHighlight(paths: Iterable<ExplainedPath>, extraNodes: Iterable<string> = []): HighlightSets {
  const nodes = new Set<string>(extraNodes);
  const edges = new Set<string>();
  for (const p of paths)
    for (const s of p.steps) {
      nodes.add(s.from.id);
      nodes.add(s.to.id);
      edges.add(s.relationship.id);
    }
  return { nodes, edges };
}

/** "0.72" / "−0.31": a score as organisers read it (sign kept, two decimals). */
export function formatScore(score: number): string {
  const s = Math.abs(score) >= 10 ? score.toFixed(1) : score.toFixed(2);
  return s.replace("-", "\u2212");
}
