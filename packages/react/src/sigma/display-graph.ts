/**
 * The display graph: what sigma draws, derived from the PowerMap graph. It holds only appearance
 * (x, y, size, colour, label); interaction state (hover, selection, filters, highlights) is applied
 * later by the reducers. Layouts may move nodes here; nothing flows back to the document unless a
 * command writes it.
 */
import { MultiDirectedGraph } from "graphology";
import { RELATIONSHIP_KIND_INFO, type Actor, type PowerGraph, type Relationship } from "@powermap/core";
import type { Appearance, PositionMode } from "../state/ui-state.ts";
import { isBigMap } from "./big-map.ts";
import { GraphChanges } from "./graph-changes.ts";
import { RestyleJob, type NodeRepainter, type Scheduler } from "./restyle-job.ts";
import { COMMUNITY_PALETTE, KIND_COLORS, RELATIONSHIP_COLORS, ROLE_COLORS, STANCE_COLORS, primaryRole } from "./colors.ts";

export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** Room for the label in graph units (set by a position mode such as the grid; see sigma/labels.ts). */
  labelWidth?: number;
}
/** Straight programs, and their curved twins for relationships that share their two actors. */
export type EdgeType = "arrow" | "line" | "curvedArrow" | "curved";
export interface EdgeDisplay {
  size: number;
  color: string;
  label: string;
  type: EdgeType;
  /** Bend of a curved edge (see parallelCurvature); absent or 0 on straight ones. */
  curvature?: number;
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
  /**
   * Values still being computed for the chosen size (colour): until they arrive, actors keep the
   * sizes (colours) drawn now — the previous choice's — instead of a placeholder look, and are
   * restyled once, when the values come (absent values without a job pending: the placeholder).
   */
  pending?: { size?: boolean; color?: boolean };
}

/** What every actor's size and colour derive from (besides its own record). */
interface Look {
  sizeBy: DisplayOptions["appearance"]["sizeBy"];
  metric: ReadonlyMap<string, number> | undefined;
  colorBy: DisplayOptions["appearance"]["colorBy"];
  community: ReadonlyMap<string, number> | undefined;
}

const sameLook = (a: Look | null, b: Look): boolean =>
  a !== null && a.sizeBy === b.sizeBy && a.metric === b.metric && a.colorBy === b.colorBy && a.community === b.community;

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
  // Values from the worker know their range without a walk of 100k ids (IndexedValues.range).
  const own = (metric as { range?: () => [number, number] } | undefined)?.range;
  if (typeof own === "function") return own.call(metric);
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

/**
 * How a relationship is drawn. On a big map (`hairline`) edges are thin: strength differences are
 * unreadable among tens of thousands of lines, and software rendering pays for every pixel.
 */
export function edgeDisplay(r: Relationship, showLabels: boolean, hairline = false): EdgeDisplay {
  const info = RELATIONSHIP_KIND_INFO[r.kind];
  return {
    size: hairline ? 0.5 + ((r.strength ?? 3) - 1) * 0.25 : 1 + ((r.strength ?? 3) - 1) * 0.6,
    color: RELATIONSHIP_COLORS[r.kind] ?? "#999",
    label: showLabels ? (r.label ?? info?.verb ?? r.kind) : "",
    type: info?.direction === "both" || info?.direction === "none" ? "line" : "arrow",
  };
}

/** Positions closer than this (graph units) are the same: records round positions to 0.01. */
const SAME_PLACE = 0.006;

/** Whether two records of an actor differ in their position only (other fields: same values or references). */
function onlyMoved(prev: Actor, a: Actor): boolean {
  const p = prev as unknown as Record<string, unknown>;
  const q = a as unknown as Record<string, unknown>;
  for (const k in q) if (k !== "position" && q[k] !== p[k]) return false;
  for (const k in p) if (k !== "position" && !(k in q)) return false;
  return true;
}

/** Whether writing `next` would change what the node shows. */
function differs(cur: NodeDisplay, next: Partial<NodeDisplay>): boolean {
  if (next.size !== undefined && next.size !== cur.size) return true;
  if (next.color !== undefined && next.color !== cur.color) return true;
  if (next.label !== undefined && next.label !== cur.label) return true;
  if ("labelWidth" in next && next.labelWidth !== cur.labelWidth) return true;
  if (next.x !== undefined && !(Math.abs(next.x - cur.x) < SAME_PLACE)) return true;
  if (next.y !== undefined && !(Math.abs(next.y - cur.y) < SAME_PLACE)) return true;
  return false;
}

