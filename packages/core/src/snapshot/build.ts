import type { Actor } from "../schema/actor.ts";
import type { PowerMapDocument } from "../schema/document.ts";
import type { Relationship } from "../schema/relationship.ts";
import type { PowerGraph } from "../graph/types.ts";
import type { Issue } from "../errors.ts";
import { ValidationError } from "../errors.ts";
import { checkAsOf, relationshipFilter } from "./as-of.ts";
import { columnsOf, type GraphColumns } from "./columns.ts";
import { defaultWeight, kindCode } from "./codes.ts";
import { extendOffsets } from "./offsets.ts";
import type { AnalysisSnapshot, SnapshotOptions } from "./types.ts";

export { UNKNOWN_KIND } from "./codes.ts";

/**
 * Builds the snapshot of a graph revision. O(n + m) passes over typed arrays: the graph's columns
 * (see `columnsOf`) are kept in step with it by events, so the graph itself is not walked. Prefer
 * `snapshotOf(map)`, which keeps one snapshot per revision.
 */
export function buildSnapshot(graph: PowerGraph, opts: SnapshotOptions = {}): AnalysisSnapshot {
  return buildSnapshotAfter(graph, opts, undefined);
}

/**
 * `buildSnapshot`, given the graph's previous snapshot (`snapshotOf` passes it): when the
 * relationships have not changed since (only actors were added or edited), the new snapshot
 * carries over the previous one's sorted adjacency and lets derived views be carried too
 * (`sameRelationships`), so an edit such as moving an actor does not cost a rebuild.
 */
export function buildSnapshotAfter(graph: PowerGraph, opts: SnapshotOptions, prior: AnalysisSnapshot | undefined): AnalysisSnapshot {
  checkAsOf(opts.asOf, "buildSnapshot");
  const keep = relationshipFilter(opts.asOf, "buildSnapshot");
  const c = columnsOf(graph);
  const n = c.actorCount;
  const slots = c.actorKeys.length === n;
  const lineage: Lineage | undefined = keep ? undefined : { columns: c, linkEpoch: c.linkEpoch, relEpoch: c.relEpoch, slots };
  if (!keep && slots && c.relSlots === c.relCount) {
    // No holes and no filter: the columns are the snapshot's lists (borrowed, see GraphColumns.lend).
    const { actorKeys, actorRecords, relRecords, relFrom, relTo, relKind, relWeight } = c.lend();
    return new Snapshot(undefined, n, relRecords.length, actorKeys, actorRecords, undefined, relRecords, relFrom, relTo, { relKinds: relKind, relWeights: relWeight }, lineage, prior);
  }
  // Actor slot → actor number.
  const num = new Int32Array(c.actorKeys.length);
  const ids = new Array<string>(n);
  const records = new Array<Actor>(n);
  for (let s = 0, v = 0; s < c.actorKeys.length; s++) {
    const key = c.actorKeys[s];
    if (key === undefined) continue;
    num[s] = v;
    records[v] = c.actorRecords[s]!;
    ids[v++] = key;
  }
  const from = new Int32Array(c.relCount);
  const to = new Int32Array(c.relCount);
  const relKinds = new Uint8Array(c.relCount);
  const relWeights = new Float64Array(c.relCount);
  const { relFrom, relTo, relRecords, relKind, relWeight } = c;
  if (!keep && slots) {
    // Only relationships were removed (actor numbers are the slots): copy the runs between the
    // holes, typed columns as blocks. An O(m) loop per record here cost 75–500 ms after each
    // removal at 500k relationships.
    // A copy of the record list compacted in place (pushing 500k records one by one costs 3× more).
    const rels = relRecords.slice(0, c.relSlots) as Relationship[];
    let m = 0;
    for (let s = 0; s < c.relSlots; ) {
      if (relFrom[s] === -1) {
        s++;
        continue;
      }
      let e = s + 1;
      while (e < c.relSlots && relFrom[e] !== -1) e++;
      from.set(relFrom.subarray(s, e), m);
      to.set(relTo.subarray(s, e), m);
      relKinds.set(relKind.subarray(s, e), m);
      relWeights.set(relWeight.subarray(s, e), m);
      if (m !== s) for (let k = s; k < e; k++) rels[m + k - s] = rels[k]!;
      m += e - s;
      s = e;
    }
    rels.length = m;
    return new Snapshot(opts.asOf, n, m, ids, records, undefined, rels, from, to, { relKinds, relWeights }, lineage, prior);
  }
  const rels: Relationship[] = [];
  let m = 0;
  for (let s = 0; s < c.relSlots; s++) {
    const f = relFrom[s]!;
    if (f === -1) continue;
    const rel = relRecords[s]!;
    if (keep && !keep(rel)) continue;
    rels.push(rel);
    relKinds[m] = relKind[s]!;
    relWeights[m] = relWeight[s]!;
    from[m] = num[f]!;
    to[m++] = num[relTo[s]!]!;
  }
  const codes = { relKinds: relKinds.subarray(0, m), relWeights: relWeights.subarray(0, m) };
  return new Snapshot(opts.asOf, n, m, ids, records, undefined, rels, from, to, codes, lineage, prior);
}

