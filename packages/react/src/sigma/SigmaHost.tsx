/**
 * Hosts the sigma renderer: created once per container and killed on unmount. Without WebGL (jsdom,
 * old browsers) a placeholder is shown and the rest of the editor keeps working.
 */
import { useEffect, useRef, useState } from "react";
import type Sigma from "sigma";
import type { EditorController } from "../editor-controller.ts";
import { useUi } from "../hooks/useUi.ts";
import { BoxSelectController } from "./controllers/BoxSelectController.tsx";
import { DragController } from "./controllers/DragController.tsx";
import { EventsController } from "./controllers/EventsController.tsx";
import { createInteraction } from "./controllers/interaction.ts";
import { ReducersController } from "./controllers/ReducersController.tsx";
import { KindPicker } from "./KindPicker.tsx";
import { createDrawNodeLabel } from "./labels.ts";
import { loadEdgePrograms } from "./programs.ts";
import { followMapScale } from "./scale.ts";
import { renderAfterPan } from "./pan-render.ts";
import { repaintMovedNodes } from "./move-repaint.ts";
import { webglAvailable } from "./webgl.ts";

/** Settings passed once at creation (a stable object: never re-create sigma for a settings change). */
const SETTINGS = {
  allowInvalidContainer: true,
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  zIndex: true,
  defaultEdgeType: "arrow",
  labelRenderedSizeThreshold: 4,
  labelFont: "system-ui, sans-serif",
  edgeLabelFont: "system-ui, sans-serif",
  edgeLabelSize: 11,
  minCameraRatio: 0.02,
  maxCameraRatio: 20,
  hideEdgesOnMove: false,
} as const;

export function SigmaHost({ controller }: { controller: EditorController }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<Sigma | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [interaction] = useState(createInteraction);
  const overlay = useUi((s) => s.canvasOverlay);
  const tool = useUi((s) => s.tool);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    if (!webglAvailable()) {
      setFailure("The map canvas needs WebGL, which this browser does not provide. The table view still works.");
      return;
    }
    let s: Sigma | null = null;
    let ro: ResizeObserver | null = null;
    let disposed = false;
    let stopScale: (() => void) | null = null;
    let stopPan: (() => void) | null = null;
    let stopMoves: (() => void) | null = null;
    // sigma touches WebGL globals when its module loads: import it only where WebGL exists.
    Promise.all([import("sigma"), loadEdgePrograms()])
      .then(([{ default: SigmaClass }, programs]) => {
        if (disposed) return;
        controller.syncDisplay();
        // The display graph's typed attributes are a subset of sigma's generic Attributes.
        const created = new SigmaClass(controller.display as unknown as ConstructorParameters<typeof SigmaClass>[0], el, {
          ...SETTINGS,
          edgeProgramClasses: programs.interactive,
          defaultDrawNodeLabel: createDrawNodeLabel(() => s),
        });
        s = created;
        created.setCustomBBox(created.getBBox());
        controller.attachSigma(created);
        stopScale = followMapScale(created, controller.map, programs);
        stopPan = renderAfterPan(created);
        stopMoves = repaintMovedNodes(created);
        setSigma(created);
        // Follow container size changes (side panel, table view toggling) without re-creating sigma;
        // a notification that changes nothing costs nothing (a refresh re-processes the whole map).
        let size = `${el.offsetWidth}x${el.offsetHeight}`;
        ro =
          typeof ResizeObserver !== "undefined"
            ? new ResizeObserver(() => {
                const now = `${el.offsetWidth}x${el.offsetHeight}`;
                if (now === size) return;
                size = now;
                created.resize();
                created.refresh({ schedule: true });
              })
            : null;
        ro?.observe(el);
      })
      .catch((e: unknown) => setFailure(`The map canvas could not start: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      disposed = true;
      ro?.disconnect();
      stopScale?.();
      stopPan?.();
      stopMoves?.();
      if (s) {
        controller.attachSigma(null);
        s.kill();
      }
      setSigma(null);
    };
  }, [controller]);

  return (
    <div className={`pm-canvas-wrap${tool === "connect" ? " pm-tool-connect" : ""}`} data-testid="canvas">
      <div
        ref={containerRef}
        className="pm-sigma"
        data-testid="sigma-container"
        tabIndex={0}
        role="application"
        aria-label="Power map canvas. Double-click to add an actor, shift-drag between actors to connect them."
        onPointerDown={(e) => e.currentTarget.focus({ preventScroll: true })}
      />
      {failure && (
        <div className="pm-canvas-placeholder" data-testid="canvas-placeholder" role="note">
          {failure}
        </div>
      )}
      {sigma && (
        <>
          <ReducersController sigma={sigma} controller={controller} />
          <EventsController sigma={sigma} controller={controller} interaction={interaction} />
          <DragController sigma={sigma} controller={controller} interaction={interaction} />
          <BoxSelectController sigma={sigma} controller={controller} interaction={interaction} />
        </>
      )}
      {overlay}
      <KindPicker />
    </div>
  );
}
