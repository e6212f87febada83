/** A panel's background query: what it is doing, a progress bar and Cancel; or the notice of the last run. */
import { PHASE_TEXT } from "../../worker/AnalysisStatus.tsx";
import type { RunningQuery } from "./use-query-run.ts";

export function QueryProgress({ running, notice, onCancel }: { running: RunningQuery | null; notice: string | null; onCancel(): void }) {
  if (running) {
    const p = running.progress;
    return (
      <div className="pma-progress" role="status" aria-live="polite" data-testid="query-progress">
        <span>{running.label}</span> <span className="pma-muted">{p ? PHASE_TEXT[p.phase] : "queued"}</span>{" "}
        <progress value={p ? p.done : 0} max={p ? p.total : 1} aria-label="Search progress" />{" "}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (notice) return <p className="pma-muted" role="status" data-testid="query-notice">{notice}</p>;
  return null;
}
