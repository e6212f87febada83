import type { PowerGraph } from "../graph/types.ts";
import type { MapLike } from "../graph/input.ts";
import { graphOf } from "../graph/input.ts";
import { UsageError } from "../errors.ts";
import { checkAsOf } from "./as-of.ts";
import { buildSnapshotAfter } from "./build.ts";
import { columnsOf } from "./columns.ts";
import type { AnalysisSnapshot, SnapshotOptions } from "./types.ts";

interface Entry {
  /** Bumped by graphology change events. */
  events: number;
  /** Revision the cached snapshots belong to. */
  revision: string;
  byAsOf: Map<string, AnalysisSnapshot>;
}

// Keyed by the graph so a replaced graph (e.g. after replaceDocument) simply starts a new entry and
// the old one is collected with its graph.
const cache = new WeakMap<PowerGraph, Entry>();
const MAX_DATES = 8;

const CHANGE_EVENTS = [
  "nodeAdded",
  "edgeAdded",
  "nodeDropped",
  "edgeDropped",
  "cleared",
  "edgesCleared",
  "nodeAttributesUpdated",
  "edgeAttributesUpdated",
  "eachNodeAttributesUpdated",
  "eachEdgeAttributesUpdated",
] as const;

function entryOf(graph: PowerGraph): Entry {
  let e = cache.get(graph);
  if (!e) {
    const entry: Entry = { events: 0, revision: "", byAsOf: new Map() };
    // Listening covers bare graphs and edits made beside the PowerMap; PowerMap.version covers
    // records replaced without events.
    const bump = (): void => {
      entry.events++;
    };
    for (const ev of CHANGE_EVENTS) graph.on(ev, bump);
    cache.set(graph, entry);
    e = entry;
  }
  return e;
}

/**
 * The analysis snapshot of the map's current revision, built on first use and reused by every
 * measure until the map changes (graph change events or a new `PowerMap.version`).
 * Snapshots for up to 8 distinct `asOf` dates are kept per revision. A map given with its own
 * `snapshot` (see MapLike), or a snapshot itself, is answered with that snapshot.
 */
export function snapshotOf(map: MapLike | AnalysisSnapshot, opts: SnapshotOptions = {}): AnalysisSnapshot {
  checkAsOf(opts.asOf, "snapshotOf");
  if (isSnapshot(map)) {
    if (opts.asOf !== undefined && opts.asOf !== map.asOf) {
      throw new UsageError(`snapshotOf: option "asOf" is ${opts.asOf} but the snapshot was built for ${map.asOf ?? "all dates"}`);
    }
    return map;
  }
  const given = (map as { snapshot?: unknown }).snapshot;
  if (isSnapshot(given)) return snapshotOf(given, opts);
  const graph = graphOf(map);
  const e = entryOf(graph);
  const v = (map as { version?: unknown }).version;
  const revision = `${typeof v === "number" ? v : "-"}:${e.events}`;
  // The previous revision's snapshot of all dates: a new one may carry its structure over.
  let prior: AnalysisSnapshot | undefined;
  if (revision !== e.revision) {
    prior = e.byAsOf.get("");
    e.byAsOf.clear();
    e.revision = revision;
  }
  const key = opts.asOf ?? "";
  let snap = e.byAsOf.get(key);
  if (!snap) {
    if (e.byAsOf.size >= MAX_DATES) e.byAsOf.delete(e.byAsOf.keys().next().value!);
    snap = buildSnapshotAfter(graph, { asOf: opts.asOf }, opts.asOf === undefined ? prior : undefined);
    e.byAsOf.set(key, snap);
  }
  return snap;
}

/** Whether a value is an AnalysisSnapshot (so APIs can take a map or a prebuilt snapshot). */
export function isSnapshot(x: unknown): x is AnalysisSnapshot {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "powermap-snapshot";
}

/**
 * A key of everything graph measures read: the set of actors and the relationships (records and
 * ends). It changes with every relationship added, removed or edited and every actor added or
 * removed, and stays when only actor records change (moved, renamed, restyled): a centrality or
 * community result computed for one revision is then still the result for the next, so callers
 * that cache results per revision (the editor's background analysis) can key them by this instead
 * of `PowerMap.version`.
 */
export function structureRevision(map: MapLike): string {
  const c = columnsOf(graphOf(map));
  return `${c.serial}.${c.relEpoch}.${c.actorCount}`;
}