/** Bend between neighbouring parallel edges (the edge-curve program's unit: a fraction of the length). */
export const CURVE_STEP = 0.5;

/** Key of the unordered pair of actors an edge joins (parallel edges share it, whatever their direction). */
export const pairKey = (source: string, target: string): string => (source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`);

/**
 * Curvature of each edge among `edges`, all joining the same two actors: spread evenly around the
 * straight line (the middle one of an odd number stays straight), ordered by id so they keep their
 * places. The sign is flipped for edges drawn against the pair's canonical direction, because the
 * curve program bends relative to each edge's own source → target.
 */
export function parallelCurvature(edges: readonly { id: string; source: string; target: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  if (edges.length === 1) {
    out.set(edges[0]!.id, 0);
    return out;
  }
  const sorted = [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  sorted.forEach((e, i) => {
    const c = (i - (n - 1) / 2) * CURVE_STEP;
    out.set(e.id, e.source < e.target ? c : -c);
  });
  return out;
}

/** The program for an edge: its straight type, or the curved twin when it bends. */
export function curvedType(type: EdgeType, curvature: number): EdgeType {
  const arrow = type === "arrow" || type === "curvedArrow";
  if (curvature === 0) return arrow ? "arrow" : "line";
  return arrow ? "curvedArrow" : "curved";
}

/** Where an actor without a stored position is drawn: a golden-angle spiral by index. */
export function fallbackPosition(index: number): { x: number; y: number } {
  const r = 30 * Math.sqrt(index + 1);
  const t = index * 2.399963;
  return { x: r * Math.cos(t), y: r * Math.sin(t) };
}

/**
 * Keeps a display graph in step with the PowerMap graph. It follows the graph's change events
 * (`GraphChanges`), so a sync after an edit visits the edited records only; records are immutable
 * (PowerMap replaces them on update), so an unchanged reference also means nothing to redo. A full
 * walk is left for `force` (appearance change: everything is restyled), `forcePositions` (a
 * position mode or a layout ended) and changes that cannot be followed one by one (a cleared graph,
 * i.e. replaceDocument and its undo). `"nodes"` restyles the actors only (new metric or community
 * values): relationships are not even visited, which on a map of 500k relationships is most of the work.
 *
 * Every actor is styled from one `Look` (size by + its values, colour by + its communities): when it
 * changes, every actor is restyled; values still pending keep the previous look's part (see
 * `DisplayOptions.pending`). On a big map with a `repainter` (a renderer attached) that restyle runs
 * in slices (sigma/restyle-job.ts); a sync arriving meanwhile lets it continue when the look is the
 * same (the slices read the records live), and otherwise abandons it and restyles every actor again
 * for the new look — the display never ends as a mix of two looks.
 */
export class DisplaySync {
  private actors = new Map<string, Actor>();
  private rels = new Map<string, Relationship>();
  /** Edge ids per pair of actors, to bend parallel relationships apart. */
  private pairs = new Map<string, Set<string>>();
  private pairOf = new Map<string, string>();
  private readonly changes = new GraphChanges();
  /**
   * Whether the renderer can take a colour-only restyle in place (see sigma/repaint-guard.ts); set
   * by the controller once sigma is attached.
   */
  colourInPlace: () => boolean = () => false;
  /**
   * The renderer's side of a sliced restyle (big maps), set by the controller while one is attached
   * (sigma/node-repainter.ts); null: every restyle is one bulk update, as on small maps.
   */
  repainter: NodeRepainter | null = null;
  /** Where the slices of a restyle run, and their budget (tests drive them by hand). */
  schedule: Scheduler | undefined = undefined;
  sliceBudgetMs: number | undefined = undefined;
  /** The look the display shows, or is being restyled to by `job`. */
  private look: Look | null = null;
  private job: { readonly running: boolean; cancel(): void } | null = null;
  private range: { metric: ReadonlyMap<string, number> | undefined; value: [number, number] } = { metric: undefined, value: [0, 0] };

  constructor(readonly display: DisplayGraph) {}

  /** Whether a sliced restyle is still under way. */
  get restyling(): boolean {
    return this.job?.running ?? false;
  }

  /** How many records the next sync has to look at (the whole graph when a full walk is due). */
  get pending(): number {
    return this.changes.count;
  }

  /** Stops following the PowerMap graph's events. */
  dispose(): void {
    this.changes.dispose();
    this.job?.cancel();
    this.job = null;
  }

  sync(src: PowerGraph, requested: DisplayOptions, force: boolean | "nodes" = false, forcePositions = false): void {
    this.changes.watch(src);
    const opts = this.effective(requested);
    const look: Look = { sizeBy: opts.appearance.sizeBy, metric: opts.metric, colorBy: opts.appearance.colorBy, community: opts.community };
    const newLook = !sameLook(this.look, look);
    this.look = look;
    const range = this.rangeOf(opts.metric);
    const full = this.changes.everything || force === true || forcePositions;
    // A restyle under way for another look (or overtaken by a full walk) is abandoned: its actors
    // are restyled again below, so none keeps the old look.
    const owed = this.job !== null && this.job.running && (full || newLook);
    if (owed) this.job!.cancel();
    if (!full) {
      this.syncChanged(src, opts, range);
      if (this.job?.running) return; // same look: the slices go on (they read the records live)
      if (force !== "nodes" && !newLook && !owed) return;
      // Nothing new to draw (e.g. a new choice whose values are pending: the look is kept).
      if (!newLook && !owed && this.counted(src)) return;
      // Should the counts disagree (a display changed behind our back), the walk puts it right.
      if (!this.restyleInPlace(src, opts, range)) this.syncAll(src, opts, range, "nodes", false);
      return;
    }
    this.changes.reset();
    this.syncAll(src, opts, range, force === false && (newLook || owed) ? "nodes" : force, forcePositions);
  }

  /** The options with the parts still pending replaced by the look drawn now (see DisplayOptions.pending). */
  private effective(opts: DisplayOptions): DisplayOptions {
    const { pending } = opts;
    const last = this.look;
    if (!last || !(pending?.size || pending?.color)) return opts;
    const keepSize = pending.size === true;
    const keepColor = pending.color === true;
    return {
      ...opts,
      appearance: { ...opts.appearance, sizeBy: keepSize ? last.sizeBy : opts.appearance.sizeBy, colorBy: keepColor ? last.colorBy : opts.appearance.colorBy },
      metric: keepSize ? last.metric : opts.metric,
      community: keepColor ? last.community : opts.community,
    };
  }

  /** The metric's range, walked once per set of values (not on every sync). */
  private rangeOf(metric: ReadonlyMap<string, number> | undefined): [number, number] {
    if (this.range.metric !== metric || metric === undefined) this.range = { metric, value: metricRange(metric) };
    return this.range.value;
  }

  /** Whether the display holds exactly one node per actor and one edge per relationship. */
  private counted(src: PowerGraph): boolean {
    const dst = this.display;
    return dst.order === src.order && this.actors.size === src.order && dst.size === src.size && this.rels.size === src.size;
  }

  /** The records named by the change events, and nothing else. */
  private syncChanged(src: PowerGraph, opts: DisplayOptions, range: [number, number]): void {
    const { actors, relationships } = this.changes;
    if (actors.size === 0 && relationships.size === 0) return;
    const dst = this.display;
    const mode = opts.positionMode ?? null;
    // Actors first: relationships need both ends. A dropped actor takes its display edges along;
    // its relationships' drop events are in `relationships` and clean up the pairs below.
    for (const id of actors) {
      if (src.hasNode(id)) this.putActor(id, src.getNodeAttributes(id), this.actors.size, opts, range, mode, false, false);
      else {
        if (dst.hasNode(id)) dst.dropNode(id);
        this.actors.delete(id);
      }
    }
    const touched = new Set<string>();
    const hairline = isBigMap(src);
    for (const id of relationships) {
      if (src.hasEdge(id)) this.putRelationship(id, src.getEdgeAttributes(id), src.source(id), src.target(id), opts, hairline, false, touched);
      else {
        if (dst.hasEdge(id)) dst.dropEdge(id);
        this.rels.delete(id);
        this.unpair(id, touched);
      }
    }
    this.changes.reset();
    for (const key of touched) this.bend(key);
  }

  /** Walks every record (see the class comment for when). */
  private syncAll(src: PowerGraph, opts: DisplayOptions, range: [number, number], force: boolean | "nodes", forcePositions: boolean): void {
    const dst = this.display;
    const mode = opts.positionMode ?? null;
    let i = 0;
    const seen = new Set<string>();
    src.forEachNode((id, a) => {
      seen.add(id);
      this.putActor(id, a, i++, opts, range, mode, force !== false, forcePositions);
    });
    if (dst.order !== seen.size) for (const id of dst.filterNodes((n) => !seen.has(n))) dst.dropNode(id);
    for (const id of [...this.actors.keys()]) if (!seen.has(id)) this.actors.delete(id);

    const forceEdges = force === true;
    const seenE = new Set<string>();
    const touched = new Set<string>();
    const hairline = isBigMap(src);
    src.forEachEdge((id, r, source, target) => {
      seenE.add(id);
      this.putRelationship(id, r, source, target, opts, hairline, forceEdges, touched);
    });
    if (dst.size !== seenE.size)
      for (const id of dst.filterEdges((e) => !seenE.has(e))) {
        dst.dropEdge(id);
        this.unpair(id, touched);
      }
    // Also forgets edges dropped with their actor above (dropNode takes them along silently).
    for (const id of [...this.rels.keys()])
      if (!seenE.has(id)) {
        this.rels.delete(id);
        this.unpair(id, touched);
      }
    for (const key of touched) this.bend(key);
  }

  /** Adds or updates one actor's node; `index` places an actor without a stored position. */
  private putActor(
    id: string,
    a: Actor,
    index: number,
    opts: DisplayOptions,
    range: [number, number],
    mode: PositionMode | null,
    restyle: boolean,
    forcePositions: boolean,
  ): void {
    const dst = this.display;
    const prev = this.actors.get(id);
    if (prev === a && !restyle && !forcePositions && dst.hasNode(id)) return;
    this.actors.set(id, a);
    // Only moved (a drag or a layout committed, often to where the display already shows it): the
    // look is the same, so compare the place alone — 100k committed layout positions otherwise
    // cost a full restyle walk.
    if (prev && !restyle && !forcePositions && mode === null && a.position && onlyMoved(prev, a) && dst.hasNode(id)) {
      const cur = dst.getNodeAttributes(id);
      const { x, y } = a.position;
      if (!(Math.abs(x - cur.x) < SAME_PLACE && Math.abs(y - cur.y) < SAME_PLACE)) dst.mergeNodeAttributes(id, { x, y });
      return;
    }
    const look = { size: nodeSize(a, opts, range), color: nodeColor(a, opts), label: a.name };
    const place = () => {
      const p: { x: number; y: number; labelWidth?: number } = mode ? mode.position(a) : (a.position ?? fallbackPosition(index));
      return { x: p.x, y: p.y, labelWidth: p.labelWidth };
    };
    if (!dst.hasNode(id)) {
      dst.addNode(id, { ...place(), ...look });
      return;
    }
    const moved = forcePositions || mode !== null || prev?.position?.x !== a.position?.x || prev?.position?.y !== a.position?.y;
    // Without a stored position an actor goes back to its fallback spot (not where a mode left it).
    const next = moved ? { ...place(), ...look } : look;
    // A node already drawn that way is left alone: when a layout or a drag commits the positions
    // the display shows (rounded to 0.01 in the record), rewriting 100k nodes made the renderer
    // re-process all of them for nothing.
    if (!differs(dst.getNodeAttributes(id), next)) return;
    dst.mergeNodeAttributes(id, next);
  }

  /** Adds or updates one relationship's edge (re-adding it when its ends changed). */
  private putRelationship(
    id: string,
    r: Relationship,
    source: string,
    target: string,
    opts: DisplayOptions,
    hairline: boolean,
    restyle: boolean,
    touched: Set<string>,
  ): void {
    const dst = this.display;
    const prev = this.rels.get(id);
    if (prev === r && !restyle && dst.hasEdge(id)) return;
    this.rels.set(id, r);
    const look = edgeDisplay(r, opts.appearance.edgeLabels, hairline);
    if (dst.hasEdge(id) && (dst.source(id) !== source || dst.target(id) !== target)) dst.dropEdge(id);
    // Leaves its old pair (if any: the edge may have gone with an actor) before joining the new one.
    this.unpair(id, touched);
    if (!dst.hasEdge(id)) dst.addDirectedEdgeWithKey(id, source, target, look);
    else dst.replaceEdgeAttributes(id, look);
    this.pair(id, source, target, touched);
  }

  /**
   * New sizes and colours for every actor, when nothing else changed since the last sync: written
   * in place with ONE graph event (`updateEachNodeAttributes`) instead of an event, an object and
   * a renderer update per node. Only called once the records are in step (the change events are
   * applied); returns false (nothing done) when the counts still disagree.
   */
  private restyleInPlace(src: PowerGraph, opts: DisplayOptions, range: [number, number]): boolean {
    const dst = this.display;
    if (!this.counted(src)) return false;
    if (this.repainter && isBigMap(dst)) {
      this.restyleSliced(opts, range);
      return true;
    }
    // Sizes first: when none changes (a new colouring) and the renderer can repaint in place, the
    // event says "colour only" and sigma rewrites the nodes' slots instead of re-processing every
    // node and relationship before the next frame. A size change keeps the full pass on small maps
    // (arrow heads and the label grid depend on sizes); on a big map it is hinted as size and
    // colour, which sigma also repaints in place: the hairline arrow heads and the label grid keep
    // the old sizes until the next full pass, instead of a second-long re-process of 500k edges.
    const sizes = new Map<string, number>();
    let resized = false;
    dst.forEachNode((id, attr) => {
      const size = nodeSize(this.actors.get(id)!, opts, range);
      sizes.set(id, size);
      if (size !== attr.size) resized = true;
    });
    dst.updateEachNodeAttributes(
      (id, attr) => {
        attr.size = sizes.get(id)!;
        attr.color = nodeColor(this.actors.get(id)!, opts);
        return attr;
      },
      this.colourInPlace() && (!resized || isBigMap(dst)) ? { attributes: resized ? ["size", "color"] : ["color"] } : undefined,
    );
    return true;
  }

  /**
   * The same restyle in slices (big maps with a renderer attached): each slice writes its nodes'
   * size and colour into their attribute objects — no graph event — and tells the repainter which
   * changed. Actors added meanwhile got this look from `putActor`; dropped ones are skipped.
   */
  private restyleSliced(opts: DisplayOptions, range: [number, number]): void {
    const restyle = ({ node, attributes: attr }: { node: string; attributes: NodeDisplay }): string | null => {
      const a = this.actors.get(node);
      if (a === undefined) return null;
      const size = nodeSize(a, opts, range);
      const color = nodeColor(a, opts);
      if (attr.size === size && attr.color === color) return null;
      attr.size = size;
      attr.color = color;
      return node;
    };
    // The live entries of the display graph: no id array, no lookup per node.
    const job = new RestyleJob(this.display.nodeEntries(), restyle, {
      repainter: () => this.repainter,
      schedule: this.schedule,
      budgetMs: this.sliceBudgetMs,
      onEnd: () => {
        if (this.job === job) this.job = null;
      },
    });
    this.job = job;
  }

  private pair(id: string, source: string, target: string, touched: Set<string>): void {
    const key = pairKey(source, target);
    this.pairOf.set(id, key);
    let set = this.pairs.get(key);
    if (!set) this.pairs.set(key, (set = new Set()));
    set.add(id);
    touched.add(key);
  }

  private unpair(id: string, touched: Set<string>): void {
    const key = this.pairOf.get(id);
    if (key === undefined) return;
    this.pairOf.delete(id);
    const set = this.pairs.get(key);
    set?.delete(id);
    if (set && set.size === 0) this.pairs.delete(key);
    touched.add(key);
  }

  /** Re-bends the edges of one pair of actors (a single edge is straight). */
  private bend(key: string): void {
    const ids = this.pairs.get(key);
    if (!ids) return;
    const dst = this.display;
    const curvature = parallelCurvature([...ids].map((id) => ({ id, source: dst.source(id), target: dst.target(id) })));
    for (const [id, c] of curvature) {
      const a = dst.getEdgeAttributes(id);
      const type = curvedType(a.type, c);
      if (a.type !== type || (a.curvature ?? 0) !== c) dst.mergeEdgeAttributes(id, { type, curvature: c });
    }
  }
}
