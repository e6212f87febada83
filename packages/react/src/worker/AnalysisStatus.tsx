/**
 * The background-analysis row of the status bar: one entry per running job with its phase, a
 * progress bar and a Cancel button. Renders nothing when no job runs. It also stops the analysis
 * worker when the editor unmounts.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { EditorController } from "../editor-controller.ts";
import type { AnalysisTask } from "./background-values.ts";

/** What each phase of a background job is called in the UI. */
export const PHASE_TEXT: Record<AnalysisTask["phase"], string> = {
  waiting: "waiting for edits to settle",
  prepare: "preparing the map",
  snapshot: "sending to the background",
  graph: "building the graph",
  measure: "computing",
  communities: "finding communities",
  search: "searching",
  result: "finishing",
};

export function AnalysisStatus({ controller }: { controller: EditorController }) {
  const bg = controller.background;
  const tasks = useSyncExternalStore(bg.subscribe, bg.tasks);
  useEffect(() => {
    controller.resumeAnalysis();
    return () => controller.disposeAnalysis();
  }, [controller]);
  if (tasks.length === 0) return null;
  return (
    <div className="pm-analysis-status" data-testid="analysis-status">
      {tasks.map((t) => (
        <span key={t.slot} data-testid={`analysis-task-${t.slot}`} data-phase={t.phase}>
          {t.label}: {PHASE_TEXT[t.phase]}{" "}
          <progress value={t.done} max={t.total} aria-label={`${t.label} progress`} />{" "}
          <button type="button" data-testid={`analysis-cancel-${t.slot}`} aria-label={`Cancel ${t.label}`} onClick={() => bg.cancel(t.slot)}>
            Cancel
          </button>
        </span>
      ))}
    </div>
  );
}
