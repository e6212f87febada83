/** UI state: everything the editor shows that is NOT part of the document. */
import type { ReactNode } from "react";
import type { Actor, ActorKind, ActorRole, RelationshipKind } from "@powermap/core";

/** Nodes/edges lit up by a query (influence paths, k best paths …). */
export interface Highlight {
  nodes?: Iterable<string>;
  edges?: Iterable<string>;
}
/** A highlight normalised into sets, as stored and read by the reducers. */
export interface HighlightSets {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Stance filter values: −2 … 2, or "unknown" for actors without a stance. */
export type StanceValue = -2 | -1 | 0 | 1 | 2 | "unknown";

/** Filters: an empty list means "no filter on this field"; otherwise only listed values pass. */
export interface Filters {
  kinds: ActorKind[];
  roles: ActorRole[];
  stances: StanceValue[];
  tags: string[];
  relationshipKinds: RelationshipKind[];
  /** Only relationships active on this PartialDate (start ≤ asOf ≤ end) pass. */
  asOf: string | null;
  /** Hidden things are faded (still visible, dimmed) or removed from the canvas. */
  mode: "fade" | "hide";
}

export type ColorBy = "stance" | "kind" | "role" | "community";
/** "power", "uniform", or a centrality measure name (values supplied in `appearance.metric`). */
export type SizeBy = "power" | "uniform" | "degree" | "indegree" | "outdegree" | "betweenness" | "closeness" | "eigenvector" | "pagerank";

export interface Appearance {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  edgeLabels: boolean;
}

/** A computed view: places actors itself and turns a drop into a document change. */
export interface PositionMode {
  id: string;
  /** Where the actor goes; `labelWidth` (graph units) cuts its label to the room it has there. */
  position(actor: Actor): { x: number; y: number; labelWidth?: number };
  /** Called on drop instead of writing `position`; should make ONE map command (or batch). */
  drop?(actorId: string, x: number, y: number): void;
}

export interface Selection {
  actors: readonly string[];
  relationships: readonly string[];
}

/** A connection being created: the kind popover is open at (x, y) viewport pixels. */
export interface PendingConnection {
  from: string;
  to: string;
  x: number;
  y: number;
}

export interface UiState {
  selection: Selection;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  tool: "select" | "connect";
  filters: Filters;
  highlight: HighlightSets | null;
  /** Actor ids matching the search box (drawn highlighted). */
  searchMatches: ReadonlySet<string> | null;
  appearance: Appearance;
  view: "canvas" | "table";
  pendingConnection: PendingConnection | null;
  /** Inspector field to focus on next render (e.g. "name" after adding an actor). */
  focusField: string | null;
  positionMode: PositionMode | null;
  /** Extra content drawn over the canvas (e.g. grid quadrant labels from a layout). */
  canvasOverlay: ReactNode;
  /** Last status message for the screen-reader live region and the status bar. */
  status: string;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
  kinds: [],
  roles: [],
  stances: [],
  tags: [],
  relationshipKinds: [],
  asOf: null,
  mode: "fade",
}) as Filters;

export function initialUiState(): UiState {
  return {
    selection: { actors: [], relationships: [] },
    hoveredNode: null,
    hoveredEdge: null,
    tool: "select",
    filters: EMPTY_FILTERS,
    highlight: null,
    searchMatches: null,
    appearance: { colorBy: "stance", sizeBy: "power", edgeLabels: false },
    view: "canvas",
    pendingConnection: null,
    focusField: null,
    positionMode: null,
    canvasOverlay: null,
    status: "",
  };
}
