/**
 * Pure UI state producers, `(args) => (state) => nextState` (gephi-lite style). They never touch the
 * document; apply them with `ui.update(producer)`. Returning the same state object means "no change".
 */
import type { Producer } from "./ui-store.ts";
import {
  EMPTY_FILTERS,
  type Appearance,
  type Filters,
  type Highlight,
  type PendingConnection,
  type PositionMode,
  type Selection,
  type UiState,
} from "./ui-state.ts";

type P = Producer<UiState>;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Replaces the selection. */
export const selectOnly =
  (sel: Partial<Selection>): P =>
  (s) => {
    const actors = unique(sel.actors ?? []);
    const relationships = unique(sel.relationships ?? []);
    if (sameList(actors, s.selection.actors) && sameList(relationships, s.selection.relationships)) return s;
    return { ...s, selection: { actors, relationships } };
  };

/** Adds the item to the selection, or removes it when already selected (shift-click). */
export const toggleSelected =
  (type: "actor" | "relationship", id: string): P =>
  (s) => {
    const key = type === "actor" ? "actors" : "relationships";
    const list = s.selection[key];
    const next = list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
    return { ...s, selection: { ...s.selection, [key]: next } };
  };

/** Adds several actors to the selection (box select with shift held keeps what was selected). */
export const addToSelection =
  (actors: readonly string[]): P =>
  (s) => {
    const next = unique([...s.selection.actors, ...actors]);
    return next.length === s.selection.actors.length ? s : { ...s, selection: { ...s.selection, actors: next } };
  };

export const clearSelection: P = (s) =>
  s.selection.actors.length === 0 && s.selection.relationships.length === 0 ? s : { ...s, selection: { actors: [], relationships: [] } };

/** Drops ids that no longer exist (after undo, delete, load). */
export const pruneSelection =
  (hasActor: (id: string) => boolean, hasRelationship: (id: string) => boolean): P =>
  (s) => {
    const actors = s.selection.actors.filter(hasActor);
    const relationships = s.selection.relationships.filter(hasRelationship);
    const hovered = s.hoveredNode !== null && !hasActor(s.hoveredNode) ? null : s.hoveredNode;
    const hoveredEdge = s.hoveredEdge !== null && !hasRelationship(s.hoveredEdge) ? null : s.hoveredEdge;
    if (actors.length === s.selection.actors.length && relationships.length === s.selection.relationships.length && hovered === s.hoveredNode && hoveredEdge === s.hoveredEdge)
      return s;
    return { ...s, selection: { actors, relationships }, hoveredNode: hovered, hoveredEdge };
  };

export const setHoveredNode =
  (id: string | null): P =>
  (s) =>
    s.hoveredNode === id ? s : { ...s, hoveredNode: id };

export const setHoveredEdge =
  (id: string | null): P =>
  (s) =>
    s.hoveredEdge === id ? s : { ...s, hoveredEdge: id };

export const setTool =
  (tool: UiState["tool"]): P =>
  (s) =>
    s.tool === tool ? s : { ...s, tool };

/** Merges a partial filter change. */
export const setFilters =
  (patch: Partial<Filters>): P =>
  (s) => ({ ...s, filters: { ...s.filters, ...patch } });

export const clearFilters: P = (s) => ({ ...s, filters: { ...EMPTY_FILTERS, mode: s.filters.mode } });

/** Adds the value to a filter list, or removes it when present. */
export const toggleFilterValue =
  <K extends "kinds" | "roles" | "stances" | "tags" | "relationshipKinds">(key: K, value: Filters[K][number]): P =>
  (s) => {
    const list = s.filters[key] as readonly unknown[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    return { ...s, filters: { ...s.filters, [key]: next } };
  };

/** Sets (or clears, with null) the query highlight. */
export const setHighlight =
  (h: Highlight | null): P =>
  (s) => {
    if (h === null) return s.highlight === null ? s : { ...s, highlight: null };
    return { ...s, highlight: { nodes: new Set(h.nodes ?? []), edges: new Set(h.edges ?? []) } };
  };

export const setSearchMatches =
  (ids: Iterable<string> | null): P =>
  (s) => {
    if (ids === null) return s.searchMatches === null ? s : { ...s, searchMatches: null };
    return { ...s, searchMatches: new Set(ids) };
  };

export const setAppearance =
  (patch: Partial<Appearance>): P =>
  (s) => ({ ...s, appearance: { ...s.appearance, ...patch } });

export const setView =
  (view: UiState["view"]): P =>
  (s) =>
    s.view === view ? s : { ...s, view };

export const openConnection =
  (pending: PendingConnection): P =>
  (s) => ({ ...s, pendingConnection: pending });

export const closeConnection: P = (s) => (s.pendingConnection === null ? s : { ...s, pendingConnection: null });

export const requestFocus =
  (field: string | null): P =>
  (s) =>
    s.focusField === field ? s : { ...s, focusField: field };

export const setPositionMode =
  (mode: PositionMode | null): P =>
  (s) =>
    s.positionMode === mode ? s : { ...s, positionMode: mode };

export const setCanvasOverlay =
  (overlay: UiState["canvasOverlay"]): P =>
  (s) =>
    s.canvasOverlay === overlay ? s : { ...s, canvasOverlay: overlay };

export const setStatus =
  (status: string): P =>
  (s) =>
    s.status === status ? s : { ...s, status };
