/**
 * The display graph: what sigma draws, derived from the PowerMap graph. It holds only appearance
 * (x, y, size, colour, label); interaction state (hover, selection, filters, highlights) is applied
 * later by the reducers. Layouts may move nodes here; nothing flows back to the document unless a
 * command writes it.
 */
import { MultiDirectedGraph } from "graphology";
import { RELATIONSHIP_KIND_INFO, type Actor, type PowerGraph, type Relationship } from "@powermap/core";
import type { Appearance, PositionMode } from "../state/ui-state.ts";
import { COMMUNITY_PALETTE, KIND_COLORS, RELATIONSHIP_COLORS, ROLE_COLORS, STANCE_COLORS, primaryRole } from "./colors.ts";

export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}
export interface EdgeDisplay {
  size: number;
  color: string;
  label: string;
  type: "arrow" | "line";
}
export type DisplayGraph = MultiDirectedGraph<NodeDisplay, EdgeDisplay>;

export function createDisplayGraph(): DisplayGraph {
  return new MultiDirectedGraph<NodeDisplay, EdgeDisplay>({ allowSelfLoops: true });
}

/** Inputs of the appearance besides the records: metric values and communities, when computed. */
export interface DisplayOptions {
  appearance: Appearance;
  /** Values of the size metric per actor id (sizeBy other than power/uniform). */
  metric?: ReadonlyMap<string, number>;
  community?: ReadonlyMap<string, number>;
  positionMode?: PositionMode | null;
}

export const MIN_SIZE = 4;
export const MAX_SIZE = 18;

export function nodeColor(a: Actor, opts: DisplayOptions): string {
  switch (opts.appearance.colorBy) {
    case "kind":
      return KIND_COLORS[a.kind] ?? KIND_COLORS.other;
    case "role":
      return ROLE_COLORS[primaryRole(a)];
    case "community": {
      const c = opts.community?.get(a.id);
      return c === undefined ? STANCE_COLORS.unknown : COMMUNITY_PALETTE[c % COMMUNITY_PALETTE.length];
    }
    default:
      return STANCE_COLORS[a.stance === undefined ? "unknown" : String(a.stance)] ?? STANCE_COLORS.unknown;
  }
}

/** Metric range, computed once per appearance change (not per node). */
export function metricRange(metric: ReadonlyMap<string, number> | undefined): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  metric?.forEach((v) => {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  });
  return Number.isFinite(lo) ? [lo, hi] : [0, 0];
}

export function nodeSize(a: Actor, opts: DisplayOptions, range: [number, number]): number {
  const { sizeBy } = opts.appearance;
  if (sizeBy === "uniform") return 7;
  if (sizeBy === "power") return a.power === undefined ? 5 : MIN_SIZE + (a.power - 1) * ((MAX_SIZE - MIN_SIZE) / 4);
  const v = opts.metric?.get(a.id);
  if (v === undefined) return MIN_SIZE;
  const [lo, hi] = range;
  const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  return MIN_SIZE + Math.sqrt(t) * (MAX_SIZE - MIN_SIZE);
}

export function edgeDisplay(r: Relationship, showLabels: boolean): EdgeDisplay {
  const info = RELATIONSHIP_KIND_INFO[r.kind];
  return {
    size: 1 + ((r.strength ?? 3) - 1) * 0.6,
    color: RELATIONSHIP_COLORS[r.kind] ?? "#999",
    label: showLabels ? (r.label ?? info?.verb ?? r.kind) : "",
    type: info?.direction === "both" || info?.direction === "none" ? "line" : "arrow",
  };
}

/** Where an actor without a stored position is drawn: a golden-angle spiral by index. */
export function fallbackPosition(index: number): { x: number; y: number } {
  const r = 30 * Math.sqrt(index + 1);
  const t = index * 2.399963;
  return { x: r * Math.cos(t), y: r * Math.sin(t) };
}

/**
 * Keeps a display graph in step with the PowerMap graph. Records are immutable (PowerMap replaces
 * them on update), so an unchanged reference means nothing to redo: a sync after one edit costs a
 * reference check per record. `force` recomputes the appearance of everything (appearance change).
 */
export class DisplaySync {
  private actors = new Map<string, Actor>();
  private rels = new Map<string, Relationship>();

  constructor(readonly display: DisplayGraph) {}

  sync(src: PowerGraph, opts: DisplayOptions, force = false, forcePositions = false): void {
    const dst = this.display;
    const range = metricRange(opts.metric);
    const mode = opts.positionMode ?? null;
    let i = 0;
    const seen = new Set<string>();
    src.forEachNode((id, a) => {
      seen.add(id);
      const index = i++;
      const prev = this.actors.get(id);
      if (prev === a && !force && !forcePositions && dst.hasNode(id)) return;
      this.actors.set(id, a);
      const look = { size: nodeSize(a, opts, range), color: nodeColor(a, opts), label: a.name };
      if (!dst.hasNode(id)) {
        const p = mode ? mode.position(a) : (a.position ?? fallbackPosition(index));
        dst.addNode(id, { ...p, ...look });
        return;
      }
      const moved = forcePositions || mode !== null || prev?.position?.x !== a.position?.x || prev?.position?.y !== a.position?.y;
      const p = mode ? mode.position(a) : a.position;
      dst.mergeNodeAttributes(id, moved && p ? { ...p, ...look } : look);
    });
    if (dst.order !== seen.size) for (const id of dst.filterNodes((n) => !seen.has(n))) dst.dropNode(id);
    for (const id of [...this.actors.keys()]) if (!seen.has(id)) this.actors.delete(id);

    const seenE = new Set<string>();
    src.forEachEdge((id, r, source, target) => {
      seenE.add(id);
      const prev = this.rels.get(id);
      if (prev === r && !force && dst.hasEdge(id)) return;
      this.rels.set(id, r);
      const look = edgeDisplay(r, opts.appearance.edgeLabels);
      if (dst.hasEdge(id) && (dst.source(id) !== source || dst.target(id) !== target)) dst.dropEdge(id);
      if (!dst.hasEdge(id)) dst.addDirectedEdgeWithKey(id, source, target, look);
      else dst.replaceEdgeAttributes(id, look);
    });
    if (dst.size !== seenE.size) for (const id of dst.filterEdges((e) => !seenE.has(e))) dst.dropEdge(id);
    for (const id of [...this.rels.keys()]) if (!seenE.has(id)) this.rels.delete(id);
  }
}
