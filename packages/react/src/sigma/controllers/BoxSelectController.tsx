/** Shift-drag on empty canvas draws a box; on release the actors inside join the selection. */
import { useEffect, useState } from "react";
import type Sigma from "sigma";
import type { EditorController } from "../../editor-controller.ts";
import * as P from "../../state/producers.ts";
import { suppressNextClick, type Interaction } from "./interaction.ts";

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
type SigmaMouse = { x: number; y: number; original: MouseEvent | TouchEvent; preventSigmaDefault(): void };

/** Ids of display nodes whose viewport position lies inside the box (hidden nodes excluded). */
export function nodesInBox(sigma: Sigma, box: Box): string[] {
  const [l, r] = [Math.min(box.x0, box.x1), Math.max(box.x0, box.x1)];
  const [t, b] = [Math.min(box.y0, box.y1), Math.max(box.y0, box.y1)];
  const out: string[] = [];
  sigma.getGraph().forEachNode((id, attrs) => {
    if (sigma.getNodeDisplayData(id)?.hidden) return;
    const p = sigma.graphToViewport({ x: attrs.x as number, y: attrs.y as number });
    if (p.x >= l && p.x <= r && p.y >= t && p.y <= b) out.push(id);
  });
  return out;
}

export function BoxSelectController({ sigma, controller, interaction }: { sigma: Sigma; controller: EditorController; interaction: Interaction }) {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    let current: Box | null = null;
    const onDown = ({ event }: { event: SigmaMouse }) => {
      if (!event.original.shiftKey) return;
      current = { x0: event.x, y0: event.y, x1: event.x, y1: event.y };
      setBox(current);
    };
    const onMove = ({ event }: { event: SigmaMouse }) => {
      if (!current) return;
      event.preventSigmaDefault(); // no camera pan while drawing the box
      current = { ...current, x1: event.x, y1: event.y };
      setBox(current);
    };
    const onUp = () => {
      if (!current) return;
      const b = current;
      current = null;
      setBox(null);
      if (Math.abs(b.x1 - b.x0) < 3 && Math.abs(b.y1 - b.y0) < 3) return;
      suppressNextClick(interaction);
      const ids = nodesInBox(sigma, b);
      controller.ui.update(P.addToSelection(ids));
      controller.ui.update(P.setStatus(`Selected ${controller.ui.get().selection.actors.length} actors`));
    };
    sigma.on("downStage", onDown as never);
    sigma.on("moveBody", onMove as never);
    sigma.on("upStage", onUp);
    sigma.on("upNode", onUp);
    sigma.on("upEdge", onUp);
    return () => {
      sigma.off("downStage", onDown as never);
      sigma.off("moveBody", onMove as never);
      sigma.off("upStage", onUp);
      sigma.off("upNode", onUp);
      sigma.off("upEdge", onUp);
    };
  }, [sigma, controller, interaction]);
  if (!box) return null;
  return (
    <div
      className="pm-box-select"
      data-testid="box-select"
      style={{ left: Math.min(box.x0, box.x1), top: Math.min(box.y0, box.y1), width: Math.abs(box.x1 - box.x0), height: Math.abs(box.y1 - box.y0) }}
    />
  );
}
