/** A list of explained paths: each path is its steps as sentences (text only, never HTML). */
import type { ExplainedPath } from "@powermap/core";
import { formatScore } from "./highlight.ts";

export interface PathListProps {
  paths: readonly ExplainedPath[];
  /** Index of the path currently lit on the map, if one is singled out. */
  active?: number | null;
  onShow?(index: number): void;
  label: string;
}

export function PathList({ paths, active, onShow, label }: PathListProps) {
  if (paths.length === 0) return <p className="pma-muted">No path.</p>;
  return (
    <ol className="pma-paths" aria-label={label}>
      {paths.map((p, i) => (
        <li key={i} className={active === i ? "pma-path pma-active" : "pma-path"}>
          <div className="pma-path-head">
            <span>
              Path {i + 1} · {p.steps.length} step{p.steps.length === 1 ? "" : "s"} · score {formatScore(p.score)}
            </span>
            {onShow && (
              <button type="button" className="pma-link" onClick={() => onShow(i)} aria-pressed={active === i}>
                Show on map
              </button>
            )}
          </div>
          <ol className="pma-steps">
            {p.steps.map((s, j) => (
              <li key={j}>{s.text}</li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
