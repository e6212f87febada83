import type { Actor } from "../schema/actor.ts";
import type { Meta } from "../schema/document.ts";
import type { Relationship } from "../schema/relationship.ts";
import type { MapStore, StoreState } from "../graph/store.ts";
import { change, type Command } from "./command.ts";

/**
 * The commands behind every PowerMap mutation. Inputs are already validated and frozen; each
 * command captures what it needs to invert itself (removed records keep their ids and document
 * order, so undo restores the map exactly).
 */

export function addActorCommand(store: MapStore, actor: Actor): Command {
  let seq: number | undefined;
  return {
    label: "Add actor",
    apply() {
      store.putActor(actor, seq);
      seq = store.actorSeqOf(actor.id);
      return change("addActor", "Add actor", [actor.id]);
    },
    invert() {
      store.deleteActor(actor.id);
      return change("addActor", "Add actor", [actor.id]);
    },
  };
}

export function updateActorCommand(store: MapStore, before: Actor, after: Actor): Command {
  const ch = () => change("updateActor", "Edit actor", [after.id]);
  return {
    label: "Edit actor",
    apply: () => (store.putActor(after), ch()),
    invert: () => (store.putActor(before), ch()),
  };
}

/**
 * New positions for many actors as one command: the records are swapped in place without touching
 * the name index (names are unchanged), one graph event per actor, one Change for them all.
 */
export function moveActorsCommand(store: MapStore, label: string, before: readonly Actor[], after: readonly Actor[]): Command {
  const ids = after.map((a) => a.id);
  const ch = () => change("batch", label, ids);
  return {
    label,
    apply: () => (store.replaceActorRecords(after), ch()),
    invert: () => (store.replaceActorRecords(before), ch()),
  };
}

export function removeActorCommand(store: MapStore, id: string): Command {
  const g = store.graph;
  const actor = g.getNodeAttributes(id);
  const actorSeq = store.actorSeqOf(id);
  const rels: [Relationship, number][] = g.mapEdges(id, (rid, r) => [r, store.relationshipSeqOf(rid)]);
  const relIds = rels.map((x) => x[0].id);
  return {
    label: "Remove actor",
    apply() {
      for (const rid of relIds) store.deleteRelationship(rid);
      store.deleteActor(id);
      return change("removeActor", "Remove actor", [id], relIds);
    },
    invert() {
      store.putActor(actor, actorSeq);
      for (const [r, seq] of rels) store.putRelationship(r, seq);
      return change("removeActor", "Remove actor", [id], relIds);
    },
  };
}

export function addRelationshipCommand(store: MapStore, rel: Relationship): Command {
  let seq: number | undefined;
  const ch = () => change("addRelationship", "Add relationship", [rel.from, rel.to], [rel.id]);
  return {
    label: "Add relationship",
    apply() {
      store.putRelationship(rel, seq);
      seq = store.relationshipSeqOf(rel.id);
      return ch();
    },
    invert: () => (store.deleteRelationship(rel.id), ch()),
  };
}

export function updateRelationshipCommand(store: MapStore, before: Relationship, after: Relationship): Command {
  const ends = [...new Set([before.from, before.to, after.from, after.to])];
  const ch = () => change("updateRelationship", "Edit relationship", ends, [after.id]);
  return {
    label: "Edit relationship",
    apply: () => (store.putRelationship(after), ch()),
    invert: () => (store.putRelationship(before), ch()),
  };
}

export function removeRelationshipCommand(store: MapStore, id: string): Command {
  const rel = store.graph.getEdgeAttributes(id);
  const seq = store.relationshipSeqOf(id);
  const ch = () => change("removeRelationship", "Remove relationship", [rel.from, rel.to], [id]);
  return {
    label: "Remove relationship",
    apply: () => (store.deleteRelationship(id), ch()),
    invert: () => (store.putRelationship(rel, seq), ch()),
  };
}

export function updateMetaCommand(store: MapStore, before: Meta, after: Meta): Command {
  const ch = () => change("updateMeta", "Edit map details");
  return {
    label: "Edit map details",
    apply: () => (store.setMeta(after), ch()),
    invert: () => (store.setMeta(before), ch()),
  };
}

export function replaceDocumentCommand(store: MapStore, before: StoreState, after: StoreState, label = "Replace map"): Command {
  const ids = (s: StoreState) => [s.actors.map((x) => x[0].id), s.relationships.map((x) => x[0].id)] as const;
  return {
    label,
    apply: () => (store.restore(after), change("replaceDocument", label, ...ids(after))),
    invert: () => (store.restore(before), change("replaceDocument", label, ...ids(before))),
  };
}