/** Actor id → actor number. */
function indexOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
  return index;
}

/**
 * Builds a snapshot straight from a document's arrays, without a graphology model: research graphs
 * analysed in the CLI or in batch jobs do not pay for an editing model. The document should come
 * from `parse`; duplicate actor ids and relationships pointing at unknown actors throw a
 * ValidationError whose issues name the record and field.
 */
export function snapshotFromDocument(
  doc: Pick<PowerMapDocument, "actors" | "relationships">,
  opts: SnapshotOptions = {},
): AnalysisSnapshot {
  checkAsOf(opts.asOf, "snapshotFromDocument");
  const actors: readonly Actor[] = doc.actors;
  const n = actors.length;
  const ids: string[] = new Array<string>(n);
  const index = new Map<string, number>();
  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    const a = actors[i]!;
    if (index.has(a.id)) {
      issues.push(issue("duplicate_id", "actors", i, a.id, "id", `duplicate actor id "${a.id}"`));
    }
    index.set(a.id, i);
    ids[i] = a.id;
  }
  const keep = relationshipFilter(opts.asOf, "snapshotFromDocument");
  const all = doc.relationships;
  const rels: Relationship[] = [];
  const from = new Int32Array(all.length);
  const to = new Int32Array(all.length);
  let m = 0;
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    const f = index.get(r.from);
    const t = index.get(r.to);
    if (f === undefined) issues.push(issue("dangling_reference", "relationships", i, r.id, "from", `unknown actor "${r.from}"`));
    if (t === undefined) issues.push(issue("dangling_reference", "relationships", i, r.id, "to", `unknown actor "${r.to}"`));
    if (f === undefined || t === undefined || (keep && !keep(r))) continue;
    rels.push(r);
    from[m] = f;
    to[m++] = t;
  }
  if (issues.length > 0) {
    throw new ValidationError(`snapshotFromDocument: ${issues.length} problem(s), first: ${issues[0]!.message}`, issues);
  }
  return new Snapshot(opts.asOf, ids.length, rels.length, ids, actors, index, rels, from, to);
}

function issue(code: string, collection: "actors" | "relationships", index: number, id: string, field: string, what: string): Issue {
  return {
    code,
    message: `${collection}[${index}] (id "${id}").${field}: ${what}`,
    path: [collection, index, field],
    record: { collection, index, id },
    field,
    severity: "error",
  };
}

/** One direction of the CSR: the arcs of `v` are `offsets[v] … offsets[v + 1] − 1`, in relationship order. */
interface Csr {
  offsets: Int32Array;
  ends: Int32Array;
  rel: Int32Array;
}

