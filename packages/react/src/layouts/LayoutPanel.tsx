/** The layouts panel: force-directed (worker, with progress, Stop and Cancel), circular, and the stance × power grid. */
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useEditor } from "../context.ts";
import { applyCircularLayout } from "./circular.ts";
import { startForceLayout, type ForceLayoutProgress, type ForceLayoutRun } from "./forceatlas2.ts";
import { disableGrid, enableGrid } from "./grid-view.ts";
import { POWER_GRID_ID } from "./power-grid.ts";

/** The layouts, described as data (label and what it does to the map and the history). */
export const LAYOUTS = [
  { id: "force", label: "Force-directed", hint: "ForceAtlas2 in the background (a big map is prepared first). Stop it (or let it finish) to keep the result: one undo step. Cancel puts everything back." },
  { id: "circular", label: "Circle", hint: "Actors on a circle, grouped by side. One undo step." },
  { id: POWER_GRID_ID, label: "Power grid", hint: "Stance × power, like the paper grid. Drag an actor to another cell to change its stance and power." },
] as const;

export function LayoutPanel() {
  const ctx = useEditor();
  const { map, ui, readOnly } = ctx;
  const gridOn = useSyncExternalStore(ui.subscribe, () => ui.get().positionMode?.id === POWER_GRID_ID);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ForceLayoutProgress | null>(null);
  const run = useRef<ForceLayoutRun | null>(null);

  // A run outlives no panel: stopping on unmount keeps (commits) what it reached.
  useEffect(() => () => run.current?.stop(), []);

  const toggleForce = () => {
    if (run.current?.isRunning()) {
      run.current.stop();
      return;
    }
    disableGrid(ctx);
    setRunning(true);
    setProgress(null);
    run.current = startForceLayout(ctx, {
      onProgress: setProgress,
      onStop: () => {
        setRunning(false);
        setProgress(null);
      },
    });
  };

  const [force, circular, grid] = LAYOUTS;
  return (
    <section className="pma-analysis" aria-label="Layouts">
      <div className="pma-layout-option">
        <button type="button" onClick={toggleForce} disabled={readOnly || map.graph.order === 0} aria-pressed={running} title={force.hint}>
          {running ? "Stop force layout" : force.label}
        </button>
        {running && (
          <button type="button" onClick={() => run.current?.cancel()} aria-label="Cancel force layout" title="Stop and put every actor back where it was">
            Cancel
          </button>
        )}
        {running ? <ForceProgress progress={progress} /> : <p className="pma-muted">{force.hint}</p>}
      </div>
      <div className="pma-layout-option">
        <button
          type="button"
          disabled={readOnly || running || map.graph.order === 0}
          title={circular.hint}
          onClick={() => {
            disableGrid(ctx);
            applyCircularLayout(ctx, map.graph);
          }}
        >
          {circular.label}
        </button>
        <p className="pma-muted">{circular.hint}</p>
      </div>
      <div className="pma-layout-option">
        <button type="button" aria-pressed={gridOn} disabled={running} title={grid.hint} onClick={() => (gridOn ? disableGrid(ctx) : enableGrid(ctx))}>
          {gridOn ? "Leave power grid" : grid.label}
        </button>
        <p className="pma-muted">{grid.hint}</p>
      </div>
    </section>
  );
}

/** Preparing (share done), then iterations done, time left, and (on a big map) how often the picture is updated. */
function ForceProgress({ progress: p }: { progress: ForceLayoutProgress | null }) {
  const preparing = p?.phase === "preparing";
  return (
    <p className="pma-muted" data-testid="layout-progress" role="status">
      <progress value={!p ? 0 : preparing ? p.prepared : p.elapsedMs} max={!p ? 1 : preparing ? 1 : p.durationMs} aria-label="Force layout progress" />{" "}
      {!p
        ? "Starting…"
        : preparing
          ? `Preparing… ${Math.floor(p.prepared * 100)} %` + (p.restarts > 0 ? " (the map changed: started again)" : "")
          : p.phase === "stopping"
            ? `Stopping after ${p.iterations} iterations…`
            : `${p.iterations} iteration${p.iterations === 1 ? "" : "s"}, ${Math.ceil(p.leftMs / 1000)} s left` +
              (p.live ? "" : ` · map redrawn every few seconds (${p.updates} so far)`)}
    </p>
  );
}
