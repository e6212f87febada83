import type { Actor } from "../schema/actor.ts";
import type { PowerGraph } from "../graph/types.ts";
import type { Relationship } from "../schema/relationship.ts";
import { defaultWeight, kindCode } from "./codes.ts";

/**
 * The graph's structure kept as columns — actor keys and records, relationship records and the
 * slots of their two ends, all in insertion order — and kept up to date by graphology's change
 * events. A snapshot is then a few passes over typed arrays instead of a walk over graphology's
 * hash maps: at 100k actors / 500k relationships that walk alone took longer than a PageRank.
 *
 * Removals leave holes (`relFrom[s] = −1`, `actorKeys[s] = undefined`) so the order stays the
 * graph's own iteration order; holes are squeezed out once they outnumber the live entries.
 *
 * A snapshot may borrow the columns instead of copying them (`lend`): copying 600k object
 * references cost more than the rest of a build. The next change then copies them first
 * (copy on write), so a snapshot never sees a later revision.
 */
let columnsMade = 0;
/** Relationship lookups answered by a scan before the key → slot index is built. */
const SCANS_BEFORE_INDEX = 16;

export class GraphColumns {
  /** Tells the columns of different graphs apart in `structureRevision`. */
  readonly serial = ++columnsMade;
  actorKeys: (string | undefined)[] = [];
  actorRecords: (Actor | undefined)[] = [];
  actorCount = 0;
  relKeys: (string | undefined)[] = [];
  relRecords: (Relationship | undefined)[] = [];
  relFrom: Int32Array<ArrayBuffer> = new Int32Array(64);
  relTo: Int32Array<ArrayBuffer> = new Int32Array(64);
  /** Kind code and default weight of each relationship (see codes.ts), kept as records change. */
  relKind: Uint8Array<ArrayBuffer> = new Uint8Array(64);
  relWeight: Float64Array<ArrayBuffer> = new Float64Array(64);
  relSlots = 0;
  relCount = 0;
  /**
   * Bumped whenever the relationship list or the actor numbering changes (a relationship added or
   * removed, an actor removed, a reload); adding an actor or editing an actor record leaves it.
   * Two snapshots with the same `linkEpoch` have the same relationships between the same actor
   * numbers (the later one may have more actors, appended), so structure can be carried over.
   */
  linkEpoch = 0;
  /** Like `linkEpoch`, and also bumped when a relationship record changes (kind, strength, dates). */
  relEpoch = 0;
  /** Set by events the columns cannot follow one by one; the next `columnsOf` rebuilds. */
  stale = false;
  /**
   * The columns are borrowed by a snapshot: copy before writing. Kept apart per group of columns an
   * edit writes, so an edit copies only what it changes: moving an actor copies no relationship
   * column, a new relationship copies nothing (it is written past the borrowed length), a changed
   * one copies its record list and codes, a removed one its record list and links. (Copying all
   * five relationship columns at 500k relationships cost 50–100 ms per edit.)
   */
  private actorsLent = false;
  private relRecordsLent = false;
  private relCodesLent = false;
  private relLinksLent = false;
  private actorSlot = new Map<string, number>();
  /** Relationship key → slot, built after a few removals or updates (bulk loads never need it). */
  private relSlot: Map<string, number> | undefined;
  private relScans = 0;

  constructor(private readonly graph: PowerGraph) {
    this.reload();
    graph.on("nodeAdded", ({ key, attributes }) => this.addActor(key, attributes));
    graph.on("nodeDropped", ({ key }) => this.dropActor(key));
    graph.on("nodeAttributesUpdated", ({ key, attributes }) => {
      const s = this.actorSlot.get(key);
      if (s !== undefined) this.writableActors().actorRecords[s] = attributes;
    });
    graph.on("edgeAdded", ({ key, source, target, attributes }) => this.addRelationship(key, source, target, attributes));
    graph.on("edgeDropped", ({ key, attributes }) => this.dropRelationship(key, attributes));
    graph.on("edgeAttributesUpdated", ({ key, attributes }) => {
      const s = this.relSlotOf(key);
      if (s === undefined) return;
      this.writableRelRecords().writableRelCodes().relRecords[s] = attributes;
      this.relEpoch++;
      this.relKind[s] = kindCode(attributes);
      this.relWeight[s] = defaultWeight(attributes);
    });
    graph.on("cleared", () => this.reload());
    graph.on("edgesCleared", () => this.reload());
    graph.on("eachNodeAttributesUpdated", () => void (this.stale = true));
    graph.on("eachEdgeAttributesUpdated", () => void (this.stale = true));
  }

