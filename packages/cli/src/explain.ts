import type { ExplainedPath } from "@powermap/core";
import { formatScore, safeCell } from "./format.ts";

/** The actors a path visits, e.g. "Union Local 12 → PTA → School Board". */
export function route(path: ExplainedPath): string {
  if (path.steps.length === 0) return "";
  return [path.steps[0]!.from.name, ...path.steps.map((s) => s.to.name)].map(safeCell).join(" → ");
}

/** A path as indented lines: a header with cost and score, then each step's explanation and sources. */
export function explainPath(path: ExplainedPath, indent = "   "): string[] {
  const lines = path.steps.map((s) => {
    const n = s.relationship.sources?.length ?? 0;
    return `${indent}${safeCell(s.text)}${n ? `  [${n} source${n === 1 ? "" : "s"}]` : "  [unsourced]"}`;
  });
  return [`${route(path)}  (cost ${formatScore(path.cost)}, score ${formatScore(path.score)})`, ...lines];
}
