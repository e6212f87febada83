/** Hover, click selection and double-click creation on the canvas. */
import { useEffect } from "react";
import type Sigma from "sigma";
import type { EditorController } from "../../editor-controller.ts";
import { addActorAt } from "../../map/commands.ts";
import * as P from "../../state/producers.ts";
import { clickSuppressed, type Interaction } from "./interaction.ts";

const multi = (e: MouseEvent | TouchEvent) => e.shiftKey || e.ctrlKey || e.metaKey;

export function EventsController({ sigma, controller, interaction }: { sigma: Sigma; controller: EditorController; interaction: Interaction }) {
  useEffect(() => {
    const { ui, map } = controller;
    const container = sigma.getContainer();
    const handlers = {
      enterNode: ({ node }: { node: string }) => {
        container.style.cursor = "pointer";
        if (!interaction.dragging) ui.update(P.setHoveredNode(node));
      },
      leaveNode: () => {
        container.style.cursor = "";
        ui.update(P.setHoveredNode(null));
      },
      enterEdge: ({ edge }: { edge: string }) => {
        container.style.cursor = "pointer";
        ui.update(P.setHoveredEdge(edge));
      },
      leaveEdge: () => {
        container.style.cursor = "";
        ui.update(P.setHoveredEdge(null));
      },
      clickNode: ({ node, event }: { node: string; event: { original: MouseEvent | TouchEvent } }) => {
        if (clickSuppressed(interaction)) return;
        ui.update(multi(event.original) ? P.toggleSelected("actor", node) : P.selectOnly({ actors: [node] }));
      },
      clickEdge: ({ edge, event }: { edge: string; event: { original: MouseEvent | TouchEvent } }) => {
        if (clickSuppressed(interaction)) return;
        ui.update(multi(event.original) ? P.toggleSelected("relationship", edge) : P.selectOnly({ relationships: [edge] }));
      },
      clickStage: ({ event }: { event: { original: MouseEvent | TouchEvent } }) => {
        // The click that ends a drag or box select (sigma may report it on the stage) changes nothing.
        if (clickSuppressed(interaction)) return;
        ui.update(P.closeConnection);
        if (!multi(event.original)) ui.update(P.clearSelection);
      },
      doubleClickStage: ({ event }: { event: { x: number; y: number; preventSigmaDefault(): void } }) => {
        event.preventSigmaDefault();
        if (controller.readOnly) return;
        const id = addActorAt(map, sigma.viewportToGraph({ x: event.x, y: event.y }));
        ui.update(P.selectOnly({ actors: [id] }));
        ui.update(P.requestFocus("name"));
        ui.update(P.setStatus(`Added actor "${map.graph.getNodeAttribute(id, "name")}"`));
      },
      doubleClickNode: ({ node, event }: { node: string; event: { preventSigmaDefault(): void } }) => {
        event.preventSigmaDefault();
        ui.update(P.selectOnly({ actors: [node] }));
        ui.update(P.requestFocus("name"));
      },
    };
    for (const [name, fn] of Object.entries(handlers)) sigma.on(name as never, fn as never);
    return () => {
      for (const [name, fn] of Object.entries(handlers)) sigma.off(name as never, fn as never);
    };
  }, [sigma, controller, interaction]);
  return null;
}
