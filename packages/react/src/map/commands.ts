/**
 * Editor gestures expressed as PowerMap commands. Each function makes ONE undo step (a single
 * command, or a `batch`). They validate nothing themselves: the records they build are valid by
 * construction, and PowerMap checks them again.
 */
import type { Actor, ActorKind, PowerMap, Relationship, RelationshipKind } from "@powermap/core";
import { slug, uniqueId } from "@powermap/core";

const hasActor = (map: PowerMap) => (id: string) => map.graph.hasNode(id);
const hasRel = (map: PowerMap) => (id: string) => map.graph.hasEdge(id);

/** Adds a new actor at a position; returns its id. */
export function addActorAt(map: PowerMap, position: { x: number; y: number }, kind: ActorKind = "person", name?: string): string {
  let n = 1;
  let label = name ?? "New actor";
  if (!name) while ([...map.graph.nodes()].some((id) => map.graph.getNodeAttribute(id, "name") === label)) label = `New actor ${++n}`;
  const id = uniqueId(slug(label), hasActor(map));
  map.addActor({ id, name: label, kind, position: { x: round(position.x), y: round(position.y) } });
  return id;
}

/** Connects two actors with a relationship of `kind`; returns its id. */
export function connect(map: PowerMap, from: string, to: string, kind: RelationshipKind): string {
  const id = uniqueId(`${from}--${kind}--${to}`, hasRel(map));
  map.addRelationship({ id, from, to, kind });
  return id;
}

/** Removes actors (with their relationships) and relationships as one undo step. */
export function deleteItems(map: PowerMap, actors: readonly string[], relationships: readonly string[]): number {
  const a = actors.filter(hasActor(map));
  const r = relationships.filter(hasRel(map));
  if (a.length + r.length === 0) return 0;
  const run = () => {
    for (const id of r) if (map.graph.hasEdge(id)) map.removeRelationship(id);
    for (const id of a) if (map.graph.hasNode(id)) map.removeActor(id);
  };
  if (a.length + r.length === 1) run();
  else map.batch(`Delete ${a.length + r.length} items`, run);
  return a.length + r.length;
}

/** Writes new positions (a drag or a layout) as one undo step; unchanged positions are skipped. */
export function moveActors(map: PowerMap, positions: ReadonlyMap<string, { x: number; y: number }>, label = "Move"): void {
  const changes: [string, { x: number; y: number }][] = [];
  for (const [id, p] of positions) {
    if (Number.isFinite(p.x) && Number.isFinite(p.y) && map.graph.hasNode(id)) changes.push([id, { x: round(p.x), y: round(p.y) }]);
  }
  if (changes.length > 1) {
    map.moveActors(changes, label); // one undo step (none when nothing moved), without re-validating 100k records
    return;
  }
  if (changes.length === 0) return;
  const [id, q] = changes[0]!;
  const old = map.graph.getNodeAttribute(id, "position");
  if (!old || old.x !== q.x || old.y !== q.y) map.updateActor(id, { position: q });
}

/** What copy puts on the clipboard: actors and the relationships among them. */
export interface Clip {
  actors: Actor[];
  relationships: Relationship[];
}

export function copyItems(map: PowerMap, actorIds: readonly string[]): Clip {
  const ids = new Set(actorIds.filter(hasActor(map)));
  const actors = [...ids].map((id) => structuredClone(map.graph.getNodeAttributes(id)));
  const relationships: Relationship[] = [];
  map.graph.forEachEdge((_e, r, s, t) => {
    if (ids.has(s) && ids.has(t)) relationships.push(structuredClone(r));
  });
  return { actors, relationships };
}

/** Pastes a clip with fresh ids and shifted positions, as one undo step; returns the new actor ids. */
export function pasteItems(map: PowerMap, clip: Clip, offset: { x: number; y: number }): string[] {
  if (clip.actors.length === 0) return [];
  const idMap = new Map<string, string>();
  const taken = new Set<string>();
  const free = (id: string) => !map.graph.hasNode(id) && !taken.has(id);
  for (const a of clip.actors) {
    const id = uniqueId(`${a.id}-copy`, (x) => !free(x));
    taken.add(id);
    idMap.set(a.id, id);
  }
  const relTaken = new Set<string>();
  map.batch(`Paste ${clip.actors.length} actors`, () => {
    for (const a of clip.actors) {
      const p = a.position ?? { x: 0, y: 0 };
      map.addActor({ ...structuredClone(a), id: idMap.get(a.id)!, position: { x: round(p.x + offset.x), y: round(p.y + offset.y) } });
    }
    for (const r of clip.relationships) {
      const from = idMap.get(r.from)!;
      const to = idMap.get(r.to)!;
      const id = uniqueId(`${r.id}-copy`, (x) => map.graph.hasEdge(x) || relTaken.has(x));
      relTaken.add(id);
      map.addRelationship({ ...structuredClone(r), id, from, to });
    }
  });
  return [...idMap.values()];
}

const round = (v: number) => Math.round(v * 100) / 100;
