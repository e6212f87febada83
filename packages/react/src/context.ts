/**
 * The editor context: how panels (the built-in ones and those passed through `panels`) reach the
 * editor. Read it with `useEditor()`.
 *
 * - `map`: the PowerMap (the document). Change it ONLY through its commands (`addActor`,
 *   `updateActor`, `batch`, …): each call is one undo step and bumps `map.version`.
 *   Re-render from the version with `useMapVersion(map)`.
 * - `ui`: the UI store (selection, hover, tool, filters, highlight, appearance, …). Never part of
 *   the document. Read with `useUi(selector)`, change with `ui.update(producer)` (see state/producers.ts).
 * - `setHighlight({ nodes, edges })`: lights up query results (influence paths, k paths …) in the
 *   sigma reducers: listed nodes/edges drawn strong, everything else faded. `null` clears it.
 * - `registerQuery(name, run)`: a query panel makes itself callable through the editor's imperative
 *   `runQuery(name, params)`; returns an unregister function (call it in the effect cleanup).
 * - `getSigma()`: the renderer, or null (no WebGL, e.g. jsdom). `getDisplayGraph()`: the graph sigma
 *   draws (x, y, size, color, label per node). A layout may move nodes there freely (e.g. FA2 worker)
 *   and then call `commitDisplayPositions(label)` to write them to the document as ONE undo step.
 * - `setPositionMode(mode)`: a computed view (e.g. the stance × power grid): `position(actor)` places
 *   each actor, and `drop(actorId, x, y)` turns a drag in that view into a document change
 *   (e.g. new stance and power, in one command). `null` returns to the actors' own positions.
 * - `focusActor(id)`: select the actor and centre the camera on it.
 */
import { createContext, useContext } from "react";
import type { PowerMap } from "@powermap/core";
import type Sigma from "sigma";
import type { DisplayGraph } from "./sigma/display-graph.ts";
import type { UiStore } from "./state/ui-store.ts";
import type { Highlight, PositionMode } from "./state/ui-state.ts";
import type { NodeRepainter } from "./sigma/restyle-job.ts";

/** A query made callable through `runQuery(name, params)`; returns whatever the panel computes. */
export type QueryHandler = (params: Record<string, unknown>) => unknown;

export interface EditorContextValue {
  readonly map: PowerMap;
  readonly ui: UiStore;
  readonly readOnly: boolean;
  getSigma(): Sigma | null;
  getDisplayGraph(): DisplayGraph;
  setHighlight(highlight: Highlight | null): void;
  /** Select actors and/or relationships by id (unknown ids are ignored). */
  select(ids: readonly string[]): void;
  focusActor(id: string): void;
  registerQuery(name: string, run: QueryHandler): () => void;
  runQuery(name: string, params?: Record<string, unknown>): unknown;
  commitDisplayPositions(label: string, ids?: readonly string[]): void;
  /**
   * The renderer's sliced repaint (big maps, a renderer attached; else null): layouts write many
   * positions through it in slices instead of one bulk update (see sigma/restyle-job.ts).
   */
  getNodeRepainter?(): NodeRepainter | null;
  setPositionMode(mode: PositionMode | null): void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** The editor context; throws when used outside `<PowerMapEditor>`. */
export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error("useEditor: must be used inside <PowerMapEditor>");
  return ctx;
}
