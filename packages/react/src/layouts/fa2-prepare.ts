/**
 * The "Preparing…" phase of a force layout: the FA2 matrices (and the start positions Cancel puts
 * back) built from the display graph in slices of about {@link PREPARE_SLICE_MS}, one task each,
 * instead of one task of most of a second on a 100k-actor map.
 *
 * The graph may change between two slices (an edit, a background measure restyling the actors).
 * A change FA2 depends on — a node or edge added or dropped, a node's x, y or `fixed`, an edge's
 * `size` (its weight), or an update whose attributes are not named — throws the half-built
 * matrices away and starts again from the graph as it now is, so a run never lays out a graph that
 * no longer matches its matrices. Restyles (colour, node size, label) do not restart it: with
 * `adjustSizes` off FA2 never reads a node's size, so the result is the same either way.
 */
import type Graph from "graphology";
import { prepareMatrices, type LayoutMatrices, type MatrixBuild } from "./fa2-matrices.ts";

/** Time per preparation task, ms: well under a frame's budget with the browser's own work around it. */
export const PREPARE_SLICE_MS = 8;

export interface PrepareClock {
  now(): number;
  /** Runs `fn` in a later task (after pending input and rendering). */
  defer(fn: () => void): void;
}

export interface PrepareOptions {
  clock: PrepareClock;
  sliceMs?: number;
  /** After each slice: share done (0..1) and how many times a change made it start again. */
  onProgress?: (done: number, restarts: number) => void;
}

export interface Preparation {
  /** Abandons the preparation: no further slice runs, `onReady` is never called. */
  cancel(): void;
}

const NODE_KEYS = ["x", "y", "fixed"];
const EDGE_KEYS = ["size"];

interface AttributesEvent {
  type: "set" | "remove" | "replace" | "merge" | "update";
  name?: string;
  data?: Record<string, unknown>;
}

/** Whether a single-item attribute event touches one of `keys` (unknown → yes). */
function touches(e: AttributesEvent, keys: readonly string[]): boolean {
  if (e.type === "set" || e.type === "remove") return e.name === undefined || keys.includes(e.name);
  if (e.type === "merge") return !e.data || keys.some((k) => k in e.data!);
  return true; // replace, update: anything may have changed
}

/** Whether a bulk update touches one of `keys` (no hints → yes). */
const touchesAll = (e: { hints?: { attributes?: string[] } } | undefined, keys: readonly string[]) =>
  !e?.hints?.attributes || e.hints.attributes.some((k) => keys.includes(k));

/** Builds the FA2 matrices of `graph` in slices, then calls `onReady` (in a later task, never synchronously). */
export function prepareLayout(graph: Graph, onReady: (m: LayoutMatrices) => void, opts: PrepareOptions): Preparation {
  const sliceMs = opts.sliceMs ?? PREPARE_SLICE_MS;
  const { clock } = opts;
  let build: MatrixBuild | null = null;
  let stale = false;
  let restarts = 0;
  let over = false;

  const changed = () => (stale = true);
  const onNode = (e: AttributesEvent) => touches(e, NODE_KEYS) && changed();
  const onEdge = (e: AttributesEvent) => touches(e, EDGE_KEYS) && changed();
  const onEachNode = (e?: { hints?: { attributes?: string[] } }) => touchesAll(e, NODE_KEYS) && changed();
  const onEachEdge = (e?: { hints?: { attributes?: string[] } }) => touchesAll(e, EDGE_KEYS) && changed();
  const listeners: [Parameters<Graph["on"]>[0], (e: never) => void][] = [
    ["nodeAdded", changed],
    ["nodeDropped", changed],
    ["edgeAdded", changed],
    ["edgeDropped", changed],
    ["cleared", changed],
    ["edgesCleared", changed],
    ["nodeAttributesUpdated", onNode],
    ["edgeAttributesUpdated", onEdge],
    ["eachNodeAttributesUpdated", onEachNode],
    ["eachEdgeAttributesUpdated", onEachEdge],
  ];
  for (const [event, fn] of listeners) graph.on(event, fn);
  const finish = () => {
    over = true;
    for (const [event, fn] of listeners) graph.off(event, fn);
  };

  const slice = () => {
    if (over) return;
    if (!build || stale) {
      // The graph changed since the last slice: what was built may mix two versions of it.
      if (build) restarts++;
      stale = false;
      build = prepareMatrices(graph, clock.now);
    }
    const m = build.step(sliceMs);
    opts.onProgress?.(m ? 1 : build.done, restarts);
    if (m) {
      finish();
      onReady(m);
      return;
    }
    clock.defer(slice);
  };
  clock.defer(slice);
  return { cancel: () => !over && finish() };
}
