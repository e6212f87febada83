import type { ZodType } from "zod";
import { batchCommand, History, mergeChanges, type Change, type Command } from "../commands/command.ts";
import {
  addActorCommand,
  addRelationshipCommand,
  moveActorsCommand,
  removeActorCommand,
  removeRelationshipCommand,
  replaceDocumentCommand,
  updateActorCommand,
  updateMetaCommand,
  updateRelationshipCommand,
} from "../commands/record-commands.ts";
import { AmbiguousNameError, DuplicateIdError, NotFoundError, UsageError, ValidationError } from "../errors.ts";
import { parse } from "../io/parse.ts";
import { Actor } from "../schema/actor.ts";
import { FORMAT_NAME, FORMAT_VERSION, Meta, type PowerMapDocument } from "../schema/document.ts";
import { Relationship } from "../schema/relationship.ts";
import { deepFreeze } from "./freeze.ts";
import { graphFromDocument } from "./from-document.ts";
import { slug, uniqueId } from "./ids.ts";
import { validateRecord } from "./validate-record.ts";
import type { SearchHit } from "./name-index.ts";
import { documentExtras, MapStore } from "./store.ts";
import type { PowerGraph } from "./types.ts";

/** A partial record for `update*`: a field set to `undefined` is removed. */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };
/** An actor to add; without `id`, one is made from the name. */
export type NewActor = Omit<Actor, "id"> & { id?: string };
/** A relationship to add; without `id`, one is made from its ends and kind. */
export type NewRelationship = Omit<Relationship, "id"> & { id?: string };

/** Sent to subscribers after every change: `version` has already been incremented. */
export interface ChangeEvent {
  version: number;
  change: Change;
  /** Whether the change is a new command, an undo or a redo. */
  source: "apply" | "undo" | "redo";
}
export type ChangeListener = (event: ChangeEvent) => void;

export interface LoadOptions {
  /**
   * The document is already valid: it is the `document` of an ok `parse` result (or a
   * `toDocument()` copy) and has not been changed since. Validation is skipped — it costs several
   * times `JSON.parse` on large maps — and the document is adopted: its records are frozen in
   * place and shared with the map, not copied. Duplicate ids and relationships to unknown actors
   * are still caught (ValidationError); other invalid fields are not, so never pass untrusted input.
   */
  trusted?: boolean;
}

export interface PowerMapOptions extends LoadOptions {
  /** Maximum number of undo steps kept (default 1000). */
  historyLimit?: number;
}

/** A trusted document adopted as is, or else a validated copy (see `LoadOptions.trusted`). */
function acceptedForReplace(origin: string, doc: PowerMapDocument, options: LoadOptions): PowerMapDocument {
  if (!options.trusted) return invalid(origin, doc);
  // What would break the graph midway through the replacement is checked first (cheaply); on
  // failure the full validation reports it with record and field.
  return graphSafe(doc) ? deepFreeze(doc) : invalid(origin, doc);
}

/** Whether the graph can hold the document: unique ids, relationships between known actors. */
function graphSafe(doc: PowerMapDocument): boolean {
  if (doc === null || typeof doc !== "object" || !Array.isArray(doc.actors) || !Array.isArray(doc.relationships)) return false;
  if (doc.meta === null || typeof doc.meta !== "object") return false;
  const actors = new Set<unknown>();
  for (const a of doc.actors) {
    if (a === null || typeof a !== "object" || typeof a.id !== "string" || actors.has(a.id)) return false;
    actors.add(a.id);
  }
  const rels = new Set<unknown>();
  for (const r of doc.relationships) {
    if (r === null || typeof r !== "object" || typeof r.id !== "string" || rels.has(r.id) || !actors.has(r.from) || !actors.has(r.to)) return false;
    rels.add(r.id);
  }
  return true;
}

function invalid(origin: string, doc: unknown): PowerMapDocument {
  const r = parse(doc);
  if (!r.ok) {
    const errors = r.issues.filter((i) => i.severity !== "warning");
    throw new ValidationError(`${origin}: ${errors.length} problem${errors.length === 1 ? "" : "s"} in the document: ${errors.slice(0, 3).map((i) => i.message).join("; ")}${errors.length > 3 ? "; …" : ""}`, r.issues);
  }
  return deepFreeze(r.document);
}

/**
 * An editable power map on a graphology multi directed graph (`graph`: node key = actor id with the
 * Actor as attributes, edge key = relationship id with the Relationship). Every mutation is
 * validated (ValidationError names the record and field; DuplicateIdError; NotFoundError), runs as
 * a Command with an inverse (undo/redo), bumps `version` and notifies subscribers.
 *
 * Stored records are frozen: read them freely, change them only through these methods. Treat
 * `graph` as read-only too (analysis functions take it directly).
 */