/** Counting sort of relationships 0…m−1 by `key` (their `from` for out-arcs, `to` for in-arcs). */
function csrOf(n: number, m: number, key: Int32Array, other: Int32Array): Csr {
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r < m; r++) offsets[key[r]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const ends = new Int32Array(m);
  const rel = new Int32Array(m);
  const cursor = offsets.slice(0, n);
  for (let r = 0; r < m; r++) {
    const a = cursor[key[r]!]!++;
    ends[a] = other[r]!;
    rel[a] = r;
  }
  return { offsets, ends, rel };
}

/**
 * The same CSR for a graph that has since gained actors (appended, with no relationships yet): the
 * arc arrays are shared, the offsets extended.
 */
function extendCsr(csr: Csr, n: number): Csr {
  return { offsets: extendOffsets(csr.offsets, n), ends: csr.ends, rel: csr.rel };
}

/** A snapshot built from a graph's columns: which columns, and their epochs at the time. */
interface Lineage {
  columns: GraphColumns;
  linkEpoch: number;
  relEpoch: number;
  /** The actor columns had no holes: actor numbers are the columns' slots. */
  slots: boolean;
}

/**
 * Actor id → number of a snapshot whose numbers are its columns' slots: looked up in the index the
 * columns keep anyway, and checked against the snapshot's own ids (which later edits cannot
 * change), so a revision does not rebuild a 100k-entry map. Anything else — a miss, iteration —
 * goes to a full map, built on first need.
 */
class SlotIndex implements ReadonlyMap<string, number> {
  private full: Map<string, number> | undefined;
  constructor(
    private readonly columns: GraphColumns,
    private readonly ids: readonly string[],
  ) {}
  private map(): Map<string, number> {
    return (this.full ??= indexOf(this.ids));
  }
  get(id: string): number | undefined {
    const s = this.columns.slotOf(id);
    return s !== undefined && s < this.ids.length && this.ids[s] === id ? s : this.map().get(id);
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
  get size(): number {
    return this.ids.length;
  }
  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.map().forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[string, number]> {
    return this.map().entries();
  }
  keys(): MapIterator<string> {
    return this.map().keys();
  }
  values(): MapIterator<number> {
    return this.map().values();
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.map()[Symbol.iterator]();
  }
}

/** Kind code and default weight of each relationship, by relationship number. */
interface RelationshipCodes {
  relKinds: Uint8Array;
  relWeights: Float64Array;
}

/**
 * The snapshot object. Kind codes and weights come from the graph's columns; a snapshot of a
 * document reads them from every relationship record (scattered objects, the slowest part of a
 * build) on first use, so unweighted measures never pay.
 */
class Snapshot implements AnalysisSnapshot {
  readonly kind = "powermap-snapshot";
  readonly derived = new Map<string, unknown>();
  private actorNames: readonly string[] | undefined;
  private lazy: { outWeights: Float64Array; outKinds: Uint8Array; inWeights: Float64Array } | undefined;

  constructor(
    readonly asOf: string | undefined,
    readonly n: number,
    readonly m: number,
    readonly ids: readonly string[],
    private readonly actors: readonly Actor[],
    private idIndex: ReadonlyMap<string, number> | undefined,
    /** The records 0…m−1; may be longer when borrowed from the columns (see `relationships`). */
    private rels: readonly Relationship[],
    /** Actor number of each relationship's ends (may be longer than m; read 0…m−1 only). */
    private readonly from: Int32Array,
    private readonly to: Int32Array,
    private codes?: RelationshipCodes,
    private readonly lineage?: Lineage,
    prior?: AnalysisSnapshot,
  ) {
    const p = prior instanceof Snapshot ? prior.lineage : undefined;
    if (p && lineage && p.columns === lineage.columns && p.linkEpoch === lineage.linkEpoch && prior!.n <= n) {
      this.prior = prior as Snapshot;
      // One generation back is enough: the chain would otherwise keep every revision alive.
      this.prior.prior = undefined;
    }
  }

  /**
   * The relationship records. Borrowed from the graph's columns, the list may since have grown
   * (the columns append new relationships without copying it): then this snapshot's first m are
   * copied once, on first read, so its length is always m.
   */
  get relationships(): readonly Relationship[] {
    if (this.rels.length !== this.m) this.rels = this.rels.slice(0, this.m);
    return this.rels;
  }

