import type { Actor } from "../schema/actor.ts";
import type { Meta, PowerMapDocument } from "../schema/document.ts";
import type { Relationship } from "../schema/relationship.ts";
import { NameIndex } from "./name-index.ts";
import type { PowerGraph } from "./types.ts";

/** Everything needed to put the store back exactly as it was (used by undo of replaceDocument). */
export interface StoreState {
  meta: Meta;
  /** Unknown top-level fields of the document, kept for a lossless round trip. */
  extras: Record<string, unknown>;
  actors: [Actor, number][];
  relationships: [Relationship, number][];
}

/**
 * Primitive, unchecked operations on the graph that keep the side indexes in step: the name index
 * and a sequence number per record. Sequence numbers give records a stable document order that
 * survives undo (a removed actor restored by undo returns to its old place, not to the end).
 * Validation happens before, in PowerMap; commands call these.
 */
export class MapStore {
  private nameIndex: NameIndex | undefined;
  private readonly actorSeq = new Map<string, number>();
  private readonly relSeq = new Map<string, number>();
  private nextSeq = 0;
  /** Unknown top-level document fields (frozen). */
  extras: Record<string, unknown> = {};

  constructor(readonly graph: PowerGraph) {
    graph.forEachNode((id) => void this.actorSeq.set(id, this.nextSeq++));
    graph.forEachEdge((id) => void this.relSeq.set(id, this.nextSeq++));
  }

  /**
   * The name index, built on first use: folding every name and alias costs more than building the
   * graph, and maps that are only analysed (CLI, batch) never look names up.
   */
  get names(): NameIndex {
    if (!this.nameIndex) {
      const index = new NameIndex();
      this.graph.forEachNode((_id, actor) => index.add(actor));
      this.nameIndex = index;
    }
    return this.nameIndex;
  }

  actorSeqOf(id: string): number {
    return this.actorSeq.get(id) as number;
  }
  relationshipSeqOf(id: string): number {
    return this.relSeq.get(id) as number;
  }

  putActor(actor: Actor, seq?: number): void {
    // An index not built yet is built later from the graph, so only a built one is kept in step.
    if (this.graph.hasNode(actor.id)) {
      this.graph.replaceNodeAttributes(actor.id, actor);
      this.nameIndex?.remove(actor.id);
      this.nameIndex?.add(actor);
    } else {
      this.graph.addNode(actor.id, actor);
      this.nameIndex?.add(actor);
      this.actorSeq.set(actor.id, seq ?? this.nextSeq++);
    }
  }

  /**
   * Swaps the records of existing actors for versions with the same names and aliases (e.g. new
   * positions): no name index work, which for a layout of 100k actors was most of the cost.
   */
  replaceActorRecords(actors: readonly Actor[]): void {
    for (const a of actors) this.graph.replaceNodeAttributes(a.id, a);
  }

  /** Removes an actor that no longer has relationships. */
  deleteActor(id: string): void {
    this.graph.dropNode(id);
    this.nameIndex?.remove(id);
    this.actorSeq.delete(id);
  }

  putRelationship(rel: Relationship, seq?: number): void {
    const g = this.graph;
    if (g.hasEdge(rel.id)) {
      if (g.source(rel.id) === rel.from && g.target(rel.id) === rel.to) {
        g.replaceEdgeAttributes(rel.id, rel);
        return;
      }
      // graphology cannot move an edge's endpoints: drop it and add it again under the same key.
      g.dropEdge(rel.id);
    } else this.relSeq.set(rel.id, seq ?? this.nextSeq++);
    g.addDirectedEdgeWithKey(rel.id, rel.from, rel.to, rel);
  }

  deleteRelationship(id: string): void {
    this.graph.dropEdge(id);
    this.relSeq.delete(id);
  }

  setMeta(meta: Meta): void {
    this.graph.replaceAttributes(meta);
  }

  /** Records in document order. */
  orderedActors(): Actor[] {
    const list: [Actor, number][] = this.graph.mapNodes((id, a) => [a, this.actorSeq.get(id) as number]);
    return list.sort((a, b) => a[1] - b[1]).map((x) => x[0]);
  }
  orderedRelationships(): Relationship[] {
    const list: [Relationship, number][] = this.graph.mapEdges((id, r) => [r, this.relSeq.get(id) as number]);
    return list.sort((a, b) => a[1] - b[1]).map((x) => x[0]);
  }

  state(): StoreState {
    return {
      meta: this.graph.getAttributes(),
      extras: this.extras,
      actors: this.graph.mapNodes((id, a) => [a, this.actorSeq.get(id) as number]),
      relationships: this.graph.mapEdges((id, r) => [r, this.relSeq.get(id) as number]),
    };
  }

  /** Replaces everything, keeping the same graph object (holders of `map.graph` stay valid). */
  restore(state: StoreState): void {
    this.graph.clear();
    this.nameIndex = undefined; // rebuilt from the restored graph on next use
    this.actorSeq.clear();
    this.relSeq.clear();
    this.setMeta(state.meta);
    this.extras = state.extras;
    for (const [a, seq] of [...state.actors].sort((x, y) => x[1] - y[1])) this.putActor(a, seq);
    for (const [r, seq] of [...state.relationships].sort((x, y) => x[1] - y[1])) this.putRelationship(r, seq);
    // nextSeq is left alone: every saved sequence number was handed out earlier, so it is smaller.
  }

  /** State of a validated document, with fresh sequence numbers after the current ones. */
  stateOf(doc: PowerMapDocument): StoreState {
    return {
      meta: doc.meta,
      extras: documentExtras(doc),
      actors: doc.actors.map((a) => [a, this.nextSeq++]),
      relationships: doc.relationships.map((r) => [r, this.nextSeq++]),
    };
  }
}

const DOCUMENT_KEYS = new Set(["format", "version", "meta", "actors", "relationships"]);

/** The unknown top-level fields of a document. */
export function documentExtras(doc: PowerMapDocument): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !DOCUMENT_KEYS.has(k)));
}
