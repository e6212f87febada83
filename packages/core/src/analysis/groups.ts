import { AmbiguousNameError, NotFoundError, UsageError } from "../errors.ts";
import { graphOf, type MapLike } from "../graph/input.ts";
import type { PowerGraph } from "../graph/types.ts";
import { currentFilter, type AsOf } from "./current.ts";

/** How queries name actors: an id, a name or alias (case-insensitive), or several of them. */
export type ActorRef = string | readonly string[];

export interface ActorLabel {
  id: string;
  name: string;
}

/** An actor, or a body together with the people who currently hold a position on it. */
export interface ResolvedGroup {
  /** Every actor of the group, the named actors first, without duplicates. */
  ids: string[];
  /** The actors named by the caller. */
  anchors: ActorLabel[];
  /** Position holders added to the group, with the relationship that makes them members. */
  members: (ActorLabel & { body: string; relationship: string })[];
}

export interface ResolveGroupOptions {
  asOf?: AsOf;
  /** Add the current position holders of each named actor (default true). */
  expand?: boolean;
}

const norm = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();
const namesOf = (a: { name?: unknown; aliases?: string[] }): string[] => [typeof a.name === "string" ? a.name : "", ...(a.aliases ?? [])];
/**
 * Fallback when no name matches exactly: every word of the reference (a leading "the" dropped) starts a
 * word of the name, so "the school board" finds "Riverton Unified School Board". Several such actors
 * are reported as ambiguous, never guessed.
 */
function containsWords(name: string, wanted: string): boolean {
  const words = norm(name).split(/[^\p{L}\p{N}]+/u);
  return wanted
    .replace(/^the /, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .every((w) => words.some((nw) => nw.startsWith(w)));
}

/** The display name of an actor (its id when the record has none). */
export function nameOf(graph: PowerGraph, id: string): string {
  const a = graph.getNodeAttributes(id);
  return typeof a.name === "string" ? a.name : id;
}

/**
 * Finds one actor by id, else by case-insensitive name or alias. Throws NotFoundError or
 * AmbiguousNameError (listing the candidates), both prefixed by `origin`.
 */
export function resolveActor(graph: PowerGraph, ref: string, origin: string): string {
  if (typeof ref !== "string" || ref.trim() === "") throw new UsageError(`${origin}: expected an actor id or name, got ${JSON.stringify(ref)}`);
  if (graph.hasNode(ref)) return ref;
  const wanted = norm(ref);
  const hits: ActorLabel[] = [];
  graph.forEachNode((id, a) => {
    if ((typeof a.name === "string" && norm(a.name) === wanted) || (a.aliases ?? []).some((al) => norm(al) === wanted)) hits.push({ id, name: a.name });
  });
  if (hits.length === 0) graph.forEachNode((id, a) => {
    if (namesOf(a).some((n) => containsWords(n, wanted))) hits.push({ id, name: a.name });
  });
  if (hits.length === 0) throw new NotFoundError(`${origin}: unknown actor ${JSON.stringify(ref)}`);
  if (hits.length > 1)
    throw new AmbiguousNameError(`${origin}: ${JSON.stringify(ref)} names ${hits.length} actors (${hits.map((h) => h.id).join(", ")}); use an id`, hits);
  return hits[0]!.id;
}

/** Resolves one reference or a list of them to distinct actor ids (order kept). */
export function resolveActors(graph: PowerGraph, ref: ActorRef, origin: string): string[] {
  const refs = typeof ref === "string" ? [ref] : ref;
  if (!Array.isArray(refs) || refs.length === 0) throw new UsageError(`${origin}: expected an actor id, name or a non-empty list of them`);
  return [...new Set(refs.map((r) => resolveActor(graph, r, origin)))];
}

/** Whether a relationship makes its `from` a member of its `to` body: any position, or a board employment. */
function isSeat(kind: string, isBoard: boolean | undefined): boolean {
  return kind === "position" || (kind === "employment" && isBoard === true);
}

/** resolveGroup with an explicit origin for error messages (used by the other queries). */
export function resolveGroupFor(graph: PowerGraph, ref: ActorRef, options: ResolveGroupOptions, origin: string): ResolvedGroup {
  const anchorsIds = resolveActors(graph, ref, origin);
  const counts = currentFilter(options.asOf, origin);
  const ids = new Set(anchorsIds);
  const members: ResolvedGroup["members"] = [];
  if (options.expand ?? true) {
    for (const body of anchorsIds) {
      graph.forEachInEdge(body, (relId, rel, source) => {
        if (source === body || !isSeat(rel.kind, rel.isBoard) || !counts(rel) || ids.has(source)) return;
        ids.add(source);
        members.push({ id: source, name: nameOf(graph, source), body, relationship: relId });
      });
    }
  }
  return { ids: [...ids], anchors: anchorsIds.map((id) => ({ id, name: nameOf(graph, id) })), members };
}

/**
 * Resolves "the school board" to the body plus the people who hold a current position on it
 * (relationships `person → body` of kind position, or employment with `isBoard`), as of `asOf`.
 * A person resolves to itself. Accepts ids, names or aliases (case-insensitive), or a list of them.
 */
export function resolveGroup(map: MapLike, idOrName: ActorRef, options: ResolveGroupOptions = {}): ResolvedGroup {
  return resolveGroupFor(graphOf(map), idOrName, options, "resolveGroup");
}