  /** The slot of an actor (its number in a snapshot while the columns have no holes). */
  slotOf(key: string): number | undefined {
    return this.actorSlot.get(key);
  }

  /** Whether the columns still describe the graph (a cheap guard against missed events). */
  get current(): boolean {
    return !this.stale && this.actorCount === this.graph.order && this.relCount === this.graph.size;
  }

  /** Rebuilds every column from a walk over the graph. */
  reload(): void {
    this.relinked();
    this.actorsLent = false;
    this.relRecordsLent = this.relCodesLent = this.relLinksLent = false;
    this.actorKeys = [];
    this.actorRecords = [];
    this.actorCount = 0;
    this.actorSlot = new Map();
    this.relKeys = [];
    this.relRecords = [];
    this.relFrom = new Int32Array(Math.max(64, this.graph.size));
    this.relTo = new Int32Array(this.relFrom.length);
    this.relKind = new Uint8Array(this.relFrom.length);
    this.relWeight = new Float64Array(this.relFrom.length);
    this.relSlots = 0;
    this.relCount = 0;
    this.relSlot = undefined;
    this.relScans = 0;
    this.stale = false;
    this.graph.forEachNode((key, attrs) => this.addActor(key, attrs));
    this.graph.forEachEdge((key, attrs, source, target) => this.addRelationship(key, source, target, attrs));
  }

  /**
   * The record columns for a snapshot to keep (no holes may be present for it to use them as is).
   * They stay valid for that snapshot: this object copies them before its next change.
   */
  lend(): {
    actorKeys: readonly string[];
    actorRecords: readonly Actor[];
    relRecords: readonly Relationship[];
    relFrom: Int32Array;
    relTo: Int32Array;
    relKind: Uint8Array;
    relWeight: Float64Array;
  } {
    this.actorsLent = true;
    this.relRecordsLent = this.relCodesLent = this.relLinksLent = true;
    return {
      actorKeys: this.actorKeys as string[],
      actorRecords: this.actorRecords as Actor[],
      relRecords: this.relRecords as Relationship[],
      relFrom: this.relFrom.subarray(0, this.relSlots),
      relTo: this.relTo.subarray(0, this.relSlots),
      relKind: this.relKind.subarray(0, this.relSlots),
      relWeight: this.relWeight.subarray(0, this.relSlots),
    };
  }

  private relinked(): this {
    this.linkEpoch++;
    this.relEpoch++;
    return this;
  }

  /** Copies the lent actor columns before they change. */
  private writableActors(): this {
    if (this.actorsLent) {
      this.actorsLent = false;
      this.actorKeys = this.actorKeys.slice();
      this.actorRecords = this.actorRecords.slice();
    }
    return this;
  }

  /** Copies the lent relationship record list before a slot a snapshot reads changes. */
  private writableRelRecords(): this {
    if (this.relRecordsLent) {
      this.relRecordsLent = false;
      this.relRecords = this.relRecords.slice();
    }
    return this;
  }

  /** Copies the lent kind and weight columns before a slot a snapshot reads changes. */
  private writableRelCodes(): this {
    if (this.relCodesLent) {
      this.relCodesLent = false;
      this.relKind = this.relKind.slice();
      this.relWeight = this.relWeight.slice();
    }
    return this;
  }

  /** Copies the lent end columns before a slot a snapshot reads changes. */
  private writableRelLinks(): this {
    if (this.relLinksLent) {
      this.relLinksLent = false;
      this.relFrom = this.relFrom.slice();
      this.relTo = this.relTo.slice();
    }
    return this;
  }

  private addActor(key: string, attributes: Actor): void {
    this.writableActors();
    this.actorSlot.set(key, this.actorKeys.length);
    this.actorKeys.push(key);
    this.actorRecords.push(attributes);
    this.actorCount++;
  }

  private dropActor(key: string): void {
    const s = this.actorSlot.get(key);
    if (s === undefined) return;
    this.writableActors().relinked();
    this.actorSlot.delete(key);
    this.actorKeys[s] = undefined;
    this.actorRecords[s] = undefined;
    this.actorCount--;
    this.squeezeIfSparse();
  }