export class PowerMap {
  /** The graph analysis runs on. The same object for the map's whole life (also across replaceDocument). */
  readonly graph: PowerGraph;
  private readonly store: MapStore;
  private readonly history: History;
  private readonly listeners = new Set<ChangeListener>();
  private currentVersion = 0;
  private open: { commands: Command[]; changes: Change[] } | undefined;

  private constructor(doc: PowerMapDocument, options: PowerMapOptions) {
    this.graph = graphFromDocument(doc);
    this.store = new MapStore(this.graph);
    this.store.extras = deepFreeze(documentExtras(doc));
    this.history = new History(options.historyLimit ?? 1000);
  }

  /**
   * A map of a document, validated like `parse` does (throws ValidationError listing the issues).
   * With `{ trusted: true }` a document that `parse` already validated is not validated again.
   */
  static fromDocument(doc: PowerMapDocument, options: PowerMapOptions = {}): PowerMap {
    const origin = "PowerMap.fromDocument";
    if (!options.trusted) return new PowerMap(invalid(origin, doc), options);
    try {
      return new PowerMap(deepFreeze(doc), options);
    } catch (e) {
      // A trusted document the graph cannot hold (duplicate ids, unknown ends): report it the way
      // validation does instead of passing a graphology error on.
      invalid(origin, doc);
      throw e;
    }
  }

  /** An empty map. */
  static empty(meta: Meta = {}, options: PowerMapOptions = {}): PowerMap {
    return PowerMap.fromDocument({ format: FORMAT_NAME, version: FORMAT_VERSION, meta, actors: [], relationships: [] }, options);
  }

  /**
   * The document without its records: format, version, meta and any unknown top-level fields kept
   * from the loaded file, as a fresh copy. Cheap (no record is copied), for writers that stream
   * the records themselves, e.g. the editor's chunked autosave of big maps.
   */
  documentHead(): Omit<PowerMapDocument, "actors" | "relationships"> {
    return structuredClone({ ...this.store.extras, format: FORMAT_NAME, version: FORMAT_VERSION, meta: this.graph.getAttributes() });
  }

  /** A fresh, mutable copy of the map as a document; records in map order. */
  toDocument(): PowerMapDocument {
    return structuredClone({
      ...this.store.extras,
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      meta: this.graph.getAttributes(),
      actors: this.store.orderedActors(),
      relationships: this.store.orderedRelationships(),
    });
  }

  /** Increments on every change, undo and redo. */
  get version(): number {
    return this.currentVersion;
  }

