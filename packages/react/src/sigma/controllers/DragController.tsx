/**
 * Node drags. Plain drag moves the node (or the whole selection when it is part of it): the display
 * graph follows the pointer, and the document gets ONE command on drop. Shift-drag (or the connect
 * tool) draws a line to another actor and opens the relationship kind picker there.
 */
import { useEffect, useState } from "react";
import type Sigma from "sigma";
import type { EditorController } from "../../editor-controller.ts";
import { moveActors } from "../../map/commands.ts";
import * as P from "../../state/producers.ts";
import { suppressNextClick, type Interaction } from "./interaction.ts";

interface Gesture {
  node: string;
  mode: "move" | "connect";
  startX: number;
  startY: number;
  moved: boolean;
  /** Graph-space offsets of each moved node from the pointer. */
  offsets: Map<string, { dx: number; dy: number }>;
}

interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type SigmaMouse = { x: number; y: number; original: MouseEvent | TouchEvent; preventSigmaDefault(): void };

export function DragController({ sigma, controller, interaction }: { sigma: Sigma; controller: EditorController; interaction: Interaction }) {
  const [line, setLine] = useState<Line | null>(null);

  useEffect(() => {
    const { ui, map, display } = controller;
    let g: Gesture | null = null;

    const onDown = ({ node, event }: { node: string; event: SigmaMouse }) => {
      if (controller.readOnly) return;
      const s = ui.get();
      const connect = s.tool === "connect" || event.original.shiftKey;
      const ids = !connect && s.selection.actors.includes(node) && !s.positionMode ? s.selection.actors.filter((id) => display.hasNode(id)) : [node];
      const p = sigma.viewportToGraph(event);
      const offsets = new Map(ids.map((id) => [id, { dx: display.getNodeAttribute(id, "x") - p.x, dy: display.getNodeAttribute(id, "y") - p.y }]));
      g = { node, mode: connect ? "connect" : "move", startX: event.x, startY: event.y, moved: false, offsets };
      interaction.dragging = true;
      // Keep the framing fixed while nodes move, or the whole view would rescale under the pointer.
      if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    };

    const onMove = ({ event }: { event: SigmaMouse }) => {
      if (!g) return;
      event.preventSigmaDefault();
      if (!g.moved && Math.hypot(event.x - g.startX, event.y - g.startY) < 4) return;
      g.moved = true;
      if (event.original.cancelable) event.original.preventDefault();
      if (g.mode === "move") {
        const p = sigma.viewportToGraph(event);
        for (const [id, o] of g.offsets) if (display.hasNode(id)) display.mergeNodeAttributes(id, { x: p.x + o.dx, y: p.y + o.dy });
      } else {
        const d = display.getNodeAttributes(g.node);
        const from = sigma.graphToViewport({ x: d.x, y: d.y });
        setLine({ x1: from.x, y1: from.y, x2: event.x, y2: event.y });
      }
    };

    const finish = (target: string | null, event: SigmaMouse) => {
      const gesture = g;
      g = null;
      interaction.dragging = false;
      setLine(null);
      if (!gesture || !gesture.moved) return;
      suppressNextClick(interaction);
      if (gesture.mode === "connect") {
        if (target && target !== gesture.node) ui.update(P.openConnection({ from: gesture.node, to: target, x: event.x, y: event.y }));
        return;
      }
      const mode = ui.get().positionMode;
      if (mode?.drop) {
        const { x, y } = display.getNodeAttributes(gesture.node);
        mode.drop(gesture.node, x, y);
        controller.syncDisplay(false, true); // snap back if the drop changed nothing
        return;
      }
      if (mode) return controller.syncDisplay(false, true);
      const positions = new Map<string, { x: number; y: number }>();
      for (const id of gesture.offsets.keys()) if (display.hasNode(id)) positions.set(id, { x: display.getNodeAttribute(id, "x"), y: display.getNodeAttribute(id, "y") });
      moveActors(map, positions, positions.size > 1 ? `Move ${positions.size} actors` : "Move actor");
    };

    const onUpNode = ({ node, event }: { node: string; event: SigmaMouse }) => finish(node, event);
    const onUpStage = ({ event }: { event: SigmaMouse }) => finish(null, event);
    sigma.on("downNode", onDown as never);
    sigma.on("moveBody", onMove as never);
    sigma.on("upNode", onUpNode as never);
    sigma.on("upStage", onUpStage as never);
    sigma.on("upEdge", onUpStage as never);
    return () => {
      sigma.off("downNode", onDown as never);
      sigma.off("moveBody", onMove as never);
      sigma.off("upNode", onUpNode as never);
      sigma.off("upStage", onUpStage as never);
      sigma.off("upEdge", onUpStage as never);
    };
  }, [sigma, controller, interaction]);

  if (!line) return null;
  return (
    <svg className="pm-overlay-svg" data-testid="connect-line" aria-hidden="true">
      <line x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} className="pm-connect-line" />
    </svg>
  );
}