  private addRelationship(key: string, source: string, target: string, record: Relationship): void {
    const f = this.actorSlot.get(source);
    const t = this.actorSlot.get(target);
    if (f === undefined || t === undefined) {
      this.stale = true; // an edge event before its node's: not something graphology does
      return;
    }
    // Written at slot relSlots, past the length a snapshot borrowed: no copy (a snapshot reads
    // its first m records only, see Snapshot.relationships).
    this.relinked();
    const s = this.relSlots++;
    if (s === this.relFrom.length) {
      this.relFrom = grow(this.relFrom);
      this.relTo = grow(this.relTo);
      this.relKind = grow(this.relKind);
      this.relWeight = grow(this.relWeight);
    }
    this.relFrom[s] = f;
    this.relTo[s] = t;
    this.relKind[s] = kindCode(record);
    this.relWeight[s] = defaultWeight(record);
    this.relKeys.push(key);
    this.relRecords.push(record);
    this.relSlot?.set(key, s);
    this.relCount++;
  }

  private dropRelationship(key: string, record: Relationship): void {
    const s = this.relSlotOf(key, record);
    if (s === undefined) return;
    this.writableRelRecords().writableRelLinks().relinked();
    this.relSlot?.delete(key);
    this.relKeys[s] = undefined;
    this.relRecords[s] = undefined;
    this.relFrom[s] = -1;
    this.relCount--;
    this.squeezeIfSparse();
  }

  private relSlotOf(key: string, record?: Relationship): number | undefined {
    // A dropped edge's record is the very object the column holds: found by reference (~1 ms).
    if (!this.relSlot && record) {
      const s = this.relRecords.lastIndexOf(record);
      if (s >= 0 && this.relKeys[s] === key) return s;
    }
    // The first few lookups scan the key column (~12 ms at 500k): building the index costs 20
    // times that, a pause on the first edit of a relationship; a run of edits builds it.
    if (!this.relSlot && this.relScans < SCANS_BEFORE_INDEX) {
      this.relScans++;
      const s = this.relKeys.indexOf(key);
      return s === -1 ? undefined : s;
    }
    if (!this.relSlot) {
      const index = new Map<string, number>();
      for (let s = 0; s < this.relSlots; s++) if (this.relFrom[s] !== -1) index.set(this.relKeys[s]!, s);
      this.relSlot = index;
    }
    return this.relSlot.get(key);
  }

  /** Removes the holes once they outnumber the live entries (amortised O(1) per removal). */
  private squeezeIfSparse(): void {
    const holes = this.actorKeys.length - this.actorCount + this.relSlots - this.relCount;
    if (holes < 1024 || holes < this.actorCount + this.relCount) return;
    this.writableRelRecords().writableRelCodes().writableRelLinks();
    const newSlot = new Int32Array(this.actorKeys.length);
    const keys: string[] = [];
    const records: Actor[] = [];
    this.actorSlot = new Map();
    for (let s = 0; s < this.actorKeys.length; s++) {
      const key = this.actorKeys[s];
      if (key === undefined) continue;
      newSlot[s] = keys.length;
      this.actorSlot.set(key, keys.length);
      keys.push(key);
      records.push(this.actorRecords[s]!);
    }
    this.actorKeys = keys;
    this.actorRecords = records;
    let r = 0;
    for (let s = 0; s < this.relSlots; s++) {
      if (this.relFrom[s] === -1) continue;
      this.relFrom[r] = newSlot[this.relFrom[s]!]!;
      this.relTo[r] = newSlot[this.relTo[s]!]!;
      this.relKind[r] = this.relKind[s]!;
      this.relWeight[r] = this.relWeight[s]!;
      this.relKeys[r] = this.relKeys[s];
      this.relRecords[r++] = this.relRecords[s];
    }
    this.relKeys.length = r;
    this.relRecords.length = r;
    this.relSlots = r;
    this.relSlot = undefined;
  }
}

function grow<A extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: A): A {
  const b = new (a.constructor as new (length: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

const attached = new WeakMap<PowerGraph, GraphColumns>();

/**
 * The columns of a graph, made on first use (one walk) and then kept in step by events. Calling it
 * on a new, empty graph before filling it makes the fill itself build the columns.
 */
export function columnsOf(graph: PowerGraph): GraphColumns {
  let c = attached.get(graph);
  if (!c) attached.set(graph, (c = new GraphColumns(graph)));
  else if (!c.current) c.reload();
  return c;
}