  /** Calls `listener` after each change; returns the function that unsubscribes it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get meta(): Meta {
    return this.graph.getAttributes();
  }

  /** Actors in map order. */
  actors(): Actor[] {
    return this.store.orderedActors();
  }
  /** Relationships in map order. */
  relationships(): Relationship[] {
    return this.store.orderedRelationships();
  }
  getActor(id: string): Actor | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }
  getRelationship(id: string): Relationship | undefined {
    return this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : undefined;
  }
  hasActor(id: string): boolean {
    return this.graph.hasNode(id);
  }

  /**
   * The actor with this id, or else whose name or alias equals `nameOrId` case-insensitively.
   * Throws AmbiguousNameError (with `candidates`) when several match, NotFoundError when none does.
   */
  findActor(nameOrId: string): Actor {
    if (typeof nameOrId !== "string" || nameOrId.trim() === "") throw new UsageError("PowerMap.findActor: expected a non-empty name or id");
    if (this.graph.hasNode(nameOrId)) return this.graph.getNodeAttributes(nameOrId);
    const ids = this.store.names.lookup(nameOrId).sort((a, b) => this.store.actorSeqOf(a) - this.store.actorSeqOf(b));
    if (ids.length === 1) return this.graph.getNodeAttributes(ids[0] as string);
    if (ids.length > 1) {
      const candidates = ids.map((id) => ({ id, name: this.graph.getNodeAttribute(id, "name") }));
      throw new AmbiguousNameError(`PowerMap.findActor: "${nameOrId}" matches ${ids.length} actors: ${candidates.map((c) => `${c.name} (id "${c.id}")`).join(", ")}; use an id`, candidates);
    }
    const near = this.search(nameOrId, 3);
    throw new NotFoundError(`PowerMap.findActor: no actor with id or name "${nameOrId}"${near.length > 0 ? `; did you mean ${near.map((h) => `"${h.name}"`).join(", ")}?` : ""}`);
  }

  /** Autocomplete: actors whose name or alias contains `text` (exact, then prefix, word start, anywhere). */
  search(text: string, limit = 10): SearchHit[] {
    return this.store.names.search(text, limit);
  }

  // — mutations —

  addActor(actor: NewActor): Actor {
    const origin = "PowerMap.addActor";
    const id = actor.id ?? uniqueId(slug(String(actor.name ?? "")), (x) => this.graph.hasNode(x));
    if (this.graph.hasNode(id)) throw new DuplicateIdError(`${origin}: an actor with id "${id}" already exists`);
    const rec = this.validate(origin, Actor, "actors", this.graph.order, { ...actor, id });
    this.run(addActorCommand(this.store, rec));
    return rec;
  }

  updateActor(id: string, patch: Patch<Actor>): Actor {
    const origin = "PowerMap.updateActor";
    const before = this.requireActor(origin, id);
    if (patch.id !== undefined && patch.id !== id) throw new UsageError(`${origin}: the id of an actor cannot change ("${id}" → "${patch.id}")`);
    const after = this.validate(origin, Actor, "actors", () => this.actorIndex(id), merge(before, patch));
    this.run(updateActorCommand(this.store, before, after));
    return after;
  }

  /**
   * Moves many actors at once (a layout, a multi-drag) as ONE undo step and one change event (type
   * "batch"); positions equal to the current ones are skipped. Returns how many actors moved. Fails
   * before changing anything on an unknown id (NotFoundError) or a coordinate that is not a finite
   * number (ValidationError naming the actor and field). Unlike a `batch` of `updateActor` calls it
   * does not re-validate the unchanged rest of each record: at 100k actors that batch took seconds.
   */
  moveActors(positions: Iterable<readonly [string, { readonly x: number; readonly y: number }]>, label = "Move actors"): number {
    const origin = "PowerMap.moveActors";
    const before: Actor[] = [];
    const after: Actor[] = [];
    for (const [id, p] of positions) {
      const a = this.requireActor(origin, id);
      for (const axis of ["x", "y"] as const) {
        const v = p !== null && typeof p === "object" ? (p as Record<string, unknown>)[axis] : undefined;
        if (typeof v !== "number" || !Number.isFinite(v)) {
          // The same words as any other invalid actor (record index and field).
          this.validate(origin, Actor, "actors", () => this.actorIndex(id), { ...a, position: p });
          throw new UsageError(`${origin}: position.${axis} of actor "${id}" must be a finite number`);
        }
      }
      if (a.position && a.position.x === p.x && a.position.y === p.y) continue;
      before.push(a);
      after.push(Object.freeze({ ...a, position: Object.freeze({ x: p.x, y: p.y }) }));
    }
    if (after.length === 0) return 0;
    this.run(moveActorsCommand(this.store, label, before, after));
    return after.length;
  }

  /** Removes the actor and all its relationships (undo restores them all, with the same ids). */
  removeActor(id: string): void {
    this.requireActor("PowerMap.removeActor", id);
    this.run(removeActorCommand(this.store, id));
  }

  addRelationship(rel: NewRelationship): Relationship {
    const origin = "PowerMap.addRelationship";
    const id = rel.id ?? uniqueId(slug(`${String(rel.from)}-${String(rel.kind)}-${String(rel.to)}`), (x) => this.graph.hasEdge(x));
    if (this.graph.hasEdge(id)) throw new DuplicateIdError(`${origin}: a relationship with id "${id}" already exists`);
    const rec = this.validate(origin, Relationship, "relationships", this.graph.size, { ...rel, id });
    this.run(addRelationshipCommand(this.store, rec));
    return rec;
  }

  updateRelationship(id: string, patch: Patch<Relationship>): Relationship {
    const origin = "PowerMap.updateRelationship";
    const before = this.requireRelationship(origin, id);
    if (patch.id !== undefined && patch.id !== id) throw new UsageError(`${origin}: the id of a relationship cannot change ("${id}" → "${patch.id}")`);
    const after = this.validate(origin, Relationship, "relationships", () => this.relationshipIndex(id), merge(before, patch));
    this.run(updateRelationshipCommand(this.store, before, after));
    return after;
  }

  removeRelationship(id: string): void {
    this.requireRelationship("PowerMap.removeRelationship", id);
    this.run(removeRelationshipCommand(this.store, id));
  }

  updateMeta(patch: Patch<Meta>): Meta {
    const before = this.meta;
    const after = this.validate("PowerMap.updateMeta", Meta, "meta", 0, merge(before, patch));
    this.run(updateMetaCommand(this.store, before, after));
    return after;
  }

  /**
   * Replaces the whole map (e.g. after opening or importing a file) as one undoable step.
   * `{ trusted: true }`: see `LoadOptions.trusted`.
   */
  replaceDocument(doc: PowerMapDocument, label = "Replace map", options: LoadOptions = {}): void {
    const origin = "PowerMap.replaceDocument";
    const valid = acceptedForReplace(origin, doc, options);
    const after = this.store.stateOf(valid);
    after.extras = deepFreeze(after.extras);
    this.run(replaceDocumentCommand(this.store, this.store.state(), after, label));
  }

  // — history —

  get canUndo(): boolean {
    return this.history.canUndo;
  }
  get canRedo(): boolean {
    return this.history.canRedo;
  }
  /** Label of the step undo would revert, e.g. "Add actor". */
  get undoLabel(): string | undefined {
    return this.history.undoLabel;
  }
  get redoLabel(): string | undefined {
    return this.history.redoLabel;
  }

  /** Reverts the last step; returns false when there is nothing to undo. */
  undo(): boolean {
    this.notInBatch("PowerMap.undo");
    const ch = this.history.undo();
    if (ch) this.emit(ch, "undo");
    return ch !== undefined;
  }

  /** Re-applies the last undone step; returns false when there is nothing to redo. */
  redo(): boolean {
    this.notInBatch("PowerMap.redo");
    const ch = this.history.redo();
    if (ch) this.emit(ch, "redo");
    return ch !== undefined;
  }

  /**
   * Runs `fn` (synchronous) so that all its mutations form one undo step and one change event
   * (type "batch"). If `fn` throws, its mutations are rolled back and the error is rethrown.
   * Nested batches join the outer one.
   */
  batch<T>(label: string, fn: () => T): T {
    if (this.open) return fn();
    const open = { commands: [] as Command[], changes: [] as Change[] };
    this.open = open;
    let result: T;
    try {
      result = fn();
      if (result instanceof Promise) throw new UsageError("PowerMap.batch: fn must be synchronous (mutations after an await would escape the batch)");
    } catch (e) {
      this.open = undefined;
      for (const c of [...open.commands].reverse()) c.invert();
      throw e;
    }
    this.open = undefined;
    if (open.commands.length > 0) {
      this.history.push(batchCommand(label, open.commands));
      this.emit(mergeChanges(label, open.changes), "apply");
    }
    return result;
  }

  // — internals —

  private run(command: Command): void {
    const ch = command.apply();
    if (this.open) {
      this.open.commands.push(command);
      this.open.changes.push(ch);
      return;
    }
    this.history.push(command);
    this.emit(ch, "apply");
  }

  private emit(change: Change, source: ChangeEvent["source"]): void {
    this.currentVersion++;
    const event: ChangeEvent = { version: this.currentVersion, change, source };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // A failing subscriber must not leave the map half-notified; report it and go on.
        console.error("PowerMap: a change listener threw", e);
      }
    }
  }

  private notInBatch(origin: string): void {
    if (this.open) throw new UsageError(`${origin}: not allowed inside batch()`);
  }

  private validate<T>(origin: string, schema: ZodType<T>, collection: "actors" | "relationships" | "meta", index: number | (() => number), value: unknown): T {
    return validateRecord(origin, schema, collection, index, value, collection === "relationships" ? (id) => this.graph.hasNode(id) : undefined);
  }

  private requireActor(origin: string, id: string): Actor {
    if (!this.graph.hasNode(id)) throw new NotFoundError(`${origin}: unknown actor "${id}"`);
    return this.graph.getNodeAttributes(id);
  }
  private requireRelationship(origin: string, id: string): Relationship {
    if (!this.graph.hasEdge(id)) throw new NotFoundError(`${origin}: unknown relationship "${id}"`);
    return this.graph.getEdgeAttributes(id);
  }

  /** Index of a record in map order: a walk of the whole map, so only called to word an error message. */
  private actorIndex(id: string): number {
    const seq = this.store.actorSeqOf(id);
    return this.graph.reduceNodes((n, key) => (this.store.actorSeqOf(key) < seq ? n + 1 : n), 0);
  }
  private relationshipIndex(id: string): number {
    const seq = this.store.relationshipSeqOf(id);
    return this.graph.reduceEdges((n, key) => (this.store.relationshipSeqOf(key) < seq ? n + 1 : n), 0);
  }
}

/** `{...before, ...patch}` without the fields the patch sets to undefined. */
function merge<T extends object>(before: T, patch: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(before as Record<string, unknown>), ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
}