  /** The previous revision's snapshot when the relationships link the same actor numbers. */
  private prior: Snapshot | undefined;

  get sameRelationships(): AnalysisSnapshot | undefined {
    const p = this.prior;
    return p && p.lineage!.relEpoch === this.lineage!.relEpoch ? p : undefined;
  }

  // Each direction is sorted on first use: PageRank reads only in-arcs, a BFS only out-arcs.
  private outCsr: Csr | undefined;
  private inCsr: Csr | undefined;
  private out(): Csr {
    const p = this.prior?.outCsr;
    return (this.outCsr ??= p ? extendCsr(p, this.n) : csrOf(this.n, this.m, this.from, this.to));
  }
  private in(): Csr {
    const p = this.prior?.inCsr;
    return (this.inCsr ??= p ? extendCsr(p, this.n) : csrOf(this.n, this.m, this.to, this.from));
  }
  get relFrom(): Int32Array {
    return this.from.length === this.m ? this.from : this.from.subarray(0, this.m);
  }
  get relTo(): Int32Array {
    return this.to.length === this.m ? this.to : this.to.subarray(0, this.m);
  }
  get outOffsets(): Int32Array {
    return this.out().offsets;
  }
  get outTargets(): Int32Array {
    return this.out().ends;
  }
  get outRel(): Int32Array {
    return this.out().rel;
  }
  get inOffsets(): Int32Array {
    return this.in().offsets;
  }
  get inSources(): Int32Array {
    return this.in().ends;
  }
  get inRel(): Int32Array {
    return this.in().rel;
  }

  /** Actor names, read from the records on first use (scattered objects, like kinds and weights). */
  get names(): readonly string[] {
    if (!this.actorNames) {
      const { ids, actors } = this;
      this.actorNames = ids.map((id, v) => {
        const name = actors[v]!.name;
        return typeof name === "string" ? name : id;
      });
    }
    return this.actorNames;
  }

  /** Built on first use when the builder resolved relationships without it (see buildSnapshot). */
  get index(): ReadonlyMap<string, number> {
    return (this.idIndex ??= this.lineage?.slots ? new SlotIndex(this.lineage.columns, this.ids) : indexOf(this.ids));
  }
  get relKinds(): Uint8Array {
    return this.relCodes().relKinds;
  }
  get relWeights(): Float64Array {
    return this.relCodes().relWeights;
  }
  get outWeights(): Float64Array {
    return this.arcFields().outWeights;
  }
  get outKinds(): Uint8Array {
    return this.arcFields().outKinds;
  }
  get inWeights(): Float64Array {
    return this.arcFields().inWeights;
  }

  /** Kind codes and weights by relationship: from the graph's columns, or read from the records once. */
  private relCodes(): RelationshipCodes {
    if (this.codes) return this.codes;
    const { m, relationships: rels } = this;
    const codes = { relKinds: new Uint8Array(m), relWeights: new Float64Array(m) };
    for (let r = 0; r < m; r++) {
      const rel = rels[r]!;
      codes.relKinds[r] = kindCode(rel);
      codes.relWeights[r] = defaultWeight(rel);
    }
    return (this.codes = codes);
  }

  /** The same per arc, in CSR order (built on first use: they need both CSR directions). */
  private arcFields(): NonNullable<Snapshot["lazy"]> {
    if (this.lazy) return this.lazy;
    const { m, outRel, inRel } = this;
    const { relKinds, relWeights } = this.relCodes();
    const outWeights = new Float64Array(m);
    const outKinds = new Uint8Array(m);
    const inWeights = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      const r = outRel[a]!;
      outWeights[a] = relWeights[r]!;
      outKinds[a] = relKinds[r]!;
      inWeights[a] = relWeights[inRel[a]!]!;
    }
    this.lazy = { outWeights, outKinds, inWeights };
    return this.lazy;
  }
}
