import type { Actor } from "../schema/actor.ts";
import type { PowerMapDocument } from "../schema/document.ts";
import type { Relationship } from "../schema/relationship.ts";
import type { PowerGraph } from "../graph/types.ts";
import type { Issue } from "../errors.ts";
import { ValidationError } from "../errors.ts";
import { checkAsOf, relationshipFilter } from "./as-of.ts";
import { columnsOf } from "./columns.ts";
import { defaultWeight, kindCode } from "./codes.ts";
import type { AnalysisSnapshot, SnapshotOptions } from "./types.ts";

export { UNKNOWN_KIND } from "./codes.ts";

/**
 * Builds the snapshot of a graph revision. O(n + m) passes over typed arrays: the graph's columns
 * (see `columnsOf`) are kept in step with it by events, so the graph itself is not walked. Prefer
 * `snapshotOf(map)`, which keeps one snapshot per revision.
 */
export function buildSnapshot(graph: PowerGraph, opts: SnapshotOptions = {}): AnalysisSnapshot {
  checkAsOf(opts.asOf, "buildSnapshot");
  const keep = relationshipFilter(opts.asOf, "buildSnapshot");
  const c = columnsOf(graph);
  const n = c.actorCount;
  if (!keep && c.actorKeys.length === n && c.relSlots === c.relCount) {
    // No holes and no filter: the columns are the snapshot's lists (borrowed, see GraphColumns.lend).
    const { actorKeys, actorRecords, relRecords, relKind, relWeight } = c.lend();
    return assemble(actorKeys, actorRecords, undefined, relRecords, c.relFrom, c.relTo, undefined, { relKinds: relKind, relWeights: relWeight });
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
  const rels: Relationship[] = [];
  const from = new Int32Array(c.relCount);
  const to = new Int32Array(c.relCount);
  const relKinds = new Uint8Array(c.relCount);
  const relWeights = new Float64Array(c.relCount);
  const { relFrom, relTo, relRecords, relKind, relWeight } = c;
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
  return assemble(ids, records, undefined, rels, from, to, opts.asOf, { relKinds: relKinds.subarray(0, m), relWeights: relWeights.subarray(0, m) });
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
  return assemble(ids, actors, index, rels, from, to, opts.asOf);
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

/** Counting sort of the relationships into out- and in-CSR. */
function assemble(
  ids: readonly string[],
  actors: readonly Actor[],
  index: Map<string, number> | undefined,
  rels: readonly Relationship[],
  from: Int32Array,
  to: Int32Array,
  asOf: string | undefined,
  codes?: RelationshipCodes,
): AnalysisSnapshot {
  const n = ids.length;
  const m = rels.length;
  const outOffsets = new Int32Array(n + 1);
  const inOffsets = new Int32Array(n + 1);
  for (let r = 0; r < m; r++) {
    outOffsets[from[r]! + 1]!++;
    inOffsets[to[r]! + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    outOffsets[v + 1]! += outOffsets[v]!;
    inOffsets[v + 1]! += inOffsets[v]!;
  }
  const outTargets = new Int32Array(m);
  const outRel = new Int32Array(m);
  const inSources = new Int32Array(m);
  const inRel = new Int32Array(m);
  const outCursor = outOffsets.slice(0, n);
  const inCursor = inOffsets.slice(0, n);
  for (let r = 0; r < m; r++) {
    const f = from[r]!;
    const t = to[r]!;
    const a = outCursor[f]!++;
    outTargets[a] = t;
    outRel[a] = r;
    const b = inCursor[t]!++;
    inSources[b] = f;
    inRel[b] = r;
  }
  return new Snapshot(asOf, n, m, ids, actors, index, rels, outOffsets, outTargets, outRel, inOffsets, inSources, inRel, codes);
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
  private lazy: { relKinds: Uint8Array; relWeights: Float64Array; outWeights: Float64Array; outKinds: Uint8Array; inWeights: Float64Array } | undefined;

  constructor(
    readonly asOf: string | undefined,
    readonly n: number,
    readonly m: number,
    readonly ids: readonly string[],
    private readonly actors: readonly Actor[],
    private idIndex: ReadonlyMap<string, number> | undefined,
    readonly relationships: readonly Relationship[],
    readonly outOffsets: Int32Array,
    readonly outTargets: Int32Array,
    readonly outRel: Int32Array,
    readonly inOffsets: Int32Array,
    readonly inSources: Int32Array,
    readonly inRel: Int32Array,
    private codes?: RelationshipCodes,
  ) {}

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
    return (this.idIndex ??= indexOf(this.ids));
  }
  get relKinds(): Uint8Array {
    return this.fields().relKinds;
  }
  get relWeights(): Float64Array {
    return this.fields().relWeights;
  }
  get outWeights(): Float64Array {
    return this.fields().outWeights;
  }
  get outKinds(): Uint8Array {
    return this.fields().outKinds;
  }
  get inWeights(): Float64Array {
    return this.fields().inWeights;
  }

  private fields(): NonNullable<Snapshot["lazy"]> {
    if (this.lazy) return this.lazy;
    const { m, relationships: rels, outRel, inRel } = this;
    let codes = this.codes;
    if (!codes) {
      codes = { relKinds: new Uint8Array(m), relWeights: new Float64Array(m) };
      for (let r = 0; r < m; r++) {
        const rel = rels[r]!;
        codes.relKinds[r] = kindCode(rel);
        codes.relWeights[r] = defaultWeight(rel);
      }
    }
    const { relKinds, relWeights } = codes;
    const outWeights = new Float64Array(m);
    const outKinds = new Uint8Array(m);
    const inWeights = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      const r = outRel[a]!;
      outWeights[a] = relWeights[r]!;
      outKinds[a] = relKinds[r]!;
      inWeights[a] = relWeights[inRel[a]!]!;
    }
    this.lazy = { relKinds, relWeights, outWeights, outKinds, inWeights };
    return this.lazy;
  }
}
